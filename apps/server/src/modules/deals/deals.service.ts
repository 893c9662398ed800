import { endOfCloseDate } from './deal-dates';
import type { z } from 'zod';
import type {
  attributionModel,
  closeDealBody,
  reopenDealBody,
  createDealBody,
  dealListQuery,
  updateDealBody,
} from '@partnergraph/shared/contracts/deals';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange, type ChangeRecorder, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, invalid, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { isIndustry } from '../../lib/industries';
import type { PageRequest } from '../../lib/pagination';
import { accrueForWonDeal } from '../funds/incentives.service';
import { clawBackDeal } from '../funds/ledger.service';
import { findOrganizationOfActor } from '../organizations/organizations.repository';
import { requireRate } from '../settings/settings.service';
import { customerKey, type CustomerKey } from './customer-key';
import { attribute } from './deal-attribution';
import { findConflicts, protectedByAnotherPartner } from './deal-conflicts.service';
import {
  findVisibleDeal,
  listVisibleDeals,
  loadVisibleDeal,
  setDealFields,
  today,
  toDealDtos,
  type LoadedDeal,
} from './deals.repository';
import { confirmedOrgIdsOn, involvementsOf } from './deal-involvements.repository';
import { dealInvolvements, deals } from './deals.tables';
import { actsForVendor, mayReviewDeal, seesCreditOf } from './deals.visibility';

// --- Validation ---

function checkIndustry(industry: string | null | undefined, path: string) {
  if (industry && !isIndustry(industry)) {
    throw invalid([{ path, message: 'Unknown NAICS sector code (see /reference/industries)' }]);
  }
}

function checkNotFuture(date: string, path: string) {
  if (date > today()) throw invalid([{ path, message: 'A close date cannot be in the future' }]);
}

function checkNotPast(date: string, path: string) {
  if (date < today()) throw invalid([{ path, message: 'An expected close date cannot be in the past' }]);
}

// --- Reading ---

export async function listDeals(
  db: Db,
  ctx: Ctx,
  query: z.output<typeof dealListQuery>,
  page: Omit<PageRequest, 'sort'>,
) {
  return listVisibleDeals(db, ctx.actor, query, page);
}

async function dto(q: Queryable, actor: Actor, loaded: LoadedDeal) {
  return (await toDealDtos(q, actor, [loaded]))[0]!;
}

export async function getDeal(db: Db, ctx: Ctx, id: string) {
  return dto(db, ctx.actor, await loadVisibleDeal(db, ctx.actor, id));
}

// --- Registration ---

async function assertActivePartner(q: Queryable, actor: Actor) {
  const org = await findOrganizationOfActor(q, actor);
  if (org?.status !== 'active') {
    throw unprocessable(
      `Your organization is ${org?.status ?? 'unknown'}: only active partners register deals`,
    );
  }
}

export interface NewDeal {
  key: CustomerKey;
  country: string;
  industry: string | null;
  amount: number;
  currency: string;
  products: string[];
  expectedCloseDate: string;
  stage: (typeof deals.$inferInsert)['stage'];
  notes: string;
  referralId?: string;
}

/**
 * Writes a deal in the caller's transaction: a partner's starts `registered`
 * with the partner as `sourced`; the vendor's own starts `approved` with no
 * sourced partner (vendor-sourced). Shared by registration and referral conversion.
 */
export async function insertDeal(tx: Tx, record: ChangeRecorder, actor: Actor, input: NewDeal) {
  return (await writeDeal(tx, record, actor, input)).id;
}

