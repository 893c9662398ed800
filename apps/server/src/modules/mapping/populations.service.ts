import type { z } from 'zod';
import type {
  createPopulationBody,
  replaceAccountsBody,
  updatePopulationBody,
} from '@partnergraph/shared/contracts/mapping';
import { accountKeys } from '@partnergraph/shared/psi/domains';
import type { Db } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import { isVendor, type Ctx } from '../../lib/actor';
import { conflict, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { findDealsForCrmSync } from '../deals/deals.repository';
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
  defaultLevel: p.defaultLevel,
  sharedFields: p.sharedFields,
  accountCount: p.accountCount,
});

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
          ? "The vendor's accounts come from won deals, open deals or an upload"
          : "A partner's accounts stay in its browser: use source 'browser'",
      },
    ]);
  }
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
  if (created.source === 'won_deals' || created.source === 'open_deals')
    return refreshFromDeals(db, ctx, created.id);
  return toPopulationDto(created);
}

export async function updatePopulationSettings(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof updatePopulationBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const p = await findOwnPopulation(tx, ctx.actor, id, true);
    if (!p) throw notFound('population');
    assertVersion(p, input.version);
    if (input.accountCount !== undefined && p.source !== 'browser')
      throw invalid([{ path: 'body.accountCount', message: 'Counted from the accounts kept on the server' }]);
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
    });
    record.audit({
      action: 'mapping.population.updated',
      entityType: 'mapping_population',
      entityId: p.id,
      before: summary(p),
      after: summary(row),
    });
    return toPopulationDto(row);
  });
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

/** Customers (won deals) or open opportunities (registered and approved deals), one account per domain. */
export async function refreshFromDeals(db: Db, ctx: Ctx, id: string) {
  const p = await findOwnPopulation(db, ctx.actor, id);
  if (!p) throw notFound('population');
  if (p.source !== 'won_deals' && p.source !== 'open_deals')
    throw conflict('Only a population built from deals is refreshed from them');
  const deals = await findDealsForCrmSync(
    db,
    p.source === 'won_deals' ? ['won'] : ['registered', 'approved'],
  );
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
