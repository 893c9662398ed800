import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { findUserNames } from '../identity/identity.repository';
import { findOrganizationsByIds } from '../organizations/organizations.repository';
import { agreementAcceptances, agreements, agreementVersions } from './programs.tables';
import { visibleAcceptances } from './programs.visibility';

export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementVersionRow = typeof agreementVersions.$inferSelect;

// Agreement texts are readable by every signed-in user; acceptances are the accepting organization's and the vendor's.
export async function findAgreements(q: Queryable) {
  return q.select().from(agreements).orderBy(agreements.name);
}

export async function findAgreementById(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!isId(id)) return undefined;
  const query = q.select().from(agreements).where(eq(agreements.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findVersions(q: Queryable, agreementIds: string[]) {
  if (!agreementIds.length) return [];
  return q
    .select()
    .from(agreementVersions)
    .where(inArray(agreementVersions.agreementId, agreementIds))
    .orderBy(desc(agreementVersions.versionNumber));
}

/** The newest version of each agreement of the given types. */
export async function findCurrentVersionsByType(q: Queryable, types: string[]) {
  if (!types.length) return [];
  return q
    .select({ agreement: agreements, version: agreementVersions })
    .from(agreements)
    .innerJoin(agreementVersions, eq(agreementVersions.agreementId, agreements.id))
    .where(
      and(
        inArray(agreements.type, types as AgreementRow['type'][]),
        sql`${agreementVersions.versionNumber} = (select max(v.version_number) from ${agreementVersions} v where v.agreement_id = ${agreements.id})`,
      ),
    );
}

export async function findAcceptedVersionIds(q: Queryable, organizationId: string, versionIds: string[]) {
  if (!versionIds.length) return new Set<string>();
  const rows = await q
    .select({ versionId: agreementAcceptances.versionId })
    .from(agreementAcceptances)
    .where(
      and(
        eq(agreementAcceptances.organizationId, organizationId),
        inArray(agreementAcceptances.versionId, versionIds),
      ),
    );
  return new Set(rows.map((r) => r.versionId));
}

/** Which of these organizations accepted which of these versions, as "orgId|versionId" keys. */
export async function findAcceptancesOf(q: Queryable, organizationIds: string[], versionIds: string[]) {
  if (!organizationIds.length || !versionIds.length) return new Set<string>();
  const rows = await q
    .select({
      organizationId: agreementAcceptances.organizationId,
      versionId: agreementAcceptances.versionId,
    })
    .from(agreementAcceptances)
    .where(
      and(
        inArray(agreementAcceptances.organizationId, organizationIds),
        inArray(agreementAcceptances.versionId, versionIds),
      ),
    );
  return new Set(rows.map((r) => `${r.organizationId}|${r.versionId}`));
}

export async function findLatestAcceptances(q: Queryable, organizationId: string) {
  return q
    .select({ acceptance: agreementAcceptances, versionNumber: agreementVersions.versionNumber })
    .from(agreementAcceptances)
    .innerJoin(agreementVersions, eq(agreementVersions.id, agreementAcceptances.versionId))
    .where(eq(agreementAcceptances.organizationId, organizationId))
    .orderBy(desc(agreementAcceptances.acceptedAt));
}

/** Acceptances of one agreement: all of them for vendor staff, the caller's organization's for a partner. */
export async function findAcceptances(q: Queryable, actor: Actor, agreementId: string) {
  const rows = await q
    .select({ acceptance: agreementAcceptances, versionNumber: agreementVersions.versionNumber })
    .from(agreementAcceptances)
    .innerJoin(agreementVersions, eq(agreementVersions.id, agreementAcceptances.versionId))
    .where(and(eq(agreementAcceptances.agreementId, agreementId), visibleAcceptances(actor)))
    .orderBy(desc(agreementAcceptances.acceptedAt));
  // Names from their modules, one keyed query each, rather than a join into their tables.
  const orgs = await findOrganizationsByIds(
    q,
    rows.map((r) => r.acceptance.organizationId),
  );
  const orgNames = new Map(orgs.map((o) => [o.id, o.name]));
  const users = await findUserNames(
    q,
    rows.flatMap((r) => (r.acceptance.userId ? [r.acceptance.userId] : [])),
  );
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    ...r,
    organizationName: orgNames.get(r.acceptance.organizationId) ?? '',
    userName: (r.acceptance.userId && userNames.get(r.acceptance.userId)) || null,
  }));
}
