import { z } from 'zod';
import { idSchema, timestamp, versionField } from './common';
import { loginResponse, roleSchema } from './identity';

// --- WebAuthn JSON, as @simplewebauthn/browser hands it over (base64url fields) ---

const b64url = z
  .string()
  .min(1)
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]+$/, 'Expected base64url');
const transport = z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
const credentialCommon = {
  id: b64url,
  rawId: b64url,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
};

export const registrationResponseSchema = z.strictObject({
  ...credentialCommon,
  response: z.strictObject({
    clientDataJSON: b64url,
    attestationObject: b64url,
    authenticatorData: b64url.optional(),
    transports: z.array(transport).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url.optional(),
  }),
});

export const authenticationResponseSchema = z.strictObject({
  ...credentialCommon,
  response: z.strictObject({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
});

/** PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON: passed to the browser library untouched. */
export const passkeyOptionsSchema = z
  .record(z.string(), z.unknown())
  .describe(
    'WebAuthn options as JSON, for @simplewebauthn/browser (startRegistration / startAuthentication)',
  );

// --- Codes ---

export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app');
export const recoveryCode = z
  .string()
  .trim()
  .min(8, 'Enter one of your recovery codes')
  .max(40, 'Enter one of your recovery codes');
export const passkeyName = z.string().trim().min(1).max(100);

// --- Sign-in: the second step ---

export const mfaMethod = z.enum(['totp', 'passkey', 'recovery_code']);

/** What a verified password answers (202) when a second factor, or enrolling one, must come first. */
export const mfaChallengeSchema = z.object({
  step: z
    .enum(['mfa_verify', 'mfa_enroll'])
    .describe(
      '`mfa_verify`: prove a factor you have; `mfa_enroll`: your organization requires MFA and you have none yet — set up an authenticator app or a passkey to finish signing in',
    ),
  token: z
    .string()
    .describe('Single-use pending sign-in token: send it with the second step. No session yet'),
  expiresAt: timestamp,
  methods: z.array(mfaMethod).describe('What this person can use for `mfa_verify`'),
});
export type MfaChallenge = z.infer<typeof mfaChallengeSchema>;

const pendingToken = z.string().min(1).max(200);
export const pendingTokenBody = z.strictObject({ token: pendingToken });
export const totpSignInBody = z.strictObject({ token: pendingToken, code: totpCode });
export const recoveryCodeSignInBody = z.strictObject({ token: pendingToken, code: recoveryCode });
export const passkeySignInBody = z.strictObject({
  token: pendingToken,
  response: authenticationResponseSchema,
});
export const passwordlessBody = z.strictObject({ response: authenticationResponseSchema });
export const passkeyEnrollSignInBody = z.strictObject({
  token: pendingToken,
  name: passkeyName,
  response: registrationResponseSchema,
});

/** A completed sign-in; `recoveryCodes` when it enrolled the first factor (shown this once). */
export const mfaSignInResponse = loginResponse.extend({
  recoveryCodes: z.array(z.string()).optional(),
});

export const totpSetupSchema = z.object({
  secret: z.string().describe('Base32 secret, to type into an authenticator app'),
  uri: z.string().describe('otpauth:// URI (what a QR code would hold)'),
});

// --- The account's own factors ---

export const passkeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  backedUp: z.boolean().describe('Synced by its provider (a multi-device passkey)'),
});
export type Passkey = z.infer<typeof passkeySchema>;

export const myMfaSchema = z.object({
  totp: z
    .object({ confirmedAt: timestamp.nullable() })
    .nullable()
    .describe('The authenticator app; `confirmedAt` null while set-up waits for its first code'),
  passkeys: z.array(passkeySchema),
  recoveryCodes: z.object({ remaining: z.number().int(), generatedAt: timestamp.nullable() }),
  required: z.boolean().describe("Whether your organization's policy requires MFA"),
});
export type MyMfa = z.infer<typeof myMfaSchema>;

export const confirmTotpBody = z.strictObject({ code: totpCode });
export const addPasskeyBody = z.strictObject({ name: passkeyName, response: registrationResponseSchema });
export const renamePasskeyBody = z.strictObject({ name: passkeyName });
export const recoveryCodesSchema = z.object({
  codes: z.array(z.string()).describe('Shown this once: each works one time'),
});
/** Answer of enrolling a factor: new recovery codes when it was the first. */
export const factorAddedSchema = z.object({
  passkey: passkeySchema.optional(),
  recoveryCodes: z.array(z.string()).optional(),
});

// --- The organization's policy and people (admins) ---

export const mfaPolicyBody = z.strictObject({
  required: z
    .boolean()
    .describe('Members must sign in with a second factor; those with none enroll at their next sign-in'),
  afterSso: z
    .boolean()
    .optional()
    .describe(
      "Also ask for a second factor here after a sign-in through the organization's SSO (those with none enroll). Off by default: the IdP's own MFA is trusted. Unchanged when left out",
    ),
  version: versionField,
});

export const personFactorsSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  status: z.enum(['active', 'deactivated']),
  totp: z.boolean(),
  passkeys: z.number().int(),
  recoveryCodesRemaining: z.number().int(),
});
export type PersonFactors = z.infer<typeof personFactorsSchema>;

export const organizationSecuritySchema = z.object({
  organizationId: idSchema,
  organizationName: z.string(),
  mfaRequired: z.boolean(),
  mfaAfterSso: z
    .boolean()
    .describe("A second factor here also after signing in through the organization's SSO"),
  version: z.number().int(),
  people: z.array(personFactorsSchema),
});
export type OrganizationSecurity = z.infer<typeof organizationSecuritySchema>;
