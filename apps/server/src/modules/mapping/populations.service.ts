import type { z } from 'zod';
import type {
  createPopulationBody,
  PopulationFilter,
  replaceAccountsBody,
  updatePopulationBody,
} from '@partnergraph/shared/contracts/mapping';
import { accountKeys } from '@partnergraph/shared/psi/domains';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import { isVendor, type Ctx } from '../../lib/actor';
import { conflict, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { isIndustry } from '../../lib/industries';
import { crossConvertMinor } from '../../lib/money';
import { isoDay } from '../analytics/period';
import { findDealsByFilter, findDealsForCrmSync, type DealRow } from '../deals/deals.repository';
import { findPartnerTypes } from '../organizations/organizations.repository';
import { rateInForce, readSettings } from '../settings/settings.service';
import {
  findAccountsOfPopulation,
  findOwnPopulation,
  findOwnPopulations,
  insertPopulation,
  replaceAccounts,
  updatePopulation,
  type PopulationRow,
} from './mapping.repository';

export function toPopulationDto(p: PopulationRow) {
  return {
    id: p.id,
    organizationId: p.organizationId,
    name: p.name,
    kind: p.kind,
    source: p.source,
    filter: p.dealFilter ?? null,
    defaultLevel: p.defaultLevel,
    sharedFields: p.sharedFields as ('name' | 'owner' | 'stage' | 'industry' | 'country' | 'amount')[],
    accountCount: p.accountCount,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}

const summary = (p: PopulationRow) => ({
  name: p.name,
  kind: p.kind,
  source: p.source,
  ...(p.dealFilter ? { filter: p.dealFilter } : {}),
  defaultLevel: p.defaultLevel,
  sharedFields: p.sharedFields,
  accountCount: p.accountCount,
});

/**
 * What the contract cannot check of a deal filter: the codes it names exist, and its amount's currency
 * converts today (a range in a currency with no rate could never be compared).
 */
async function checkFilter(q: Queryable, filter: PopulationFilter) {
  const errors: { path: string; message: string }[] = [];
  filter.industries?.forEach((code, i) => {
    if (!isIndustry(code))
      errors.push({ path: `body.filter.industries.${i}`, message: 'Not a NAICS sector code' });
  });
  if (filter.partnerTypes?.length) {
    const known = new Set((await findPartnerTypes(q, { includeRetired: true })).map((t) => t.code));
    filter.partnerTypes.forEach((code, i) => {
      if (!known.has(code))
        errors.push({ path: `body.filter.partnerTypes.${i}`, message: 'No such partner type' });
    });
  }
  if (filter.amount) {
    const { reportingCurrency } = await readSettings(q);
    if (!(await rateInForce(q, filter.amount.currency, reportingCurrency, isoDay(new Date()))))
      errors.push({
        path: 'body.filter.amount.currency',
        message: `No ${filter.amount.currency}→${reportingCurrency} exchange rate is in force today`,
      });
  }
  if (errors.length) throw invalid(errors);
}

/** The deals of a filter, amounts compared in the filter's currency at the rates in force today. */
async function dealsOfFilter(q: Queryable, filter: PopulationFilter): Promise<DealRow[]> {
  const rows = await findDealsByFilter(q, filter);
  const range = filter.amount;
  if (!range) return rows;
  const { reportingCurrency } = await readSettings(q);
  const today = isoDay(new Date());
  const rates = new Map<string, string | null>();
  const rateOf = async (currency: string) => {
    if (!rates.has(currency))
      rates.set(currency, (await rateInForce(q, currency, reportingCurrency, today))?.rate ?? null);
    return rates.get(currency)!;
  };
  const toRate = await rateOf(range.currency);
  const out: DealRow[] = [];
  for (const d of rows) {
    let amount = d.amount;
    if (d.currency !== range.currency) {
      const fromRate = await rateOf(d.currency);
      // A deal whose currency has no rate today cannot be placed in the range: it is left out.
      if (!fromRate || !toRate) continue;
      amount = crossConvertMinor(d.amount, d.currency, fromRate, range.currency, toRate);
    }
    if (range.min !== undefined && amount < range.min) continue;
    if (range.max !== undefined && amount > range.max) continue;
    out.push(d);
  }
  return out;
}

export async function listPopulations(db: Db, ctx: Ctx) {
  return { items: (await findOwnPopulations(db, ctx.actor)).map(toPopulationDto) };
}

export async function createPopulation(db: Db, ctx: Ctx, input: z.output<typeof createPopulationBody>) {
  // Where accounts live follows who owns them: a partner's never reach the server (the browser keeps them);
  // the vendor's are kept here, from its deals or an upload.
  if (isVendor(ctx.actor) === (input.source === 'browser')) {
    throw invalid([
      {
        path: 'body.source',
        message: isVendor(ctx.actor)
          ? "The vendor's accounts come from won deals, open deals, a filter over its deals or an upload"
          : "A partner's accounts stay in its browser: use source 'browser'",
      },
    ]);
  }
  if (input.filter) await checkFilter(db, input.filter);
  const created = await runChange(db, ctx, async (tx, record) => {
    const existing = (await findOwnPopulations(tx, ctx.actor)).find((p) => p.name === input.name);
    if (existing)
      throw invalid([{ path: 'body.name', message: 'You already have a population of that name' }]);
    const row = await insertPopulation(tx, {
      id: newId(),
      organizationId: ctx.actor.orgId,
      name: input.name,
      kind: input.kind,
      source: input.source,
      dealFilter: input.filter ?? null,
      defaultLevel: input.defaultLevel,
      sharedFields: [...new Set(input.sharedFields)],
    });
    record.audit({
      action: 'mapping.population.created',
      entityType: 'mapping_population',
      entityId: row.id,
      after: summary(row),
    });
    return row;
  });
  if (fromDeals(created)) return refreshFromDeals(db, ctx, created.id);
  return toPopulationDto(created);
}

const fromDeals = (p: PopulationRow) =>
  p.source === 'won_deals' || p.source === 'open_deals' || p.source === 'deal_filter';

export async function updatePopulationSettings(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof updatePopulationBody>,
) {
  if (input.filter) await checkFilter(db, input.filter);
  const updated = await runChange(db, ctx, async (tx, record) => {
    const p = await findOwnPopulation(tx, ctx.actor, id, true);
    if (!p) throw notFound('population');
    assertVersion(p, input.version);
    if (input.accountCount !== undefined && p.source !== 'browser')
      throw invalid([{ path: 'body.accountCount', message: 'Counted from the accounts kept on the server' }]);
    if (input.filter && p.source !== 'deal_filter')
      throw invalid([{ path: 'body.filter', message: 'Only a deal_filter population has a filter' }]);
    if (input.name && input.name !== p.name) {
      const clash = (await findOwnPopulations(tx, ctx.actor)).some((o) => o.name === input.name);
      if (clash)
        throw invalid([{ path: 'body.name', message: 'You already have a population of that name' }]);
    }
    const row = await updatePopulation(tx, p.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.defaultLevel !== undefined ? { defaultLevel: input.defaultLevel } : {}),
      ...(input.sharedFields !== undefined ? { sharedFields: [...new Set(input.sharedFields)] } : {}),
      ...(input.accountCount !== undefined ? { accountCount: input.accountCount } : {}),
      ...(input.filter ? { dealFilter: input.filter } : {}),
    });
    record.audit({
      action: 'mapping.population.updated',
      entityType: 'mapping_population',
      entityId: p.id,
      before: summary(p),
      after: summary(row),
    });
    return row;
  });
  // A new filter takes effect at once: its accounts are rebuilt as they are when it is created.
  if (input.filter) return refreshFromDeals(db, ctx, updated.id);
  return toPopulationDto(updated);
}

