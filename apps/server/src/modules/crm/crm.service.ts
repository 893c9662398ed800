import type { z } from 'zod';
import type {
  crmLinksQuery,
  crmRunRecordsQuery,
  CrmLink,
  CrmRun,
  resolveLinkBody,
  saveMappingsBody,
} from '@partnergraph/shared/contracts/crm';
import type { Db } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { conflict, invalid, notFound, unprocessable } from '../../lib/errors';
import type { PageRequest } from '../../lib/pagination';
import type { SecretBox } from '../../lib/secrets';
import { findPartnerIdentities } from '../organizations/organizations.repository';
import { assertReachable, connectionDto, crmRefusal, loadConnection } from './crm-connections.service';
import { assertMappings } from './crm.mappings';
import type { CrmObject, CrmObjectSchema } from './crm.provider';
import { providerFor } from './crm.providers';
import {
  findConnection,
  findLink,
  findLinkByLocal,
  emptyCounts,
  findOpenErrorIds,
  findRun,
  listLinks,
  listRunRecords,
  listRuns,
  setConnectionFields,
  setLinkFields,
  type LinkRow,
  type RunRecordRow,
  type RunRow,
} from './crm.repository';
import { queueRun } from './crm-sync';

function activeConnection(c: Awaited<ReturnType<typeof loadConnection>>) {
  if (c.status !== 'active') {
    throw unprocessable(
      c.status === 'pending'
        ? 'This connection has no grant yet: finish connecting first'
        : `This connection needs to be reconnected: ${c.statusMessage ?? 'its grant no longer works'}`,
    );
  }
  return c;
}

export async function describeCrmObject(
  db: Db,
  secrets: SecretBox,
  actor: Actor,
  id: string,
  object: CrmObject,
  allowPrivate: boolean,
) {
  const c = activeConnection(await loadConnection(db, actor, id));
  await assertReachable(c, allowPrivate);
  try {
    return await providerFor(db, secrets, c).describe(object);
  } catch (err) {
    throw crmRefusal(err);
  }
}

/** Saving mappings checks them against the CRM's schema now, not at the next sync. */
export async function saveCrmMappings(
  db: Db,
  secrets: SecretBox,
  ctx: Ctx,
  id: string,
  body: z.output<typeof saveMappingsBody>,
  allowPrivate: boolean,
) {
  const c = activeConnection(await loadConnection(db, ctx.actor, id));
  assertVersion(c, body.version);
  await assertReachable(c, allowPrivate);
  const provider = providerFor(db, secrets, c);
  const schemas: Partial<Record<CrmObject, CrmObjectSchema>> = {};
  try {
    for (const object of ['account', 'opportunity', 'lead'] as const) {
      if (body.mappings[object].enabled) schemas[object] = await provider.describe(object);
    }
  } catch (err) {
    throw crmRefusal(err);
  }
  assertMappings(body.mappings, schemas);
  return runChange(db, ctx, async (tx, record) => {
    const locked = await findConnection(tx, ctx.actor, id, true);
    if (!locked) throw notFound('CRM connection');
    assertVersion(locked, body.version);
    const row = await setConnectionFields(tx, id, { mappings: body.mappings });
    record.audit({
      action: 'crm.mappings_saved',
      entityType: 'crm_connection',
      entityId: id,
      before: { mappings: locked.mappings },
      after: { mappings: body.mappings },
    });
    return connectionDto(row);
  });
}

