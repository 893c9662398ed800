import { z } from 'zod';
import { timestamp } from './common';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: timestamp,
  actor: z.object({
    userId: z.string().nullable(),
    name: z.string().nullable(),
    organizationId: z.string().nullable(),
    organizationName: z.string().nullable().describe("The actor's organization, by name"),
    apiTokenId: z
      .string()
      .nullable()
      .describe(
        'The API token that made the change (an integration or an AI assistant); null for a person’s session',
      ),
  }),
  action: z.string(),
  actionLabel: z.string().describe('The action in words, e.g. "Deal approved"'),
  entityType: z.string(),
  entityTypeLabel: z.string().describe('The kind of record in words, e.g. "Fund request"'),
  entityId: z.string().nullable(),
  entityName: z
    .string()
    .nullable()
    .describe('The record by name (a partner, a person, a deal’s customer…), when it has one you may read'),
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
  organizationId: z
    .string()
    .max(64)
    .optional()
    .describe("Entries by this organization's people, or about the organization itself"),
  from: instant.optional().describe('Entries at or after this instant'),
  to: instant.optional().describe('Entries before this instant'),
});

const choice = z.object({ value: z.string(), label: z.string() });

export const auditFacetsSchema = z.object({
  actions: z.array(choice).describe('Every action in the log you may read, in words'),
  entityTypes: z.array(choice),
  people: z
    .array(z.object({ id: z.string(), name: z.string(), organizationName: z.string().nullable() }))
    .describe('People who made a change in the log'),
  organizations: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe('Organizations whose people made a change in the log'),
});
export type AuditFacets = z.infer<typeof auditFacetsSchema>;
