import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '@partnergraph/shared/contracts/common';
import { ssoDiscoverBody, ssoDiscoverResponse, ssoStartQuery } from '@partnergraph/shared/contracts/sso';
import type { Deps } from '../../lib/deps';
import { notFound } from '../../lib/errors';
import { setSessionCookie } from '../../plugins/auth';
import { discoverSso } from './domains.service';
import { spMetadataXml } from './saml-metadata';
import { findSamlConnectionForMetadata } from './sso.repository';
import { SsoRefusal } from './sso.refusal';
import { browserTokenOf, finishOidcSignIn, finishSamlSignIn, startSignIn } from './sso-signin.service';
import { acsUrlOf, spEntityIdOf } from './sso.urls';

/** Binds a sign-in to the browser that started it; only its hash is stored with the login state. */
const BROWSER_COOKIE = 'pg_sso';

const redirectSchema = { 302: z.null().describe('Redirects the browser') };

/** The sign-in endpoints the browser and the IdPs reach: all public, since no one is signed in yet. */
export default async function ssoAuthRoutes(app: FastifyInstance, { db, config, secrets }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['sso'];

  // The IdP posts the SAML response as an HTML form.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 * 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  const refused = (reply: FastifyReply, err: unknown) => {
    if (!(err instanceof SsoRefusal)) throw err;
    return reply.redirect(`/login?ssoError=${encodeURIComponent(err.reason)}`, 302);
  };

  const signedIn = (
    req: FastifyRequest,
    reply: FastifyReply,
    done: { token: string | null; challenge: { token: string } | null; returnTo: string },
  ) => {
    reply.clearCookie(BROWSER_COOKIE, { path: '/api/v1/auth/' });
    if (done.challenge) {
      // A second factor here comes first: the sign-in page finishes it. The pending token rides in the
      // fragment, which is neither sent to a server nor leaked in a Referer.
      const next = `/login?redirect=${encodeURIComponent(done.returnTo)}#mfa=${encodeURIComponent(done.challenge.token)}`;
      return reply.redirect(next, 302);
    }
    setSessionCookie(req, reply, done.token!);
    return reply.redirect(done.returnTo, 302);
  };

  r.get(
    '/auth/sso/start',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Start signing in through an SSO connection',
        description:
          "By the email's proven domain or by connection id: redirects to the IdP (OIDC authorization code with PKCE, or a SAML AuthnRequest). `returnTo` is honoured only as a path on this site. When nothing serves the sign-in, redirects to `/login?ssoError=no_connection`.",
        querystring: ssoStartQuery,
        response: redirectSchema,
      },
    },
    async (req, reply) => {
      const browser = browserTokenOf(req.cookies[BROWSER_COOKIE]);
      try {
        const url = await startSignIn(db, config, secrets, req.query, browser);
        // The SAML response comes back as a cross-site POST: only a SameSite=None cookie (which must be
        // Secure, so https) rides along. Over plain http the OIDC redirect (a GET) still carries a Lax one.
        const secure = req.protocol === 'https';
        reply.setCookie(BROWSER_COOKIE, browser, {
          path: '/api/v1/auth/',
          httpOnly: true,
          secure,
          sameSite: secure ? 'none' : 'lax',
          maxAge: 15 * 60,
        });
        return reply.redirect(url, 302);
      } catch (err) {
        return refused(reply, err);
      }
    },
  );

  r.get(
    '/auth/sso/callback/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'OIDC redirect URI: the IdP sends the browser back here with a code',
        description:
          "Checks the state against this browser's sign-in, redeems the code with the PKCE verifier, validates the ID token (issuer, audience, expiry, nonce, signature), provisions the person just in time (and, with rules in the role mapping, brings their role in line with the claims), opens a session and redirects to the sign-in's `returnTo` — or, when the organization also asks for a local second factor after SSO, redirects to `/login#mfa=<pending token>` to finish it. A refusal redirects to `/login?ssoError=<reason>` and is audited.",
        params: idParams,
        querystring: z.object({
          code: z.string().max(4000).optional(),
          state: z.string().max(500).optional(),
          iss: z.string().max(2000).optional(),
          error: z.string().max(200).optional(),
          error_description: z.string().max(2000).optional(),
        }),
        response: redirectSchema,
      },
    },
    async (req, reply) => {
      const rawQuery = req.raw.url?.split('?')[1] ?? '';
      try {
        const done = await finishOidcSignIn(
          db,
          infoOf(req),
          config,
          secrets,
          req.params.id,
          req.query,
          rawQuery,
          req.cookies[BROWSER_COOKIE],
        );
        return signedIn(req, reply, done);
      } catch (err) {
        return refused(reply, err);
      }
    },
  );

  r.post(
    '/auth/saml/acs/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'SAML assertion consumer service (HTTP-POST binding)',
        description:
          'Accepts only signed assertions addressed to this connection (audience, recipient, issuer, time window), answering a request this browser started, unless IdP-initiated sign-in is on; each assertion once. Redirects like the OIDC callback.',
        consumes: ['application/x-www-form-urlencoded'],
        params: idParams,
        body: z.object({
          SAMLResponse: z.string().min(1).max(1_000_000),
          RelayState: z.string().max(2000).optional(),
        }),
        response: redirectSchema,
      },
    },
    async (req, reply) => {
      try {
        const done = await finishSamlSignIn(
          db,
          infoOf(req),
          config,
          req.params.id,
          req.body,
          req.cookies[BROWSER_COOKIE],
        );
        return signedIn(req, reply, done);
      } catch (err) {
        return refused(reply, err);
      }
    },
  );

  r.get(
    '/auth/saml/metadata/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Our SAML service provider metadata for a connection, to import at the IdP',
        params: idParams,
        response: { 200: z.string().describe('SAML 2.0 EntityDescriptor (application/samlmetadata+xml)') },
      },
    },
    async (req, reply) => {
      const c = await findSamlConnectionForMetadata(db, req.params.id);
      if (!c) throw notFound('SAML connection');
      return reply
        .type('application/samlmetadata+xml; charset=utf-8')
        .header('content-disposition', `inline; filename="partnergraph-sp-${c.id}.xml"`)
        .send(spMetadataXml(spEntityIdOf(config.PUBLIC_URL, c.id), acsUrlOf(config.PUBLIC_URL, c.id)));
    },
  );

  r.post(
    '/auth/sso/discover',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Does this email's domain sign in with SSO?",
        description:
          'Answers whether a proven domain has an active SSO connection and where to start, without naming the organization. Limited to 300 requests per client per 15 minutes (429).',
        body: ssoDiscoverBody,
        response: { 200: ssoDiscoverResponse },
      },
    },
    async (req) => discoverSso(db, infoOf(req), req.body.email),
  );
}

function infoOf(req: FastifyRequest) {
  return { requestId: req.id, ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
}
