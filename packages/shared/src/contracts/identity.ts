import { z } from 'zod';
import { roles } from '../permissions';
import { timestamp } from './common';

export const roleSchema = z.enum(roles);

export const passwordSchema = z
  .string()
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');

export const loginBody = z.object({
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
  createdAt: timestamp,
});
export type User = z.infer<typeof userSchema>;

export const organizationSummary = z.object({
  id: z.string(),
  kind: z.enum(['vendor', 'partner']),
  name: z.string(),
});

export const loginResponse = z.object({
  user: userSchema,
  organization: organizationSummary,
  csrfToken: z.string(),
});
export type LoginResponse = z.infer<typeof loginResponse>;

export const meResponse = z.object({
  user: userSchema,
  organization: organizationSummary,
  /** Present for cookie sessions: send it as `x-csrf-token` on every write. */
  csrfToken: z.string().nullable(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const changePasswordBody = z.object({
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
