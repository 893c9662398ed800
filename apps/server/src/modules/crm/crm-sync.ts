import type { Db, Queryable } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import type { SecretBox } from '../../lib/secrets';
import { findActiveAdmin } from '../identity/identity.repository';
import { findVendor } from '../organizations/organizations.repository';
import { CrmError, type CrmObject, type RemoteRecord } from './crm.provider';
import { crmUrlProblem, markNeedsReconnect, providerFor } from './crm.providers';
import {
  claimConnection,
  findConnectionForSync,
  findDueConnectionsForSync,
  findLinkByRemoteForSync,
  findOpenErrorsForSync,
  findOpenRunForSync,
  findQueuedRunsForSync,
  insertRun,
  releaseConnection,
  setConnectionFields,
  setLinkFields,
  setRunFields,
  type RunRow,
} from './crm.repository';
import { accountFieldsToRead, knownAccounts, loadPartners, syncAccount } from './crm-sync.accounts';
import { pushLeads } from './crm-sync.leads';
import { opportunityFieldsToRead, pullOpportunity, pushDeals } from './crm-sync.opportunities';
import { BudgetReached, leaseMs, logChange, Paused, renewLease, type RunState } from './crm-sync.state';

/**
 * One sync run of one connection: accounts (linked by id, then by domain or
 * name), opportunities pulled (the CRM's changes to stage, amount, close date),
 * then deals pushed (approved registrations become opportunities with their
 * partners). The first run reads everything through the bulk export; later
 * runs read what changed after each object's watermark, saved after every
 * page, so a run that dies resumes where it was and re-reading a page changes
 * nothing twice. One run at a time per connection (a lease in the database).
 */
const system = (runId: string) => ({ actor: null, requestId: `crm-run:${runId}`, ip: null });

async function vendorCtx(db: Db, runId: string): Promise<Ctx | null> {
  // The deals service acts for a person; the sync acts as the vendor's admin, as the command line does,
  // and every audit entry it causes carries the run's id.
  const vendor = await findVendor(db);
  const admin = vendor ? await findActiveAdmin(db, vendor.id) : undefined;
  if (!vendor || !admin) return null;
  const actor: Actor = {
    userId: admin.id,
    name: admin.name,
    orgId: vendor.id,
    orgKind: 'vendor',
    role: 'admin',
    via: 'token',
    sessionId: null,
    scope: 'read_write',
  };
  return { actor, requestId: `crm-run:${runId}`, ip: null, userAgent: 'partnergraph-crm-sync' };
}

async function pages(
  s: RunState,
  object: CrmObject,
  fields: string[],
): Promise<AsyncIterable<RemoteRecord[]>> {
  const since = s.connection.watermarks[object] ?? null;
  if (!since) return s.provider.bulkExport(object, fields);
  const provider = s.provider;
  return (async function* () {
    let cursor: string | null = null;
    do {
      const page = await provider.listChanged(object, since, cursor, fields);
      yield page.records;
      cursor = page.next;
    } while (cursor);
  })();
}

/** After each page: the newest change read becomes the object's watermark (a real run only). */
async function advance(s: RunState, object: CrmObject, records: RemoteRecord[]) {
  if (s.dryRun || !records.length) return;
  const newest = records
    .map((r) => r.modifiedAt)
    .sort()
    .at(-1)!;
  const current = s.connection.watermarks[object];
  if (current && current >= newest) return;
  s.connection.watermarks = { ...s.connection.watermarks, [object]: newest };
  await setConnectionFields(s.db, s.connection.id, { watermarks: s.connection.watermarks }, false);
}

async function deletions(s: RunState, object: CrmObject, since: string | undefined) {
  if (!since || s.dryRun) return;
  for (const remoteId of await s.provider.listDeleted(object, since)) {
    const link = await findLinkByRemoteForSync(s.db, s.connection.id, object, remoteId);
    if (!link || link.status === 'dismissed') continue;
    await setLinkFields(s.db, link.id, { status: 'dismissed' });
    await logChange(s, {
      object,
      remoteId,
      localId: link.localId,
      action: 'remote_deleted',
      before: { name: link.remoteName },
    });
  }
}

async function phase(s: RunState, name: string) {
  await setRunFields(s.db, s.run.id, { phase: name, counts: s.counts });
}

