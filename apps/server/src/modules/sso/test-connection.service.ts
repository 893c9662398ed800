import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import type { SecretBox } from '../../lib/secrets';
import { probeOidc } from './oidc';
import { certificateExpiry } from './saml-metadata';
import { findConnectionById } from './sso.repository';
import { idpUrlProblem } from './sso.urls';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * What an admin can check before anyone signs in: OIDC discovery answers and names the endpoints sign-in
 * needs; SAML settings are complete and the certificates are in date. Failures are answers (ok: false),
 * not errors: the point is to show what is wrong.
 */
export async function testConnection(db: Db, ctx: Ctx, secrets: SecretBox, id: string) {
  const c = await findConnectionById(db, ctx.actor, id);
  if (!c) throw notFound('SSO connection');
  const checks: Check[] = [];
  if (c.protocol === 'oidc') {
    try {
      const meta = await probeOidc(c, secrets);
      checks.push({ name: 'discovery', ok: true, detail: `Read the discovery document of ${meta.issuer}` });
      checks.push({
        name: 'endpoints',
        ok: Boolean(meta.authorizationEndpoint && meta.tokenEndpoint && meta.jwksUri),
        detail: `authorization: ${meta.authorizationEndpoint ?? 'missing'}; token: ${meta.tokenEndpoint ?? 'missing'}; keys: ${meta.jwksUri ?? 'missing'}`,
      });
      checks.push({
        name: 'pkce',
        ok: meta.codeChallengeS256,
        detail: meta.codeChallengeS256
          ? 'The IdP supports PKCE (S256)'
          : 'The IdP does not advertise PKCE S256',
      });
    } catch (err) {
      checks.push({
        name: 'discovery',
        ok: false,
        detail: `Could not read ${c.oidcIssuer}/.well-known/openid-configuration: ${(err as Error).message}`,
      });
    }
  } else {
    const urlProblem = c.samlIdpSsoUrl ? idpUrlProblem(c.samlIdpSsoUrl) : 'missing';
    checks.push({
      name: 'sso_url',
      ok: !urlProblem,
      detail: urlProblem ? `Sign-in URL ${urlProblem}` : `Sign-in URL ${c.samlIdpSsoUrl}`,
    });
    checks.push({
      name: 'entity_id',
      ok: Boolean(c.samlIdpEntityId),
      detail: c.samlIdpEntityId ?? 'missing',
    });
    const now = Date.now();
    if (!c.samlIdpCertificates.length)
      checks.push({ name: 'certificates', ok: false, detail: 'No IdP signing certificate' });
    c.samlIdpCertificates.forEach((pem, i) => {
      const expires = certificateExpiry(pem);
      if (!expires) {
        checks.push({ name: `certificate_${i + 1}`, ok: false, detail: 'Not an X.509 certificate' });
        return;
      }
      checks.push({
        name: `certificate_${i + 1}`,
        ok: expires.getTime() > now,
        detail:
          expires.getTime() > now
            ? `Valid until ${expires.toISOString()}`
            : `Expired on ${expires.toISOString()}`,
      });
    });
  }
  if (c.status !== 'active')
    checks.push({
      name: 'status',
      ok: false,
      detail: c.status === 'pending_approval' ? 'Waiting for the vendor admin to approve it' : 'Disabled',
    });
  return { ok: checks.every((x) => x.ok), checks };
}
