import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '@partnergraph/shared/contracts/common';
import {
  addPasskeyBody,
  confirmTotpBody,
  factorAddedSchema,
  mfaPolicyBody,
  myMfaSchema,
  organizationSecuritySchema,
  passkeyOptionsSchema,
  passkeySchema,
  personFactorsSchema,
  recoveryCodesSchema,
  renamePasskeyBody,
  totpSetupSchema,
} from '@partnergraph/shared/contracts/mfa';
import type { Deps } from '../../lib/deps';
import { siteOf } from '../mail/templates';
import {
  addPasskey,
  beginTotp,
  confirmTotp,
  getMyMfa,
  passkeyOptions,
  regenerateRecoveryCodes,
  removeMyPasskey,
  removeTotp,
  renameMyPasskey,
} from './account.service';
import { getOrganizationSecurity, resetFactors, setMfaPolicy } from './admin.service';
import { signInRoutes } from './sign-in.routes';
import { relyingPartyOf } from './webauthn';

const sessionOnly =
  'Changed from a signed-in session only (403 with an API token); every change is audited and e-mailed to you.';

export default async function mfaRoutes(app: FastifyInstance, { db, mailer, config, secrets }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const d = { db, mailer, secrets, site: siteOf(config), rp: relyingPartyOf(config) };
  await signInRoutes(app, d);
  const tags = ['mfa'];
  const me = { access: 'authenticated' as const };

  r.get(
    '/me/mfa',
    {
      config: me,
      schema: {
        tags,
        summary: 'Your sign-in factors: authenticator app, passkeys, recovery codes left',
        response: { 200: myMfaSchema },
      },
    },
    async (req) => getMyMfa(d, req.ctx),
  );

  r.post(
    '/me/mfa/totp',
    {
      config: { ...me, noReplay: true },
      schema: {
        tags,
        summary: 'Start setting up an authenticator app',
        description: `Answers a new secret and its otpauth URI; it becomes a factor when POST /me/mfa/totp/confirm gets its first code. ${sessionOnly}`,
        response: { 200: totpSetupSchema },
      },
    },
    async (req) => beginTotp(d, req.ctx),
  );

  r.post(
    '/me/mfa/totp/confirm',
    {
      config: { ...me, noReplay: true },
      schema: {
        tags,
        summary: 'Confirm the authenticator app with its first code',
        description: `Answers recovery codes when this is your first factor (shown this once). ${sessionOnly}`,
        body: confirmTotpBody,
        response: { 200: factorAddedSchema },
      },
    },
    async (req) => confirmTotp(d, req.ctx, req.body.code),
  );

  r.delete(
    '/me/mfa/totp',
    {
      config: me,
      schema: {
        tags,
        summary: 'Remove your authenticator app',
        description: `Refused (422) when it is your last factor and your organization requires MFA. ${sessionOnly}`,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeTotp(d, req.ctx);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/me/mfa/passkeys/options',
    {
      config: me,
      schema: {
        tags,
        summary: 'WebAuthn options to create a passkey',
        description: `For @simplewebauthn/browser's startRegistration; the challenge works once, for 5 minutes. ${sessionOnly}`,
        response: { 200: passkeyOptionsSchema },
      },
    },
    async (req) => passkeyOptions(d, req.ctx),
  );

  r.post(
    '/me/mfa/passkeys',
    {
      config: { ...me, noReplay: true },
      schema: {
        tags,
        summary: 'Add a passkey',
        description: `Answers recovery codes when this is your first factor (shown this once). ${sessionOnly}`,
        body: addPasskeyBody,
        response: { 201: factorAddedSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addPasskey(d, req.ctx, req.body)),
  );

  r.patch(
    '/me/mfa/passkeys/:id',
    {
      config: me,
      schema: {
        tags,
        summary: 'Rename one of your passkeys',
        params: idParams,
        body: renamePasskeyBody,
        response: { 200: passkeySchema },
      },
    },
    async (req) => renameMyPasskey(d, req.ctx, req.params.id, req.body.name),
  );

  r.delete(
    '/me/mfa/passkeys/:id',
    {
      config: me,
      schema: {
        tags,
        summary: 'Remove one of your passkeys',
        description: `Refused (422) when it is your last factor and your organization requires MFA. ${sessionOnly}`,
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeMyPasskey(d, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/me/mfa/recovery-codes',
    {
      config: { ...me, noReplay: true },
      schema: {
        tags,
        summary: 'Generate new recovery codes (the old ones stop working)',
        description: `Ten single-use codes, shown this once and stored hashed. ${sessionOnly}`,
        response: { 200: recoveryCodesSchema },
      },
    },
    async (req) => regenerateRecoveryCodes(d, req.ctx),
  );

  r.get(
    '/mfa/organizations/:id',
    {
      config: { access: 'mfa:manage' },
      schema: {
        tags,
        summary: "An organization's MFA policy and its people's factors",
        description: "The vendor admin reads any organization's; a partner admin its own.",
        params: idParams,
        response: { 200: organizationSecuritySchema },
      },
    },
    async (req) => getOrganizationSecurity(db, req.ctx, req.params.id),
  );

  r.post(
    '/mfa/organizations/:id/policy',
    {
      config: { access: 'mfa:manage' },
      schema: {
        tags,
        summary: 'Turn "MFA required" on or off for an organization',
        description:
          'With it on, members sign in with a second factor, and those with none set one up at their next sign-in before anything else.',
        params: idParams,
        body: mfaPolicyBody,
        response: { 200: organizationSecuritySchema },
      },
    },
    async (req) => setMfaPolicy(db, req.ctx, req.params.id, req.body),
  );

  r.post(
    '/mfa/users/:id/reset',
    {
      config: { access: 'mfa:manage' },
      schema: {
        tags,
        summary: "Reset a person's sign-in factors (lost phone or keys)",
        description:
          'Removes their authenticator app, passkeys and recovery codes; audited and e-mailed to them. The vendor admin resets anyone; a partner admin the people of its organization.',
        params: idParams,
        response: { 200: personFactorsSchema },
      },
    },
    async (req) => resetFactors(d, req.ctx, req.params.id),
  );
}
