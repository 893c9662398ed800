import { insertAuditEntries } from '../modules/audit/audit.repository';
import type { Ctx } from '../lib/actor';
import { AppError, staleVersion } from '../lib/errors';
import { newId } from '../lib/ids';
import { redact } from '../lib/redact';
import type { Db, Queryable } from './client';
import { outbox } from './platform.tables';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface EventInput {
  type: string;
  entityType: string;
  entityId: string | null;
  /** Organizations the event concerns: webhooks go only to them and the vendor. */
  organizationIds?: string[];
  payload: Record<string, unknown>;
}

export interface ChangeRecorder {
  audit(entry: AuditInput): void;
  event(event: EventInput): void;
}

/** `userId` null: an organization's own machinery acting (its identity provider's SCIM token), no person. */
type AuditCtx = Pick<Ctx, 'requestId' | 'ip'> & {
  actor: { userId: string | null; orgId: string; tokenId?: string | null } | null;
};

/**
 * Every state change runs here: one transaction that applies the change and
 * writes its audit entry and outbox event. A change that records no audit
 * entry is refused, so no write can slip past the log.
 */
export async function runChange<T>(
  db: Db,
  ctx: AuditCtx,
  apply: (tx: Tx, record: ChangeRecorder) => Promise<T>,
  /**
   * `refreshOnly`: the work may end up refreshing derived data alone (a cached
   * evaluation) with nothing to audit; whatever it does record is still written.
   */
  opts: { refreshOnly?: boolean } = {},
): Promise<T> {
  return db.transaction(async (tx) => {
    const audits: AuditInput[] = [];
    const events: EventInput[] = [];
    const result = await apply(tx, { audit: (a) => audits.push(a), event: (e) => events.push(e) });
    if (audits.length === 0 && !opts.refreshOnly) {
      throw new AppError('internal', 'A change was attempted without an audit entry');
    }
    if (audits.length) await writeAudit(tx, ctx, audits);
    if (events.length) {
      await tx.insert(outbox).values(
        events.map((e) => ({
          id: newId(),
          type: e.type,
          entityType: e.entityType,
          entityId: e.entityId,
          organizationIds: e.organizationIds ?? [],
          payload: redact(e.payload),
        })),
      );
    }
    return result;
  });
}

/** For events that are not state changes of their own (a failed sign-in): an audit entry alone. */
export async function writeAudit(q: Queryable, ctx: AuditCtx, entries: AuditInput[]): Promise<void> {
  await insertAuditEntries(
    q,
    entries.map((a) => ({
      id: newId(),
      actorUserId: ctx.actor?.userId ?? null,
      actorOrgId: ctx.actor?.orgId ?? null,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      before: a.before ? redact(a.before) : null,
      after: a.after ? redact(a.after) : null,
      requestId: ctx.requestId,
      apiTokenId: ctx.actor?.tokenId ?? null,
      ip: ctx.ip,
    })),
  );
}

/** Optimistic concurrency: the caller's version must equal the stored one. */
export function assertVersion(stored: { version: number }, given: number): void {
  if (stored.version !== given) throw staleVersion(stored.version);
}
