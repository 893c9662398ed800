import { z } from 'zod';
import { timestamp } from './common';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: timestamp,
  actor: z.object({
    userId: z.string().nullable(),
    name: z.string().nullable(),
    organizationId: z.string().nullable(),
    apiTokenId: z
      .string()
      .nullable()
      .describe(
        'The API token that made the change (an integration or an AI assistant); null for a person’s session',
      ),
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

/**
 * Documented as a date-time string, so typed clients send one; read as before, by `Date` (a date alone
 * is its UTC midnight), so every value the server accepted stays accepted.
 */
const instant = z.string().meta({ format: 'date-time' }).pipe(z.coerce.date());

export const auditListQuery = z.object({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(64).optional(),
  actorUserId: z.string().max(64).optional(),
  from: instant.optional().describe('Entries at or after this instant'),
  to: instant.optional().describe('Entries before this instant'),
});
