import { z } from 'zod';
import { timestamp } from './common';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: timestamp,
  actor: z.object({
    userId: z.string().nullable(),
    name: z.string().nullable(),
    organizationId: z.string().nullable(),
  }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuery = z.object({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(64).optional(),
  actorUserId: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
