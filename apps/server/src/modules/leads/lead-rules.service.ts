import type { z } from 'zod';
import type {
  createLeadRuleBody,
  LeadRule,
  testLeadRuleBody,
  updateLeadRuleBody,
} from '@partnergraph/shared/contracts/leads';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { isIndustry } from '../../lib/industries';
import { findPartnerTypes } from '../organizations/organizations.repository';
import { findAllTierNames } from '../programs/programs.repository';
import { certificationTypeCodes } from '../enablement/enablement.public';
import { loadPartnerFacts, toRoutingRule } from './leads.assign';
import {
  deleteRule,
  findRule,
  findRules,
  insertRule,
  lockRules,
  setRuleFields,
  setRulePositions,
  type LeadRuleRow,
} from './leads.repository';
import { route, ruleWarnings, type PartnerFacts, type RoutingRule } from './routing';

type RuleInput = Partial<Pick<z.output<typeof createLeadRuleBody>, 'match' | 'partners'>>;

/** Industries and partner types are lists the server knows: an unknown one is refused naming the field. */
async function checkRule(q: Queryable, input: RuleInput) {
  const errors = [];
  for (const [i, code] of (input.match?.industries ?? []).entries()) {
    if (!isIndustry(code)) {
      errors.push({
        path: `body.match.industries.${i}`,
        message: 'Unknown NAICS sector code (see /reference/industries)',
      });
    }
  }
  if (input.partners?.types.length) {
    const known = new Set((await findPartnerTypes(q, { includeRetired: true })).map((t) => t.code));
    for (const [i, code] of input.partners.types.entries()) {
      if (!known.has(code))
        errors.push({ path: `body.partners.types.${i}`, message: `Unknown partner type ${code}` });
    }
  }
  if (input.partners?.certifications.length) {
    const known = await certificationTypeCodes(q);
    for (const [i, c] of input.partners.certifications.entries()) {
      if (!known.has(c.code))
        errors.push({
          path: `body.partners.certifications.${i}.code`,
          message: `No certification type with the code ${c.code}`,
        });
    }
  }
  if (errors.length) throw invalid(errors);
}

interface Context {
  rules: RoutingRule[];
  partners: PartnerFacts[];
  tiers: string[];
}

async function context(q: Queryable): Promise<Context> {
  const [rules, partners, tiers] = await Promise.all([
    findRules(q),
    loadPartnerFacts(q),
    findAllTierNames(q),
  ]);
  return { rules: rules.map(toRoutingRule), partners, tiers };
}

function toDto(row: LeadRuleRow, c: Context): LeadRule {
  const rule = toRoutingRule(row);
  return {
    ...rule,
    warnings: ruleWarnings(rule, c.rules, c.partners, c.tiers),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listLeadRules(db: Db) {
  const c = await context(db);
  const rows = await findRules(db);
  return { items: rows.map((r) => toDto(r, c)) };
}

async function ruleDto(q: Queryable, id: string) {
  const row = await findRule(q, id);
  if (!row) throw notFound('lead rule');
  return toDto(row, await context(q));
}

/** Puts `id` at `position` (1-based, clamped) among the rules in their order, numbering them 1..n again. */
async function place(q: Queryable, id: string, position: number | undefined) {
  const ids = (await findRules(q)).map((r) => r.id).filter((r) => r !== id);
  const at = position === undefined ? ids.length : Math.min(Math.max(position - 1, 0), ids.length);
  ids.splice(at, 0, id);
  await setRulePositions(q, ids);
}

/** Saved whatever its warnings say: a flagged rule is the admin's call, and the warnings show beside it. */
export async function createLeadRule(db: Db, ctx: Ctx, input: z.output<typeof createLeadRuleBody>) {
  await checkRule(db, input);
  const id = newId();
  await runChange(db, ctx, async (tx, record) => {
    await lockRules(tx);
    const { position, ...fields } = input;
    await insertRule(tx, { id, position: 10_001, ...fields });
    await place(tx, id, position);
    record.audit({ action: 'lead_rule.created', entityType: 'lead_rule', entityId: id, after: fields });
  });
  return ruleDto(db, id);
}

export async function updateLeadRule(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof updateLeadRuleBody>,
) {
  await checkRule(db, input);
  await runChange(db, ctx, async (tx, record) => {
    await lockRules(tx);
    const row = await findRule(tx, id, { forUpdate: true });
    if (!row) throw notFound('lead rule');
    assertVersion(row, input.version);
    const { version: _v, position, ...patch } = input;
    await setRuleFields(tx, id, patch);
    if (position !== undefined) await place(tx, id, position);
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof LeadRuleRow]]));
    record.audit({
      action: 'lead_rule.updated',
      entityType: 'lead_rule',
      entityId: id,
      before: { ...before, ...(position !== undefined ? { position: row.position } : {}) },
      after: { ...patch, ...(position !== undefined ? { position } : {}) },
    });
  });
  return ruleDto(db, id);
}

export async function deleteLeadRule(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    await lockRules(tx);
    const row = await findRule(tx, id, { forUpdate: true });
    if (!row) throw notFound('lead rule');
    await deleteRule(tx, id);
    await setRulePositions(
      tx,
      (await findRules(tx)).map((r) => r.id),
    );
    record.audit({
      action: 'lead_rule.deleted',
      entityType: 'lead_rule',
      entityId: id,
      before: { name: row.name },
    });
  });
}

/**
 * "Test this rule on a sample lead": the rule as typed, put in its place among
 * the saved rules, routes the sample against today's partners. Nothing is stored.
 */
export async function testLeadRule(db: Db, input: z.output<typeof testLeadRuleBody>) {
  await checkRule(db, input.rule);
  const c = await context(db);
  const { position, ...fields } = input.rule;
  const draft: RoutingRule = { id: 'draft', position: 0, ...fields };
  const others = c.rules.filter((r) => r.id !== 'draft');
  const at = position === undefined ? others.length : Math.min(Math.max(position - 1, 0), others.length);
  const ordered = [...others.slice(0, at), draft, ...others.slice(at)].map((r, i) => ({
    ...r,
    position: i + 1,
  }));
  const placed = ordered.find((r) => r.id === 'draft')!;
  const lead = {
    country: input.lead.country,
    industry: input.lead.industry ?? null,
    size: input.lead.size ?? null,
    products: input.lead.products,
  };
  return {
    alone: route(lead, [placed], c.partners).explanation,
    amongRules: route(lead, ordered, c.partners).explanation,
    warnings: ruleWarnings(placed, ordered, c.partners, c.tiers),
  };
}
