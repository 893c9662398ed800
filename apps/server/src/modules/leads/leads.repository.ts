import { and, asc, eq, ilike, inArray, lte, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Lead, leadListQuery } from '@partnergraph/shared/contracts/leads';
import type { Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import type { Actor } from '../../lib/actor';
import { isVendor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { containing, keyset, where } from '../../lib/pagination';
import { findOrganizationsByIds } from '../organizations/organizations.repository';
import { leadAssignments, leadRules, leads } from './leads.tables';
import { heldBy, leftBy, redactLead, visibleLeads } from './leads.visibility';

export type LeadRow = typeof leads.$inferSelect;
export type AssignmentRow = typeof leadAssignments.$inferSelect;
export type LeadRuleRow = typeof leadRules.$inferSelect;

const OPEN = ['unassigned', 'offered', 'accepted'] as const;

// --- Leads ---

export async function findVisibleLead(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(leads)
    .where(and(eq(leads.id, id), visibleLeads(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** A lead as stored, whoever may see it: for the job and the notices sent after a change commits. */
export async function findLeadRecord(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = q.select().from(leads).where(eq(leads.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findAssignmentsOf(q: Queryable, leadIds: string[]) {
  if (!leadIds.length) return [];
  return q
    .select()
    .from(leadAssignments)
    .where(inArray(leadAssignments.leadId, leadIds))
    .orderBy(asc(leadAssignments.assignedAt), asc(leadAssignments.id));
}

/** Leads as the actor reads them (leads.visibility.ts), with their history and the names they point at. */
export async function toLeadDtos(q: Queryable, actor: Actor, rows: LeadRow[]): Promise<Lead[]> {
  const history = await findAssignmentsOf(
    q,
    rows.map((r) => r.id),
  );
  const names = new Map(
    (
      await findOrganizationsByIds(q, [
        ...rows.flatMap((r) => (r.assignedOrgId ? [r.assignedOrgId] : [])),
        ...history.map((a) => a.organizationId),
      ])
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((r) =>
    redactLead(
      actor,
      r,
      history.filter((a) => a.leadId === r.id),
      names,
    ),
  );
}

export async function listVisibleLeads(
  q: Queryable,
  actor: Actor,
  query: z.output<typeof leadListQuery>,
  page: { limit: number; cursor?: string | undefined },
) {
  const ks = keyset({ createdAt: { column: leads.createdAt, cast: 'timestamptz' } }, leads.id, {
    ...page,
    sort: '-createdAt',
  });
  const vendor = isVendor(actor);
  const box = vendor ? undefined : query.box === 'left' ? leftBy(actor.orgId) : heldBy(actor.orgId);
  const rows = await q
    .select()
    .from(leads)
    .where(
      where(
        visibleLeads(actor),
        box,
        query.status && query.box !== 'left' ? eq(leads.status, query.status) : undefined,
        vendor && query.source ? eq(leads.source, query.source) : undefined,
        vendor && query.partnerId
          ? isId(query.partnerId)
            ? eq(leads.assignedOrgId, query.partnerId)
            : sql`false`
          : undefined,
        query.country && query.box !== 'left' ? eq(leads.country, query.country) : undefined,
        query.overdue === 'true'
          ? sql`exists (select 1 from lead_assignments a where a.id = ${leads.currentAssignmentId}
              and a.outcome = 'waiting' and a.deadline_at <= now())`
          : undefined,
        query.q && query.box !== 'left'
          ? or(ilike(leads.companyName, containing(query.q)), ilike(leads.companyDomain, containing(query.q)))
          : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(rows, (r) => r.createdAt);
  return { items: await toLeadDtos(q, actor, items), nextCursor };
}

export async function insertLead(q: Queryable, values: typeof leads.$inferInsert) {
  await q.insert(leads).values(values);
}

export async function setLeadFields(q: Queryable, id: string, patch: Partial<typeof leads.$inferInsert>) {
  await q
    .update(leads)
    .set({ ...patch, version: sql`${leads.version} + 1`, updatedAt: new Date() })
    .where(eq(leads.id, id));
}

export async function insertAssignment(q: Queryable, values: typeof leadAssignments.$inferInsert) {
  await q.insert(leadAssignments).values(values);
}

export async function setAssignmentOutcome(
  q: Queryable,
  id: string,
  patch: Pick<typeof leadAssignments.$inferInsert, 'outcome' | 'outcomeAt' | 'reason' | 'decidedByUserId'>,
) {
  await q.update(leadAssignments).set(patch).where(eq(leadAssignments.id, id));
}

export async function findAssignment(q: Queryable, id: string | null) {
  if (!id) return undefined;
  const [row] = await q.select().from(leadAssignments).where(eq(leadAssignments.id, id));
  return row;
}

/** Offers past their deadline, oldest first: the pullback job's work. */
export function findDueAssignments(q: Queryable, now: Date, limit = 200) {
  return q
    .select({ id: leadAssignments.id, leadId: leadAssignments.leadId })
    .from(leadAssignments)
    .where(and(eq(leadAssignments.outcome, 'waiting'), lte(leadAssignments.deadlineAt, now)))
    .orderBy(asc(leadAssignments.deadlineAt), asc(leadAssignments.id))
    .limit(limit);
}

/** Open leads naming the same company (registrable domain or normalized name): duplicates to flag. */
export function findOpenLeadsLike(q: Queryable, key: { nameKey: string; root: string | null }) {
  return q
    .select({ id: leads.id, companyName: leads.companyName, root: leads.companyRootDomain })
    .from(leads)
    .where(
      and(
        inArray(leads.status, [...OPEN]),
        or(
          key.root ? eq(leads.companyRootDomain, key.root) : undefined,
          sql`replace(${leads.companyNameKey}, ' ', '') = ${key.nameKey.replace(/ /g, '')}`,
        ),
      ),
    )
    .limit(20);
}

export async function findLeadByExternalId(q: Queryable, externalId: string) {
  const [row] = await q.select().from(leads).where(eq(leads.externalId, externalId));
  return row;
}

// --- What routing knows of partners ---

/** Per organization: open leads held, decided offers and acceptances, accepted leads converted, by rule. */
export async function findLeadRecords(q: Queryable, orgIds: string[]) {
  const empty = new Map<
    string,
    { open: number; decided: number; accepted: number; converted: number; byRule: Record<string, number> }
  >();
  if (!orgIds.length) return empty;
  const held = await q
    .select({ org: leads.assignedOrgId, n: sql<number>`count(*)::int` })
    .from(leads)
    .where(and(inArray(leads.assignedOrgId, orgIds), inArray(leads.status, ['offered', 'accepted'])))
    .groupBy(leads.assignedOrgId);
  const outcomes = await q
    .select({
      org: leadAssignments.organizationId,
      decided: sql<number>`count(*) filter (where ${leadAssignments.outcome} in ('accepted', 'declined', 'withdrawn'))::int`,
      accepted: sql<number>`count(*) filter (where ${leadAssignments.outcome} = 'accepted')::int`,
      converted: sql<number>`count(*) filter (where ${leadAssignments.outcome} = 'accepted' and exists (
        select 1 from leads l where l.id = ${qualified(leadAssignments.leadId)} and l.status = 'converted'
          and l.assigned_org_id = ${qualified(leadAssignments.organizationId)}))::int`,
    })
    .from(leadAssignments)
    .where(inArray(leadAssignments.organizationId, orgIds))
    .groupBy(leadAssignments.organizationId);
  const byRule = await q
    .select({
      org: leadAssignments.organizationId,
      rule: leadAssignments.ruleId,
      n: sql<number>`count(*)::int`,
    })
    .from(leadAssignments)
    .where(and(inArray(leadAssignments.organizationId, orgIds), sql`${leadAssignments.ruleId} is not null`))
    .groupBy(leadAssignments.organizationId, leadAssignments.ruleId);
  for (const id of orgIds) empty.set(id, { open: 0, decided: 0, accepted: 0, converted: 0, byRule: {} });
  for (const h of held) if (h.org) empty.get(h.org)!.open = h.n;
  for (const o of outcomes)
    Object.assign(empty.get(o.org)!, { decided: o.decided, accepted: o.accepted, converted: o.converted });
  for (const r of byRule) empty.get(r.org)!.byRule[r.rule!] = r.n;
  return empty;
}

// --- Rules ---

export function findRules(q: Queryable) {
  return q.select().from(leadRules).orderBy(asc(leadRules.position), asc(leadRules.createdAt));
}

export async function findRule(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!isId(id)) return undefined;
  const query = q.select().from(leadRules).where(eq(leadRules.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

/** Serializes changes to the rules' order: two admins inserting at once would share a position. */
export async function lockRules(q: Queryable) {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext('lead-rules-order'))`);
}

export async function insertRule(q: Queryable, values: typeof leadRules.$inferInsert) {
  await q.insert(leadRules).values(values);
}

export async function setRuleFields(q: Queryable, id: string, patch: Partial<typeof leadRules.$inferInsert>) {
  await q
    .update(leadRules)
    .set({ ...patch, version: sql`${leadRules.version} + 1`, updatedAt: new Date() })
    .where(eq(leadRules.id, id));
}

export async function setRulePositions(q: Queryable, ids: string[]) {
  for (const [i, id] of ids.entries()) {
    await q
      .update(leadRules)
      .set({ position: i + 1 })
      .where(and(eq(leadRules.id, id), ne(leadRules.position, i + 1)));
  }
}

export async function deleteRule(q: Queryable, id: string) {
  await q.delete(leadRules).where(eq(leadRules.id, id));
}
