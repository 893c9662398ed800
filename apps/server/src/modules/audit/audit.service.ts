import { auditActionLabel, auditEntityTypeLabel } from '@partnergraph/shared/audit-words';
import type { AuditFacets } from '@partnergraph/shared/contracts/audit';
import type { Db, Queryable } from '../../db/client';
import type { Actor, Ctx } from '../../lib/actor';
import type { PageRequest } from '../../lib/pagination';
import { findDealNamesByIds } from '../deals/deals.repository';
import { findReferralNamesByIds } from '../deals/referrals.repository';
import { findUserNames } from '../identity/identity.repository';
import { findOrganizationRowsByIds } from '../organizations/organizations.repository';
import { findProgramNamesByIds } from '../programs/programs.repository';
import { findAuditEntries, findAuditFacets, type AuditFilters } from './audit.repository';

type Row = Awaited<ReturnType<typeof findAuditEntries>>['items'][number];

/** Fields of an entry's own snapshot that name its record, in order of preference. */
const namingFields = ['name', 'title', 'customerName', 'companyName', 'email', 'label'] as const;

function nameInSnapshot(e: Pick<Row, 'before' | 'after'>): string | null {
  for (const snapshot of [e.after, e.before]) {
    if (!snapshot) continue;
    for (const field of namingFields) {
      const v = snapshot[field];
      if (typeof v === 'string' && v.trim()) return v;
    }
  }
  return null;
}

const byId = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));

/**
 * Names for the people, organizations and records of these entries, each read through its own
 * module's door as the reader: a record the reader could not open keeps its id only. Records
 * without a door here are named from the entry's own snapshot, which the reader sees anyway.
 */
async function namesFor(
  q: Queryable,
  actor: Actor,
  rows: Pick<Row, 'entityType' | 'entityId' | 'actorOrgId'>[],
) {
  const idsOf = (type: string) =>
    rows.flatMap((r) => (r.entityType === type && r.entityId ? [r.entityId] : []));
  const orgIds = [...rows.flatMap((r) => (r.actorOrgId ? [r.actorOrgId] : [])), ...idsOf('organization')];
  const orgs = await findOrganizationRowsByIds(q, orgIds);
  const users = byId(await findUserNames(q, idsOf('user')));
  const deals = byId(await findDealNamesByIds(q, actor, idsOf('deal')));
  const referrals = byId(await findReferralNamesByIds(q, actor, idsOf('referral')));
  const programIds = idsOf('program');
  const programs = byId(programIds.length ? await findProgramNamesByIds(q, programIds) : []);
  const records: Record<string, Map<string, string>> = {
    organization: new Map([...orgs].map(([id, o]) => [id, o.name])),
    user: users,
    deal: deals,
    referral: referrals,
    program: programs,
  };
  return {
    organization: (id: string | null) => (id ? (orgs.get(id)?.name ?? null) : null),
    record: (type: string, id: string | null) => (id ? (records[type]?.get(id) ?? null) : null),
    hasDoor: (type: string) => type in records,
  };
}

export async function listAuditEntries(
  db: Db,
  ctx: Ctx,
  filters: AuditFilters,
  page: Omit<PageRequest, 'sort'>,
) {
  const res = await findAuditEntries(db, ctx.actor, filters, page);
  const names = await namesFor(db, ctx.actor, res.items);
  return {
    items: res.items.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: {
        userId: e.actorUserId,
        name: e.actorName,
        organizationId: e.actorOrgId,
        organizationName: names.organization(e.actorOrgId),
        apiTokenId: e.apiTokenId,
      },
      action: e.action,
      actionLabel: auditActionLabel(e.action),
      entityType: e.entityType,
      entityTypeLabel: auditEntityTypeLabel(e.entityType),
      entityId: e.entityId,
      entityName: names.hasDoor(e.entityType) ? names.record(e.entityType, e.entityId) : nameInSnapshot(e),
      before: e.before,
      after: e.after,
      requestId: e.requestId,
      ip: e.ip,
    })),
    nextCursor: res.nextCursor,
  };
}

/** The choices of the log's filters, in words, so nobody has to type a code or an id. */
export async function listAuditFacets(db: Db, ctx: Ctx): Promise<AuditFacets> {
  const f = await findAuditFacets(db, ctx.actor);
  const people = byId(
    await findUserNames(
      db,
      f.people.map((p) => p.userId),
    ),
  );
  const orgs = await findOrganizationRowsByIds(
    db,
    f.people.flatMap((p) => (p.orgId ? [p.orgId] : [])),
  );
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
  // People do not change organization, so one (person, organization) pair each; the set guards the list anyway.
  const seen = new Set<string>();
  const personList: AuditFacets['people'] = [];
  for (const p of f.people) {
    const name = people.get(p.userId);
    if (!name || seen.has(p.userId)) continue;
    seen.add(p.userId);
    personList.push({
      id: p.userId,
      name,
      organizationName: p.orgId ? (orgs.get(p.orgId)?.name ?? null) : null,
    });
  }
  return {
    actions: f.actions.map((value) => ({ value, label: auditActionLabel(value) })).sort(byLabel),
    entityTypes: f.entityTypes.map((value) => ({ value, label: auditEntityTypeLabel(value) })).sort(byLabel),
    people: personList.sort((a, b) => a.name.localeCompare(b.name)),
    organizations: [...orgs.values()]
      .map((o) => ({ id: o.id, name: o.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