interface NewAccount {
  name: string;
  domains: string[];
  fields: Record<string, string>;
}

async function storeAccounts(db: Db, ctx: Ctx, id: string, accounts: NewAccount[], version: number | null) {
  return runChange(db, ctx, async (tx, record) => {
    const p = await findOwnPopulation(tx, ctx.actor, id, true);
    if (!p) throw notFound('population');
    if (version !== null) assertVersion(p, version);
    await replaceAccounts(
      tx,
      p.id,
      accounts.map((a) => ({ id: newId(), ...a })),
    );
    const row = await updatePopulation(tx, p.id, { accountCount: accounts.length });
    record.audit({
      action: 'mapping.population.accounts_replaced',
      entityType: 'mapping_population',
      entityId: p.id,
      before: { accountCount: p.accountCount },
      after: { accountCount: accounts.length },
    });
    return toPopulationDto(row);
  });
}

/** The vendor's upload (a CSV read in its browser): every row needs at least one public domain. */
export async function uploadAccounts(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof replaceAccountsBody>,
) {
  const p = await findOwnPopulation(db, ctx.actor, id);
  if (!p) throw notFound('population');
  if (p.source !== 'upload')
    throw conflict(
      p.source === 'browser'
        ? "A partner's accounts stay in its browser; only their count is kept"
        : 'This population is built from your deals: refresh it instead',
    );
  const errors: { path: string; message: string }[] = [];
  const accounts = input.accounts.map((a, i) => {
    const domains = accountKeys(a.domains);
    if (domains.length === 0 && errors.length < 20)
      errors.push({ path: `body.accounts.${i}.domains`, message: 'No public web domain (e.g. acme.com)' });
    return { name: a.name, domains, fields: { name: a.name, ...a.fields } as Record<string, string> };
  });
  if (errors.length) throw invalid(errors);
  return storeAccounts(db, ctx, id, accounts, input.version);
}

/**
 * Customers (won deals), open opportunities (registered and approved deals) or the deals a custom filter
 * names, one account per domain.
 */
export async function refreshFromDeals(db: Db, ctx: Ctx, id: string) {
  const p = await findOwnPopulation(db, ctx.actor, id);
  if (!p) throw notFound('population');
  if (!fromDeals(p)) throw conflict('Only a population built from deals is refreshed from them');
  const deals =
    p.source === 'deal_filter'
      ? await dealsOfFilter(db, p.dealFilter ?? { statuses: ['registered', 'approved'] })
      : await findDealsForCrmSync(db, p.source === 'won_deals' ? ['won'] : ['registered', 'approved']);
  const byDomain = new Map<string, NewAccount>();
  for (const d of deals) {
    const root = d.customerRootDomain;
    if (!root || byDomain.has(root)) continue;
    byDomain.set(root, {
      name: d.customerName,
      domains: [root],
      fields: {
        name: d.customerName,
        country: d.country,
        ...(d.industry ? { industry: d.industry } : {}),
        ...(d.stage ? { stage: d.stage } : {}),
        amount: `${d.amount} ${d.currency}`,
      },
    });
  }
  return storeAccounts(db, ctx, id, [...byDomain.values()], null);
}

export async function listAccounts(db: Db, ctx: Ctx, id: string) {
  const p = await findOwnPopulation(db, ctx.actor, id);
  if (!p) throw notFound('population');
  const rows = await findAccountsOfPopulation(db, p.id);
  return {
    items: rows.slice(0, 1000).map((a) => ({ id: a.id, name: a.name, domains: a.domains, fields: a.fields })),
    total: rows.length,
  };
}
