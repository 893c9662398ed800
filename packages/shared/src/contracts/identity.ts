import { z } from 'zod';
import { roles } from '../permissions';
import { timestamp } from './common';

export const roleSchema = z.enum(roles);

export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');

export const loginBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

export const userSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: z.enum(['active', 'deactivated']),
  version: z.number().int(),
  createdAt: timestamp,
});
export type User = z.infer<typeof userSchema>;

/** The signed-in user as they see themselves: with their own preferences. */
export const ownUserSchema = userSchema.extend({
  emailDigest: z
    .boolean()
    .describe('Whether the daily digest of what waits for this user is emailed (on days something waits)'),
});

export const organizationSummary = z.object({
  id: z.string(),
  kind: z.enum(['vendor', 'partner']),
  name: z.string(),
});

export const loginResponse = z.object({
  user: ownUserSchema,
  organization: organizationSummary,
  csrfToken: z.string(),
});
export type LoginResponse = z.infer<typeof loginResponse>;

export const meResponse = z.object({
  user: ownUserSchema,
  organization: organizationSummary,
  /** Present for cookie sessions: send it as `x-csrf-token` on every write. */
  csrfToken: z.string().nullable(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const updateMeBody = z.strictObject({
  emailDigest: z.boolean().optional().describe('Turn the daily digest on or off'),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export const changePasswordResponse = z.object({ csrfToken: z.string().nullable() });

export const userListQuery = z.object({
  organizationId: z.string().max(64).optional(),
  role: roleSchema.optional(),
  status: z.enum(['active', 'deactivated']).optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(['name', '-name', 'email', '-email', 'createdAt', '-createdAt']).default('name'),
});

// --- Sessions and API tokens ---

export const sessionSchema = z.object({
  id: z.string(),
  createdAt: timestamp,
  lastSeenAt: timestamp,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean().describe('The session making this request'),
});

export const tokenScope = z.enum(['read', 'read_write']);

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scope: tokenScope.describe('`read` tokens may only make GET requests'),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: tokenScope,
  prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
  createdAt: timestamp,
  expiresAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});
export type ApiToken = z.infer<typeof tokenSchema>;

export const createdTokenSchema = tokenSchema.extend({
  token: z.string().describe('The secret: shown this once, never again'),
});

// --- Invitations ---

export const invitationStatus = z.enum(['pending', 'accepted', 'revoked', 'expired']);

export const createInvitationBody = z.strictObject({
  email: z.email().max(254),
  role: roleSchema,
  organizationId: z
    .string()
    .max(64)
    .optional()
    .describe("Defaults to the inviter's organization; the vendor may invite into any partner"),
});

export const invitationSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  email: z.string(),
  role: roleSchema,
  status: invitationStatus,
  invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  sendCount: z.number().int(),
  lastSentAt: timestamp,
  expiresAt: timestamp,
  acceptedAt: timestamp.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationListQuery = z.object({
  organizationId: z.string().max(64).optional(),
  status: invitationStatus.optional(),
});

export const invitationPreview = z.object({
  email: z.string(),
  role: roleSchema,
  organizationName: z.string(),
  expiresAt: timestamp,
});

export const acceptInvitationBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  password: passwordSchema,
});

export const versionBody = z.strictObject({ version: z.number().int().min(1) });

// --- Password reset ---

export const passwordResetBody = z.strictObject({ email: z.email().max(254) });
export const passwordResetResponse = z.object({ message: z.string() });
export const passwordResetConfirmBody = z.strictObject({
  token: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

// --- Team management ---

export const updateUserBody = z.strictObject({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(200).optional(),
  role: roleSchema.optional(),
});

export const deactivateUserBody = z.strictObject({
  version: z.number().int().min(1),
  reassignTo: z
    .string()
    .max(64)
    .optional()
    .describe("A teammate who takes over the user's records (e.g. partners they manage)"),
});