/** insertDeal, answering also the settings row the deal was checked against (read once, in the transaction). */
async function writeDeal(tx: Tx, record: ChangeRecorder, actor: Actor, input: NewDeal) {
  const settings = await requireRate(tx, input.currency, today(), input.amount);
  const vendor = actsForVendor(actor);
  if (!vendor) await assertActivePartner(tx, actor);
  const now = new Date();
  const id = newId();
  await tx.insert(deals).values({
    id,
    registeredByOrgId: actor.orgId,
    registeredByUserId: actor.userId,
    vendorRecorded: vendor,
    customerName: input.key.name,
    customerNameKey: input.key.nameKey,
    customerDomain: input.key.domain,
    customerRootDomain: input.key.root,
    customerDomainLabel: input.key.label,
    country: input.country,
    industry: input.industry,
    amount: input.amount,
    registeredAmount: input.amount,
    currency: input.currency,
    products: input.products,
    expectedCloseDate: input.expectedCloseDate,
    stage: input.stage ?? null,
    notes: input.notes,
    status: vendor ? 'approved' : 'registered',
    approvedAt: vendor ? now : null,
    referralId: input.referralId ?? null,
    createdAt: now,
    updatedAt: now,
  });
  if (!vendor) {
    await tx.insert(dealInvolvements).values({
      dealId: id,
      organizationId: actor.orgId,
      role: 'sourced',
      status: 'confirmed',
      involvedAt: now,
      confirmedAt: now,
    });
  }
  const summary = {
    customerName: input.key.name,
    customerDomain: input.key.domain,
    country: input.country,
    amount: input.amount,
    currency: input.currency,
    status: vendor ? 'approved' : 'registered',
    ...(input.referralId ? { referralId: input.referralId } : {}),
  };
  record.audit({ action: 'deal.registered', entityType: 'deal', entityId: id, after: summary });
  record.event({
    type: 'deal.registered',
    entityType: 'deal',
    entityId: id,
    organizationIds: vendor ? [] : [actor.orgId],
    payload: { id, ...summary },
  });
  return { id, settings };
}

export async function registerDeal(db: Db, ctx: Ctx, input: z.output<typeof createDealBody>) {
  const key = customerKey(input.customerName, input.customerDomain, 'body.customerDomain');
  checkIndustry(input.industry, 'body.industry');
  checkNotPast(input.expectedCloseDate, 'body.expectedCloseDate');
  const { id, settings } = await runChange(db, ctx, (tx, record) =>
    writeDeal(tx, record, ctx.actor, {
      key,
      country: input.country,
      industry: input.industry ?? null,
      amount: input.amount,
      currency: input.currency,
      products: input.products,
      expectedCloseDate: input.expectedCloseDate,
      stage: input.stage ?? null,
      notes: input.notes,
    }),
  );
  // The read-back, the conflict check and the protection notice use the settings the transaction read
  // (once per request: a change committed since is seen by the next request).
  const deal = (await toDealDtos(db, ctx.actor, [await loadVisibleDeal(db, ctx.actor, id)], settings))[0]!;
  const conflicts = await findConflicts(db, ctx.actor, key, {
    excludeDealId: id,
    country: input.country,
    settings,
  });
  return {
    ...deal,
    conflicts,
    protectedByAnotherPartner: await protectedByAnotherPartner(db, ctx.actor, key, id, settings),
  };
}

// --- Changes by the registering partner or the vendor ---

/** The registering partner, or vendor staff who may review the deal. */
function mayWork(actor: Actor, loaded: LoadedDeal) {
  if (actsForVendor(actor)) {
    return mayReviewDeal(actor, {
      kind: loaded.registrantKind,
      channelManagerId: loaded.registrantManagerId,
    });
  }
  return loaded.deal.registeredByOrgId === actor.orgId;
}

/** Vendor staff who may review the deal (deals.visibility.ts, mayReviewDeal). */
export function mayReview(actor: Actor, loaded: LoadedDeal) {
  return (
    actsForVendor(actor) &&
    mayReviewDeal(actor, { kind: loaded.registrantKind, channelManagerId: loaded.registrantManagerId })
  );
}

const open = (status: string) => status === 'registered' || status === 'approved';

/** Applies a change to a locked, visible deal after the version and permission checks. */
export async function changeDeal<T>(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  allowed: (actor: Actor, loaded: LoadedDeal) => boolean,
  denial: string,
  apply: (tx: Tx, record: ChangeRecorder, loaded: LoadedDeal) => Promise<T>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const loaded = await loadVisibleDeal(tx, ctx.actor, id, true);
    if (!allowed(ctx.actor, loaded)) throw forbidden(denial);
    assertVersion(loaded.deal, version);
    await apply(tx, record, loaded);
    return dto(tx, ctx.actor, (await findVisibleDeal(tx, ctx.actor, id))!);
  });
}

