import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createFxRateBody,
  fxRateListQuery,
  updateSettingsBody,
} from '@partnergraph/shared/contracts/settings';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { conflict, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import { MAX_MINOR_AMOUNT } from '@partnergraph/shared/money-format';
import { defaultEngagementWeights } from '@partnergraph/shared/contracts/analytics';
import { convertMinor, trimDecimal } from '../../lib/money';
import { keyset, where } from '../../lib/pagination';
import { findCurrenciesOfLiveDeals } from '../deals/deal-currencies.repository';
import { fxRates, settings } from './settings.tables';

export type SettingsRow = typeof settings.$inferSelect;
type FxRateRow = typeof fxRates.$inferSelect;

/**
 * The settings row. Changes to rates and the reporting currency take it `update`;
 * recording an amount takes it `share`: so no rate can vanish, and no currency
 * change slip in, between checking a deal's rate and committing the deal.
 */
export async function readSettings(
  q: Queryable,
  opts: { forUpdate?: boolean; lock?: 'update' | 'share' } = {},
): Promise<SettingsRow> {
  const query = q.select().from(settings).where(eq(settings.id, 1));
  const lock = opts.lock ?? (opts.forUpdate ? 'update' : undefined);
  const [row] = lock ? await query.for(lock) : await query;
  if (!row) throw new Error('The settings row is missing: run the migrations');
  // Weights saved before an activity was added lack it: it counts at its default until set.
  return { ...row, engagementWeights: { ...defaultEngagementWeights, ...row.engagementWeights } };
}

const toSettingsDto = (s: SettingsRow) => ({
  reportingCurrency: s.reportingCurrency,
  defaultProtectionDays: s.defaultProtectionDays,
  directCoverage: s.directCoverage,
  engagementWeights: s.engagementWeights,
  protectionOverrideRoles: s.protectionOverrideRoles,
  protectedCustomerNotice: s.protectedCustomerNotice,
  version: s.version,
  updatedAt: s.updatedAt.toISOString(),
});

export async function getSettings(db: Db) {
  return toSettingsDto(await readSettings(db));
}

export async function updateSettings(db: Db, ctx: Ctx, input: z.output<typeof updateSettingsBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const before = await readSettings(tx, { forUpdate: true });
    assertVersion(before, input.version);
    const next = {
      reportingCurrency: input.reportingCurrency ?? before.reportingCurrency,
      defaultProtectionDays: input.defaultProtectionDays ?? before.defaultProtectionDays,
      directCoverage: input.directCoverage ? uniqueCells(input.directCoverage) : before.directCoverage,
      engagementWeights: input.engagementWeights ?? before.engagementWeights,
      protectionOverrideRoles: input.protectionOverrideRoles
        ? [...new Set(input.protectionOverrideRoles)].sort()
        : before.protectionOverrideRoles,
      protectedCustomerNotice: input.protectedCustomerNotice ?? before.protectedCustomerNotice,
    };
    if (next.reportingCurrency !== before.reportingCurrency) {
      const missing = await currenciesWithoutRate(tx, next.reportingCurrency);
      if (missing.length) {
        throw unprocessable(
          `Deals in ${missing.join(', ')} have no rate into ${next.reportingCurrency} in force at their dates: add those rates first`,
        );
      }
    }
    const [after] = await tx
      .update(settings)
      .set({ ...next, version: before.version + 1, updatedAt: new Date() })
      .where(eq(settings.id, 1))
      .returning();
    record.audit({
      action: 'settings.updated',
      entityType: 'settings',
      entityId: null,
      before: {
        reportingCurrency: before.reportingCurrency,
        defaultProtectionDays: before.defaultProtectionDays,
        directCoverage: before.directCoverage,
        engagementWeights: before.engagementWeights,
        protectionOverrideRoles: before.protectionOverrideRoles,
        protectedCustomerNotice: before.protectedCustomerNotice,
      },
      after: next,
    });
    record.event({ type: 'settings.updated', entityType: 'settings', entityId: null, payload: next });
    return toSettingsDto(after!);
  });
}

/** Each (country, industry) once, in a stable order, so the stored set compares and diffs cleanly. */
function uniqueCells(cells: { country: string; industry: string }[]) {
  const seen = new Map(cells.map((c) => [`${c.country}|${c.industry}`, c]));
  return [...seen.values()].sort(
    (a, b) => a.country.localeCompare(b.country) || a.industry.localeCompare(b.industry),
  );
}

// --- FX rates ---

const toFxDto = (r: FxRateRow) => ({
  id: r.id,
  currency: r.currency,
  reportingCurrency: r.reportingCurrency,
  rate: trimDecimal(r.rate),
  effectiveDate: r.effectiveDate,
  createdAt: r.createdAt.toISOString(),
});