async function syncPhases(s: RunState) {
  const m = s.connection.mappings;
  const known = await knownAccounts(s);
  const watermarks = { ...s.connection.watermarks };
  if (m.account.enabled) {
    await phase(s, 'accounts');
    const partners = await loadPartners(s);
    for await (const page of await pages(s, 'account', accountFieldsToRead(s))) {
      for (const r of page) await syncAccount(s, r, partners, known);
      await advance(s, 'account', page);
      await renewLease(s);
      await setRunFields(s.db, s.run.id, { counts: s.counts });
    }
    await deletions(s, 'account', watermarks.account);
  }
  if (m.opportunity.enabled) {
    await phase(s, 'opportunities: reading changes');
    for await (const page of await pages(s, 'opportunity', opportunityFieldsToRead(s))) {
      for (const r of page) await pullOpportunity(s, r);
      await advance(s, 'opportunity', page);
      await renewLease(s);
      await setRunFields(s.db, s.run.id, { counts: s.counts });
    }
    await deletions(s, 'opportunity', watermarks.opportunity);
    await phase(s, 'opportunities: sending deals');
    await pushDeals(s, known);
  }
  if (m.lead.enabled) {
    await phase(s, 'leads: sending referrals');
    await pushLeads(s);
  }
}

/** Retry: the records that failed and were not put right since, read again one by one. */
async function retryPhases(s: RunState) {
  const chosen = s.retryRecordIds ? new Set(s.retryRecordIds) : null;
  const errors = (await findOpenErrorsForSync(s.db, s.connection.id)).filter(
    (e) => !chosen || chosen.has(e.id),
  );
  const known = await knownAccounts(s);
  const dealIds = new Set<string>();
  const referralIds = new Set<string>();
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.object === 'lead' && e.localId) referralIds.add(e.localId);
    if (e.object !== 'opportunity') continue;
    if (e.action === 'update_local' && e.remoteId && !seen.has(e.remoteId)) {
      seen.add(e.remoteId);
      const r = await s.provider.get('opportunity', e.remoteId, opportunityFieldsToRead(s));
      if (r) await pullOpportunity(s, r);
    } else if (e.localId) dealIds.add(e.localId);
  }
  if (dealIds.size) await pushDeals(s, known, dealIds);
  if (referralIds.size && s.connection.mappings.lead.enabled) await pushLeads(s, referralIds);
}

async function finish(
  db: Db,
  run: RunRow,
  patch: Parameters<typeof setRunFields>[2],
  event: { type: string; payload: Record<string, unknown> },
) {
  await runChange(db, system(run.id), async (tx, record) => {
    await setRunFields(tx, run.id, { ...patch, finishedAt: patch.status === 'deferred' ? null : new Date() });
    record.audit({
      action: event.type,
      entityType: 'crm_run',
      entityId: run.id,
      after: { status: patch.status, message: patch.message ?? null, counts: patch.counts },
    });
    record.event({
      type: event.type,
      entityType: 'crm_run',
      entityId: run.id,
      payload: { id: run.id, connectionId: run.connectionId, mode: run.mode, ...event.payload },
    });
  });
}

/** Works one queued run, if its connection is free; false when another run holds it. */
/** What the operator allows the sync to reach (CRM_ALLOW_PRIVATE). */
export interface SyncOptions {
  allowPrivate: boolean;
}

