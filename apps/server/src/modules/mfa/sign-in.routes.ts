import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loginResponse } from '@partnergraph/shared/contracts/identity';
import {
  mfaChallengeSchema,
  mfaSignInResponse,
  passkeyEnrollSignInBody,
  passkeyOptionsSchema,
  passkeySignInBody,
  passwordlessBody,
  pendingTokenBody,
  recoveryCodeSignInBody,
  totpSetupSchema,
  totpSignInBody,
} from '@partnergraph/shared/contracts/mfa';
import { SESSION_COOKIE, setSessionCookie } from '../../plugins/auth';
import {
  describePending,
  passkeyOptionsForPending,
  passkeySetupForPending,
  passwordlessOptions,
  signInWithPasskey,
  signInWithPasskeyFactor,
  signInWithRecoveryCode,
  signInWithNewPasskey,
  signInWithTotp,
  totpSetupForPending,
  type SignInDeps,
} from './sign-in.service';

const infoOf = (req: FastifyRequest) => ({
  requestId: req.id,
  ip: req.ip ?? null,
  userAgent: req.headers['user-agent'] ?? null,
});

/** Sets the session cookie of a finished sign-in and answers its body. */
function signedIn<B>(req: FastifyRequest, reply: FastifyReply, done: { token: string; body: B }) {
  setSessionCookie(req, reply, done.token);
  return done.body;
}

const pendingNote =
  'Needs the pending sign-in token a password sign-in answered with 202 (10 minutes, single use). Wrong codes are limited to 5 per person in 15 minutes (429).';

/** The second step of signing in, and signing in with a passkey alone: all before any session exists. */
export async function signInRoutes(app: FastifyInstance, d: SignInDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const noStore = { access: 'public' as const, noReplay: true };

  r.post(
    '/auth/mfa/totp',
    {
      config: noStore,
      schema: {
        tags,
        summary: 'Finish signing in with the code of your authenticator app',
        description: `${pendingNote} A code works once. When the sign-in was enrolling (your organization requires MFA), this first code confirms the app set up with /auth/mfa/totp-setup and the answer carries your recovery codes, shown this once.`,
        body: totpSignInBody,
        response: { 200: mfaSignInResponse },
      },
    },
    async (req, reply) =>
      signedIn(req, reply, await signInWithTotp(d, infoOf(req), req.body, req.cookies[SESSION_COOKIE])),
  );

  r.post(
    '/auth/mfa/recovery-code',
    {
      config: noStore,
      schema: {
        tags,
        summary: 'Finish signing in with one of your recovery codes',
        description: `${pendingNote} Each code works once; you are told by e-mail how many are left.`,
        body: recoveryCodeSignInBody,
        response: { 200: loginResponse },
      },
    },
    async (req, reply) =>
      signedIn(
        req,
        reply,
        await signInWithRecoveryCode(d, infoOf(req), req.body, req.cookies[SESSION_COOKIE]),
      ),
  );

  r.post(
    '/auth/mfa/passkey/options',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'WebAuthn options to prove one of your passkeys as the second step',
        description: pendingNote,
        body: pendingTokenBody,
        response: { 200: passkeyOptionsSchema },
      },
    },
    async (req) => passkeyOptionsForPending(d, req.body),
  );

  r.post(
    '/auth/mfa/passkey',
    {
      config: noStore,
      schema: {
        tags,
        summary: 'Finish signing in with one of your passkeys',
        description: `${pendingNote} The challenge of the options works once, for 5 minutes.`,
        body: passkeySignInBody,
        response: { 200: loginResponse },
      },
    },
    async (req, reply) =>
      signedIn(
        req,
        reply,
        await signInWithPasskeyFactor(d, infoOf(req), req.body, req.cookies[SESSION_COOKIE]),
      ),
  );

  r.post(
    '/auth/mfa/totp-setup',
    {
      config: noStore,
      schema: {
        tags,
        summary: 'Set up an authenticator app while signing in (your organization requires MFA)',
        description:
          'Only for a pending sign-in of step `mfa_enroll`. Answers the secret and otpauth URI to add to the app; finish with POST /auth/mfa/totp and its first code.',
        body: pendingTokenBody,
        response: { 200: totpSetupSchema },
      },
    },
    async (req) => totpSetupForPending(d, infoOf(req), req.body),
  );

  r.post(
    '/auth/mfa/pending',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What a pending sign-in still needs (its step and the methods you can use)',
        description: `${pendingNote} After a single sign-on that asks for a second factor here, the browser is sent to \`/login#mfa=<token>\`; the page reads the step from this.`,
        body: pendingTokenBody,
        response: { 200: mfaChallengeSchema },
      },
    },
    async (req) => describePending(d, req.body),
  );

  r.post(
    '/auth/mfa/passkey-setup',
    {
      config: noStore,
      schema: {
        tags,
        summary: 'Create a passkey while signing in (your organization requires MFA)',
        description:
          'Only for a pending sign-in of step `mfa_enroll`. Answers WebAuthn creation options for `startRegistration`; finish with POST /auth/mfa/passkey-enroll. The challenge works once, for 5 minutes.',
        body: pendingTokenBody,
        response: { 200: passkeyOptionsSchema },
      },
    },
    async (req) => passkeySetupForPending(d, req.body),
  );

  r.post(
    '/auth/mfa/passkey-enroll',
    {
      config: noStore,
      schema: {
        tags,
        summary: 'Finish signing in by adding the passkey just created as your first factor',
        description:
          'Only for a pending sign-in of step `mfa_enroll`. The passkey is registered, recovery codes are issued (in the answer, shown this once) and the session opens, all at once; the owner is told by e-mail.',
        body: passkeyEnrollSignInBody,
        response: { 200: mfaSignInResponse },
      },
    },
    async (req, reply) =>
      signedIn(req, reply, await signInWithNewPasskey(d, infoOf(req), req.body, req.cookies[SESSION_COOKIE])),
  );

  r.post(
    '/auth/passkey/options',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'WebAuthn options to sign in with a passkey, without a password',
        description:
          'Any passkey registered here answers them (discoverable credentials); the authenticator must verify its owner. Limited to 100 per client address in 15 minutes (429).',
        response: { 200: passkeyOptionsSchema },
      },
    },
    async (req) => passwordlessOptions(d, infoOf(req)),
  );

  r.post(
    '/auth/passkey',
    {
      config: noStore,
      schema: {
        tags,
        summary: 'Sign in with a passkey, without a password',
        description:
          'Opens a session like a password sign-in with its second factor: a passkey whose authenticator verified its owner is both.',
        body: passwordlessBody,
        response: { 200: loginResponse },
      },
    },
    async (req, reply) =>
      signedIn(req, reply, await signInWithPasskey(d, infoOf(req), req.body, req.cookies[SESSION_COOKIE])),
  );
}