/** A deal's state change: its audit entry and its outbox event, under one action name. */
export function recordDeal(
  record: ChangeRecorder,
  loaded: LoadedDeal,
  type: string,
  payload: Record<string, unknown>,
  before?: Record<string, unknown>,
) {
  record.audit({
    action: type,
    entityType: 'deal',
    entityId: loaded.deal.id,
    before: before ?? null,
    after: payload,
  });
  record.event({
    type,
    entityType: 'deal',
    entityId: loaded.deal.id,
    organizationIds: loaded.registrantKind === 'partner' ? [loaded.deal.registeredByOrgId] : [],
    payload: { id: loaded.deal.id, ...payload },
  });
}

export async function updateDeal(db: Db, ctx: Ctx, id: string, input: z.output<typeof updateDealBody>) {
  checkIndustry(input.industry, 'body.industry');
  if (input.expectedCloseDate) checkNotPast(input.expectedCloseDate, 'body.expectedCloseDate');
  return changeDeal(
    db,
    ctx,
    id,
    input.version,
    mayWork,
    'Only the registering partner and its channel manager change a deal',
    async (tx, record, { deal }) => {
      if (!open(deal.status)) throw unprocessable(`This deal is ${deal.status}: closed deals are not edited`);
      const customerChange =
        input.customerName !== undefined || input.customerDomain !== undefined || input.country !== undefined;
      if (customerChange && deal.status !== 'registered') {
        throw unprocessable(
          'The customer of an approved deal is fixed: its protection was granted for that customer',
        );
      }
      const patch: Partial<typeof deals.$inferInsert> = {};
      if (customerChange) {
        const key = customerKey(
          input.customerName ?? deal.customerName,
          input.customerDomain === undefined ? deal.customerDomain : input.customerDomain,
          'body.customerDomain',
        );
        Object.assign(patch, {
          customerName: key.name,
          customerNameKey: key.nameKey,
          customerDomain: key.domain,
          customerRootDomain: key.root,
          customerDomainLabel: key.label,
        });
        if (input.country) patch.country = input.country;
      }
      if (input.industry !== undefined) patch.industry = input.industry;
      if (input.amount !== undefined) patch.amount = input.amount;
      if (input.currency !== undefined || input.amount !== undefined) {
        await requireRate(tx, input.currency ?? deal.currency, today(), input.amount ?? deal.amount);
      }
      if (input.currency !== undefined) patch.currency = input.currency;
      if (input.products !== undefined) patch.products = input.products;
      if (input.expectedCloseDate !== undefined) patch.expectedCloseDate = input.expectedCloseDate;
      if (input.stage !== undefined) patch.stage = input.stage;
      if (input.notes !== undefined) patch.notes = input.notes;
      const before = Object.fromEntries(Object.keys(patch).map((k) => [k, deal[k as keyof typeof deal]]));
      await setDealFields(tx, deal.id, patch);
      record.audit({ action: 'deal.updated', entityType: 'deal', entityId: deal.id, before, after: patch });
      record.event({
        type: 'deal.updated',
        entityType: 'deal',
        entityId: deal.id,
        organizationIds: [deal.registeredByOrgId],
        payload: { id: deal.id, changed: Object.keys(patch) },
      });
    },
  );
}