export function runDto(r: RunRow): CrmRun {
  return {
    id: r.id,
    connectionId: r.connectionId,
    mode: r.mode,
    status: r.status,
    phase: r.phase,
    message: r.message,
    // Runs logged before a count existed read it as 0.
    counts: { ...emptyCounts(), ...r.counts },
    retryRecordIds: r.retryRecordIds ?? null,
    queuedAt: r.queuedAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** Asks for a run (or a dry run); the CRM job works it, one run at a time per connection. */
export async function requestRun(
  db: Db,
  ctx: Ctx,
  id: string,
  mode: RunRow['mode'],
  recordIds: string[] | null = null,
) {
  const c = activeConnection(await loadConnection(db, ctx.actor, id));
  if (recordIds) {
    if (mode !== 'retry')
      throw invalid([{ path: 'body.recordIds', message: 'Records are chosen for a retry: set retryFailed' }]);
    const open = await findOpenErrorIds(db, ctx.actor, id, recordIds);
    const missing = recordIds.findIndex((r) => !open.has(r));
    if (missing >= 0)
      throw invalid([
        {
          path: `body.recordIds.${missing}`,
          message: 'Not a record error of this connection that is still open',
        },
      ]);
  }
  if (c.paused && mode !== 'dry_run')
    throw unprocessable('Sync is paused for this connection: resume it first');
  if (mode === 'sync' && !c.firstSyncAt && !(await hasDryRun(db, ctx.actor, id))) {
    // The first real sync writes to the CRM: people see its diff first.
    throw unprocessable(
      'Run a dry run first: the first sync shows what it will change before it changes anything',
    );
  }
  return runChange(db, ctx, async (tx, record) => {
    const run = await queueRun(tx, id, mode, ctx.actor.userId, recordIds ? [...new Set(recordIds)] : null);
    record.audit({
      action: `crm.${mode === 'dry_run' ? 'dry_run' : 'run'}_requested`,
      entityType: 'crm_run',
      entityId: run.id,
      after: { connectionId: id, mode, ...(recordIds ? { recordIds } : {}) },
    });
    return runDto(run);
  });
}

async function hasDryRun(db: Db, actor: Actor, id: string) {
  const { items } = await listRuns(db, actor, id, { limit: 50 });
  return items.some((r) => r.mode === 'dry_run' && r.status === 'completed');
}

export async function listCrmRuns(db: Db, actor: Actor, id: string, page: Omit<PageRequest, 'sort'>) {
  await loadConnection(db, actor, id);
  const { items, nextCursor } = await listRuns(db, actor, id, page);
  return { items: items.map(runDto), nextCursor };
}

export async function getCrmRun(db: Db, actor: Actor, id: string, runId: string) {
  await loadConnection(db, actor, id);
  const run = await findRun(db, actor, id, runId);
  if (!run) throw notFound('run');
  return runDto(run);
}

const recordDto = (r: RunRecordRow) => ({
  id: r.id,
  object: r.object,
  remoteId: r.remoteId,
  localId: r.localId,
  action: r.action,
  outcome: r.outcome,
  field: r.field,
  message: r.message,
  before: r.before,
  after: r.after,
  createdAt: r.createdAt.toISOString(),
});

export async function listCrmRunRecords(
  db: Db,
  actor: Actor,
  id: string,
  runId: string,
  query: z.output<typeof crmRunRecordsQuery>,
) {
  await getCrmRun(db, actor, id, runId);
  const { items, nextCursor } = await listRunRecords(db, actor, runId, query.outcome, query);
  return { items: items.map(recordDto), nextCursor };
}

export const linkDto = (l: LinkRow): CrmLink => ({
  id: l.id,
  connectionId: l.connectionId,
  object: l.object,
  remoteId: l.remoteId,
  remoteName: l.remoteName,
  localId: l.localId,
  status: l.status === 'creating' ? 'linked' : l.status,
  candidates: l.candidates,
  updatedAt: l.updatedAt.toISOString(),
});

export async function listCrmLinks(db: Db, actor: Actor, query: z.output<typeof crmLinksQuery>) {
  const { items, nextCursor } = await listLinks(
    db,
    actor,
    { status: query.status, connectionId: query.connectionId },
    query,
  );
  return { items: items.map(linkDto), nextCursor };
}

/** A person decides an ambiguous match: one of the candidates (or another partner), or none. */
export async function resolveCrmLink(
  db: Db,
  ctx: Ctx,
  linkId: string,
  body: z.output<typeof resolveLinkBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const link = await findLink(tx, ctx.actor, linkId, true);
    if (!link) throw notFound('link');
    if (link.status !== 'review') throw conflict(`This link is already ${link.status}`);
    if (body.localId) {
      const partner = (await findPartnerIdentities(tx)).find((p) => p.id === body.localId);
      if (!partner) throw invalid([{ path: 'body.localId', message: 'No such partner' }]);
      const taken = await findLinkByLocal(tx, ctx.actor, link.connectionId, link.object, body.localId);
      if (taken) throw conflict(`${partner.name} is already linked to ${taken.remoteName ?? taken.remoteId}`);
    }
    // None: the account stays known by its keys, as a customer's account, not a partner's.
    const row = await setLinkFields(tx, link.id, { status: 'linked', localId: body.localId, candidates: [] });
    record.audit({
      action: 'crm.link_resolved',
      entityType: 'crm_link',
      entityId: link.id,
      before: { status: 'review', candidates: link.candidates },
      after: { status: row.status, localId: body.localId },
    });
    return linkDto(row);
  });
}