export async function listFxRates(
  db: Db,
  query: z.output<typeof fxRateListQuery>,
  page: { limit: number; cursor?: string | undefined },
) {
  const reporting = query.reportingCurrency ?? (await readSettings(db)).reportingCurrency;
  // Newest effective date first.
  const ks = keyset({ effectiveDate: { column: fxRates.effectiveDate, cast: 'date' } }, fxRates.id, {
    ...page,
    sort: '-effectiveDate',
  });
  const rows = await db
    .select()
    .from(fxRates)
    .where(
      where(
        eq(fxRates.reportingCurrency, reporting),
        query.currency ? eq(fxRates.currency, query.currency) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(rows, (r) => r.effectiveDate);
  return { items: items.map(toFxDto), nextCursor };
}

export async function createFxRate(db: Db, ctx: Ctx, input: z.output<typeof createFxRateBody>) {
  return runChange(db, ctx, async (tx, record) => {
    // Locked like any rate change, whichever currency the rate goes into.
    const current = await readSettings(tx, { lock: 'update' });
    const reportingCurrency = input.reportingCurrency ?? current.reportingCurrency;
    if (input.currency === reportingCurrency) {
      throw invalid([
        {
          path: 'body.currency',
          message: `A ${reportingCurrency} rate into ${reportingCurrency} is always 1`,
        },
      ]);
    }
    const [row] = await tx
      .insert(fxRates)
      .values({
        id: newId(),
        currency: input.currency,
        reportingCurrency,
        rate: input.rate,
        effectiveDate: input.effectiveDate,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw conflict(
        `A ${input.currency}→${reportingCurrency} rate already takes effect on ${input.effectiveDate}; delete it first to correct it`,
      );
    }
    const dto = toFxDto(row);
    record.audit({ action: 'fx_rate.created', entityType: 'fx_rate', entityId: row.id, after: dto });
    record.event({ type: 'fx_rate.created', entityType: 'fx_rate', entityId: row.id, payload: dto });
    return dto;
  });
}

export async function deleteFxRate(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    if (!isId(id)) throw notFound('FX rate');
    await readSettings(tx, { lock: 'update' });
    const [row] = await tx.delete(fxRates).where(eq(fxRates.id, id)).returning();
    if (!row) throw notFound('FX rate');
    // Checked after the delete, inside the transaction: refusing rolls it back.
    const missing = await currenciesWithoutRate(tx, row.reportingCurrency, [row.currency]);
    if (missing.length) {
      throw conflict(
        `Deals in ${row.currency} would have no rate into ${row.reportingCurrency} in force at their dates; add an earlier rate before deleting this one`,
      );
    }
    record.audit({ action: 'fx_rate.deleted', entityType: 'fx_rate', entityId: id, before: toFxDto(row) });
    record.event({ type: 'fx_rate.deleted', entityType: 'fx_rate', entityId: id, payload: { id } });
  });
}

/**
 * Currencies of live deals (registered, approved, won, lost) with no rate
 * into `reporting` in force at the deal's date: its close date, or today
 * while open (metrics.md).
 */
async function currenciesWithoutRate(q: Queryable, reporting: string, only?: string[]): Promise<string[]> {
  const rows = await findCurrenciesOfLiveDeals(
    q,
    { except: reporting, only },
    (currency, date) => sql`not exists (select 1 from ${fxRates} r where r.currency = ${currency}
          and r.reporting_currency = ${reporting} and r.effective_date <= ${date})`,
  );
  return rows.map((r) => r.currency).sort();
}

/** The earliest rate of each currency into `reporting`: a deal dated before it could not be converted. */
export function findFirstRateDates(q: Queryable, currencies: string[], reporting: string) {
  return q
    .select({ currency: fxRates.currency, first: sql<string>`min(${fxRates.effectiveDate})::text` })
    .from(fxRates)
    .where(and(inArray(fxRates.currency, currencies), eq(fxRates.reportingCurrency, reporting)))
    .groupBy(fxRates.currency);
}

/**
 * Rates as an import states them: a rate with the same currency, reporting currency and date is replaced.
 * Answers how many were new. Imports check and record the batch themselves (imports/runs.service.ts).
 */
export async function upsertFxRates(
  q: Queryable,
  rows: { currency: string; reportingCurrency: string; rate: string; effectiveDate: string }[],
) {
  const result = await q
    .insert(fxRates)
    .values(rows.map((r) => ({ id: newId(), ...r })))
    .onConflictDoUpdate({
      target: [fxRates.reportingCurrency, fxRates.currency, fxRates.effectiveDate],
      set: { rate: sql`excluded.rate` },
    })
    .returning({ inserted: sql<boolean>`(xmax = 0)` });
  return result.filter((r) => r.inserted).length;
}

export interface RateInForce {
  rate: string;
  /** The date the rate took effect (the conversion date itself for the reporting currency). */
  rateDate: string;
}

/** The rate from `currency` into `reporting` in force on `date` (YYYY-MM-DD), or null. */
export async function rateInForce(
  q: Queryable,
  currency: string,
  reporting: string,
  date: string,
): Promise<RateInForce | null> {
  if (currency === reporting) return { rate: '1', rateDate: date };
  const [row] = await q
    .select({ rate: fxRates.rate, effectiveDate: fxRates.effectiveDate })
    .from(fxRates)
    .where(
      and(
        eq(fxRates.currency, currency),
        eq(fxRates.reportingCurrency, reporting),
        lte(fxRates.effectiveDate, date),
      ),
    )
    .orderBy(desc(fxRates.effectiveDate))
    .limit(1);
  return row ? { rate: trimDecimal(row.rate), rateDate: row.effectiveDate } : null;
}

/**
 * A deal may only be recorded in a currency that converts (metrics.md), and to
 * an amount the reporting currency can still count exactly: 422 otherwise.
 * Answers the settings row it read.
 */
export async function requireRate(
  q: Queryable,
  currency: string,
  date: string,
  amount: number,
): Promise<SettingsRow> {
  const settings = await readSettings(q, { lock: 'share' });
  const { reportingCurrency } = settings;
  const rate = await rateInForce(q, currency, reportingCurrency, date);
  if (!rate) {
    throw unprocessable(
      `No ${currency}→${reportingCurrency} exchange rate is in force on ${date}; the vendor admin adds rates under Settings → FX rates`,
    );
  }
  if (convertMinor(amount, currency, rate.rate, reportingCurrency) > MAX_MINOR_AMOUNT) {
    throw unprocessable(`This amount is too large once converted to ${reportingCurrency}`);
  }
  // The settings row it checked against, share-locked until the transaction ends: the caller reads no other.
  return settings;
}