export async function closeDeal(db: Db, ctx: Ctx, id: string, input: z.output<typeof closeDealBody>) {
  checkNotFuture(input.closeDate, 'body.closeDate');
  return changeDeal(
    db,
    ctx,
    id,
    input.version,
    mayWork,
    'Only the registering partner and its channel manager close a deal',
    async (tx, record, loaded) => {
      const { deal } = loaded;
      if (deal.status === 'registered')
        throw unprocessable('This deal awaits review: it closes once approved');
      if (deal.status !== 'approved') throw unprocessable(`This deal is already ${deal.status}`);
      if (input.closeDate < deal.createdAt.toISOString().slice(0, 10)) {
        throw invalid([{ path: 'body.closeDate', message: 'A deal cannot close before it was registered' }]);
      }
      const endedAt = endOfCloseDate(input.closeDate);
      if (input.outcome === 'won') {
        await requireRate(tx, deal.currency, input.closeDate, input.amount);
        await setDealFields(tx, deal.id, {
          status: 'won',
          amount: input.amount,
          closeDate: input.closeDate,
          endedAt,
        });
      } else {
        await setDealFields(tx, deal.id, {
          status: 'lost',
          closeDate: input.closeDate,
          lostReason: input.reason,
          endedAt,
        });
      }
      const after =
        input.outcome === 'won'
          ? { status: 'won', amount: input.amount, currency: deal.currency, closeDate: input.closeDate }
          : { status: 'lost', closeDate: input.closeDate, reason: input.reason };
      record.audit({
        action: `deal.${input.outcome}`,
        entityType: 'deal',
        entityId: deal.id,
        before: { status: deal.status, amount: deal.amount },
        after,
      });
      const involved = await confirmedOrgIdsOn(tx, deal.id);
      record.event({
        type: 'deal.closed',
        entityType: 'deal',
        entityId: deal.id,
        organizationIds: [...new Set([deal.registeredByOrgId, ...involved])].filter(
          (o) => loaded.registrantKind === 'partner' || o !== deal.registeredByOrgId,
        ),
        payload: { id: deal.id, ...after },
      });
      if (input.outcome === 'won') await accrueForWonDeal(tx, record, deal.id);
    },
  );
}

/**
 * A vendor reviewer reopens a closed deal (a won deal cancelled or refunded): it is approved again,
 * and whatever it earned partners (referral fee, SPIFFs) is reversed, or clawed back once paid.
 */
export async function reopenDeal(db: Db, ctx: Ctx, id: string, input: z.output<typeof reopenDealBody>) {
  return changeDeal(
    db,
    ctx,
    id,
    input.version,
    mayReview,
    'Only the partner’s channel manager or a vendor admin reopens a deal',
    async (tx, record, loaded) => {
      const { deal } = loaded;
      if (deal.status !== 'won' && deal.status !== 'lost') {
        throw unprocessable(`This deal is ${deal.status}: only a won or lost deal is reopened`);
      }
      await setDealFields(tx, deal.id, {
        status: 'approved',
        closeDate: null,
        endedAt: null,
        lostReason: null,
      });
      const clawedBack =
        deal.status === 'won'
          ? await clawBackDeal(
              tx,
              record,
              deal.id,
              `deal with ${deal.customerName} reopened: ${input.reason}`,
            )
          : 0;
      recordDeal(
        record,
        loaded,
        'deal.reopened',
        { status: 'approved', reason: input.reason, entriesClawedBack: clawedBack },
        { status: deal.status, closeDate: deal.closeDate },
      );
    },
  );
}

// --- Attribution ---

export async function dealAttribution(
  db: Db,
  ctx: Ctx,
  id: string,
  model: z.output<typeof attributionModel>,
) {
  const { deal } = await loadVisibleDeal(db, ctx.actor, id);
  if (deal.status !== 'won') throw unprocessable(`Credit is given on won deals; this one is ${deal.status}`);
  const rows = (await involvementsOf(db, [deal.id])).filter((i) => i.involvement.status === 'confirmed');
  const credits = attribute(
    deal.amount,
    rows.map((r) => r.involvement),
    model,
  );
  return {
    dealId: deal.id,
    model,
    amount: deal.amount,
    currency: deal.currency,
    credits: rows
      .filter((r) => seesCreditOf(ctx.actor, r.involvement.organizationId))
      .map((r) => ({
        organization: { id: r.involvement.organizationId, name: r.orgName },
        role: r.involvement.role,
        sourcedCredit: credits.get(r.involvement.organizationId)!.sourced,
        influenceCredit: credits.get(r.involvement.organizationId)!.influence,
      })),
  };
}
