import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { isId } from '../../lib/ids';
import { incentiveRules, incentiveRuleVersions } from './funds.tables';

// Rules are the vendor's terms: the routes that read them are vendor-only (funds.visibility mayReadRules).

export type RuleRow = typeof incentiveRules.$inferSelect;
export type RuleVersionRow = typeof incentiveRuleVersions.$inferSelect;

export function findRules(q: Queryable, kind?: RuleRow['kind']) {
  return q
    .select()
    .from(incentiveRules)
    .where(kind ? eq(incentiveRules.kind, kind) : undefined)
    .orderBy(asc(incentiveRules.createdAt), asc(incentiveRules.id));
}

export async function findRuleById(q: Queryable, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q.select().from(incentiveRules).where(eq(incentiveRules.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findVersionsOfRules(q: Queryable, ruleIds: string[]) {
  const byRule = new Map<string, RuleVersionRow[]>(ruleIds.map((id) => [id, []]));
  if (!ruleIds.length) return byRule;
  const rows = await q
    .select()
    .from(incentiveRuleVersions)
    .where(inArray(incentiveRuleVersions.ruleId, ruleIds))
    .orderBy(asc(incentiveRuleVersions.effectiveFrom));
  for (const v of rows) byRule.get(v.ruleId)!.push(v);
  return byRule;
}

export async function insertRule(q: Queryable, row: typeof incentiveRules.$inferInsert) {
  const [created] = await q.insert(incentiveRules).values(row).returning();
  return created!;
}

export async function insertRuleVersion(q: Queryable, row: typeof incentiveRuleVersions.$inferInsert) {
  const [created] = await q.insert(incentiveRuleVersions).values(row).returning();
  return created!;
}

export async function touchRule(
  q: Queryable,
  id: string,
  set: Partial<typeof incentiveRules.$inferInsert> = {},
) {
  const [row] = await q
    .update(incentiveRules)
    .set({ ...set, updatedAt: new Date(), version: sql`${incentiveRules.version} + 1` })
    .where(eq(incentiveRules.id, id))
    .returning();
  return row!;
}
