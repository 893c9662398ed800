import type { CrmRunCounts } from '@partnergraph/shared/contracts/crm';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/actor';
import type { SecretBox } from '../../lib/secrets';
import { CrmError, type CrmObject, type CrmProvider } from './crm.provider';
import { budgetWindowMs } from './crm.providers';
import {
  claimConnection,
  insertRunRecords,
  resolveErrors,
  type ConnectionRow,
  type RunRecordRow,
  type RunRow,
} from './crm.repository';

/** What one run carries through its phases. */
export interface RunState {
  db: Db;
  secrets: SecretBox;
  connection: ConnectionRow;
  run: RunRow;
  provider: CrmProvider;
  dryRun: boolean;
  counts: CrmRunCounts;
  /** The vendor admin the sync acts as towards the deals service (audit entries carry the run's id). */
  ctx: Ctx;
  /** Remote ids an earlier step of this dry run would have created, so counts are not doubled. */
  planned: Set<string>;
  /** Partners whose account the CRM refused in this run: their other deals are logged, not sent again. */
  refusedPartners: Map<string, CrmError>;
  /** A retry of chosen log records only (their ids); null: every open error. */
  retryRecordIds?: string[] | null;
}

/** The CRM by name, for messages that quote it. */
export const crmName = (s: Pick<RunState, 'connection'>) =>
  s.connection.kind === 'hubspot' ? 'HubSpot' : 'Salesforce';

export const leaseMs = 10 * 60_000;

/** Stops the run where the configured share of the CRM's daily API budget is spent. */
export class BudgetReached extends Error {}

/** Stops the run at a page boundary when sync was paused; resuming continues it from its watermarks. */
export class Paused extends Error {}

export async function checkBudget(s: RunState) {
  const usage = s.provider.usage();
  if (!usage) return;
  const allowed = Math.floor((usage.max * s.connection.budgetShare) / 100);
  if (usage.used < allowed) return;
  const windowMs = budgetWindowMs(s.connection);
  if (windowMs !== null) {
    // A rolling window (HubSpot OAuth apps: 110 calls per 10 s, no daily figure given) refills within
    // seconds: the run waits for it here rather than being deferred for an hour.
    const wait = Date.parse(usage.observedAt) + windowMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return;
  }
  throw new BudgetReached(
    `Stopped at ${s.connection.budgetShare}% of the CRM's daily API budget (${usage.used} of ${usage.max} calls used); the sync continues when the budget allows`,
  );
}

/** Renews the run's hold on its connection between pages; a lost lease ends the run (another took over). */
export async function renewLease(s: RunState) {
  const now = new Date();
  const held = await claimConnection(s.db, s.connection.id, s.run.id, new Date(now.getTime() + leaseMs), now);
  if (!held) throw new CrmError('unavailable', 'Another run took over this connection');
  if (held.paused && !s.dryRun)
    throw new Paused('Paused: the run continues where it stopped when sync is resumed');
  await checkBudget(s);
}

export interface LogEntry {
  object: CrmObject;
  remoteId?: string | null;
  localId?: string | null;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** A change made (or, in a dry run, planned); it puts right earlier errors of the same record and direction. */
export async function logChange(s: RunState, e: LogEntry) {
  await insertRunRecords(s.db, [
    {
      runId: s.run.id,
      connectionId: s.connection.id,
      object: e.object,
      remoteId: e.remoteId ?? null,
      localId: e.localId ?? null,
      action: e.action,
      outcome: (s.dryRun ? 'planned' : 'done') satisfies RunRecordRow['outcome'],
      before: e.before ?? null,
      after: e.after ?? null,
    },
  ]);
  if (!s.dryRun)
    await resolveErrors(s.db, s.connection.id, e.object, e.action, e.remoteId ?? null, e.localId ?? null);
}

/** A record that could not be synced: logged with the field and the CRM's (or our rules') words, and skipped. */
export async function logError(s: RunState, e: LogEntry & { field: string | null; message: string }) {
  s.counts.recordErrors += 1;
  await insertRunRecords(s.db, [
    {
      runId: s.run.id,
      connectionId: s.connection.id,
      object: e.object,
      remoteId: e.remoteId ?? null,
      localId: e.localId ?? null,
      action: e.action,
      outcome: 'error',
      field: e.field,
      message: e.message,
      before: e.before ?? null,
      after: e.after ?? null,
    },
  ]);
}

/** A per-record failure is logged and the run goes on; auth, rate limits, outages and the budget end the run. */
export function isRunFatal(err: unknown) {
  if (err instanceof BudgetReached || err instanceof Paused) return true;
  return (
    err instanceof CrmError &&
    (err.kind === 'auth' || err.kind === 'rate_limited' || err.kind === 'unavailable')
  );
}