export async function executeRun(
  db: Db,
  secrets: SecretBox,
  run: RunRow,
  options: SyncOptions,
): Promise<boolean> {
  const connection = await findConnectionForSync(db, run.connectionId);
  if (!connection) return false;
  const now = new Date();
  if (connection.nextRunAfter && connection.nextRunAfter > now) return false;
  if (connection.status !== 'active' || (connection.paused && run.mode !== 'dry_run')) {
    if (run.status === 'deferred' && connection.paused) return false; // waits for resume
    const message =
      connection.status !== 'active'
        ? `The connection is ${connection.status.replace('_', ' ')}${connection.statusMessage ? `: ${connection.statusMessage}` : ''}`
        : null;
    if (!message) return false;
    await finish(
      db,
      run,
      { status: 'failed', message, counts: run.counts },
      { type: 'crm.sync.failed', payload: { message } },
    );
    return true;
  }
  // Where the CRM lives is checked again before every run: a host may resolve elsewhere since it was saved.
  const unsafe = await crmUrlProblem(connection, options.allowPrivate);
  if (unsafe) {
    await finish(
      db,
      run,
      { status: 'failed', message: unsafe.message, counts: run.counts },
      { type: 'crm.sync.failed', payload: { message: unsafe.message } },
    );
    return true;
  }
  const held = await claimConnection(db, connection.id, run.id, new Date(now.getTime() + leaseMs), now);
  if (!held) return false;
  const ctx = await vendorCtx(db, run.id);
  const s: RunState = {
    db,
    secrets,
    connection: held,
    run,
    provider: providerFor(db, secrets, held),
    dryRun: run.mode === 'dry_run',
    counts: run.counts,
    ctx: ctx!,
    planned: new Set(),
    refusedPartners: new Map(),
    retryRecordIds: run.retryRecordIds,
  };
  await setRunFields(db, run.id, { status: 'running', startedAt: run.startedAt ?? now, message: null });
  try {
    if (!ctx) throw new CrmError('invalid', 'The vendor has no active admin for the sync to act as');
    if (run.mode === 'retry') await retryPhases(s);
    else await syncPhases(s);
    await finish(
      db,
      run,
      { status: 'completed', phase: null, counts: s.counts },
      {
        type: run.mode === 'dry_run' ? 'crm.dry_run.completed' : 'crm.sync.completed',
        payload: { counts: s.counts },
      },
    );
    if (run.mode !== 'dry_run')
      await setConnectionFields(
        db,
        connection.id,
        { lastRunAt: new Date(), ...(held.firstSyncAt ? {} : { firstSyncAt: new Date() }) },
        false,
      );
  } catch (err) {
    if (err instanceof Paused) {
      await finish(
        db,
        run,
        { status: 'deferred', message: err.message, counts: s.counts },
        { type: 'crm.sync.deferred', payload: { message: err.message } },
      );
    } else if (err instanceof BudgetReached) {
      await setConnectionFields(db, connection.id, { nextRunAfter: new Date(Date.now() + 3600_000) }, false);
      await finish(
        db,
        run,
        { status: 'deferred', message: err.message, counts: s.counts },
        { type: 'crm.sync.deferred', payload: { message: err.message } },
      );
    } else if (err instanceof CrmError && err.kind === 'rate_limited') {
      const retryAfter = err.detail.retryAfterSeconds ?? 60;
      await setConnectionFields(
        db,
        connection.id,
        { nextRunAfter: new Date(Date.now() + retryAfter * 1000) },
        false,
      );
      const message = `The CRM asked us to wait ${retryAfter} s (${err.message}); the run continues after that`;
      await finish(
        db,
        run,
        { status: 'deferred', message, counts: s.counts },
        { type: 'crm.sync.deferred', payload: { message } },
      );
    } else if (err instanceof CrmError) {
      if (err.kind === 'auth') {
        const latest = await findConnectionForSync(db, connection.id);
        if (latest?.status === 'active') await markNeedsReconnect(db, connection.id, err.message);
      }
      await finish(
        db,
        run,
        { status: 'failed', message: err.message, counts: s.counts },
        { type: 'crm.sync.failed', payload: { message: err.message } },
      );
    } else throw err;
  } finally {
    const usage = s.provider.usage();
    if (usage)
      await setConnectionFields(
        db,
        connection.id,
        { apiUsed: usage.used, apiMax: usage.max, apiObservedAt: new Date(usage.observedAt) },
        false,
      );
    await releaseConnection(db, connection.id, run.id);
  }
  return true;
}

/** Queues a run unless one is already waiting or working for the connection (that one will do the same work). */
export async function queueRun(
  db: Queryable,
  connectionId: string,
  mode: RunRow['mode'],
  requestedByUserId: string | null,
  retryRecordIds: string[] | null = null,
) {
  const open = await findOpenRunForSync(db, connectionId);
  if (open && open.mode === mode) {
    if (mode !== 'retry' || !open.retryRecordIds) return open; // it will do this work, and more
    // A waiting retry of chosen records takes these too; one already working leaves them to a new run.
    if (open.status === 'queued')
      return setRunFields(db, open.id, {
        retryRecordIds: retryRecordIds ? [...new Set([...open.retryRecordIds, ...retryRecordIds])] : null,
      });
  }
  return insertRun(db, { connectionId, mode, status: 'queued', requestedByUserId, retryRecordIds });
}

/**
 * The job: queued (and deferred) runs in order, then a scheduled sync for each
 * connection whose interval has passed. Per-record errors never end a run.
 */
export async function runCrmSync(db: Db, secrets: SecretBox, options: SyncOptions) {
  const due = await findDueConnectionsForSync(db, new Date());
  for (const c of due) {
    if (!(await findOpenRunForSync(db, c.id)))
      await insertRun(db, { connectionId: c.id, mode: 'sync', status: 'queued', requestedByUserId: null });
  }
  let worked = 0;
  for (const run of await findQueuedRunsForSync(db, new Date())) {
    try {
      if (await executeRun(db, secrets, run, options)) worked += 1;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await logErrorRun(db, run, message);
      throw err;
    }
  }
  return { runs: worked };
}

async function logErrorRun(db: Db, run: RunRow, message: string) {
  await finish(
    db,
    run,
    { status: 'failed', message: `Internal error: ${message}`, counts: run.counts },
    { type: 'crm.sync.failed', payload: { message } },
  );
}
