import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { referralListQuery, Referral } from '@partnergraph/shared/contracts/deals';
import type { Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { percentOf, trimDecimal } from '../../lib/money';
import { containing, countOver, keyset, where } from '../../lib/pagination';
import { findUserNames } from '../identity/identity.repository';
import {
  findActivePartnersAmong,
  findOrganizationsByIds,
  organizationNameOf,
} from '../organizations/organizations.repository';
import { deals, referrals } from './deals.tables';
import {
  counterpartIds,
  redactReferral,
  referralInbox,
  referralOutbox,
  visibleReferrals,
} from './deals.visibility';

export type ReferralRow = typeof referrals.$inferSelect;

function baseQuery(q: Queryable) {
  return q
    .select({
      referral: referrals,
      deal: {
        id: deals.id,
        status: deals.status,
        amount: deals.amount,
        currency: deals.currency,
        closeDate: deals.closeDate,
      },
    })
    .from(referrals)
    .leftJoin(deals, eq(deals.referralId, referrals.id));
}

/** Referral rows with the names of both organizations and of the referring person, in two queries. */
async function withNames(q: Queryable, rows: Awaited<ReturnType<typeof baseQuery>>) {
  const orgs = new Map(
    (
      await findOrganizationsByIds(
        q,
        rows.flatMap((r) => [
          r.referral.recipientOrgId,
          ...(r.referral.referrerOrgId ? [r.referral.referrerOrgId] : []),
        ]),
      )
    ).map((o) => [o.id, o.name]),
  );
  const userIds = rows.map((r) => r.referral.referrerUserId).filter((u): u is string => u !== null);
  const users = new Map((await findUserNames(q, userIds)).map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    ...r,
    referrerName: r.referral.referrerOrgId ? (orgs.get(r.referral.referrerOrgId) ?? null) : null,
    recipientName: orgs.get(r.referral.recipientOrgId)!,
    userName: r.referral.referrerUserId ? (users.get(r.referral.referrerUserId) ?? null) : null,
  }));
}

export type LoadedReferral = Awaited<ReturnType<typeof withNames>>[number];

/** A referral the actor may see, or undefined (the caller answers 404). */
export async function findVisibleReferral(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedReferral | undefined> {
  if (!isId(id)) return undefined;
  const query = baseQuery(q).where(and(eq(referrals.id, id), visibleReferrals(actor)));
  const rows = opts.forUpdate ? await query.for('update', { of: referrals }) : await query;
  return (await withNames(q, rows))[0];
}

export async function listVisibleReferrals(
  q: Queryable,
  actor: Actor,
  query: z.output<typeof referralListQuery>,
  page: { limit: number; cursor?: string | undefined },
) {
  const ks = keyset({ createdAt: { column: referrals.createdAt, cast: 'timestamptz' } }, referrals.id, {
    ...page,
    sort: '-createdAt',
  });
  const rows = await baseQuery(q)
    .where(
      where(
        visibleReferrals(actor),
        query.box === 'inbox'
          ? referralInbox(actor)
          : query.box === 'outbox'
            ? referralOutbox(actor)
            : undefined,
        query.status ? eq(referrals.status, query.status) : undefined,
        query.source ? eq(referrals.source, query.source) : undefined,
        query.q
          ? or(
              ilike(referrals.companyName, containing(query.q)),
              ilike(referrals.companyDomain, containing(query.q)),
            )
          : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.referral.id })),
    (r) => r.referral.createdAt,
  );
  return { items: (await withNames(q, items)).map((r) => toReferralDto(actor, r)), nextCursor };
}

/** A referral as stored, whoever may see it: for the notices sent after a change commits. */
export async function findReferralRecord(q: Queryable, id: string) {
  const [row] = await q.select().from(referrals).where(eq(referrals.id, id));
  return row;
}

/**
 * Referrals sent to the vendor that are still open (submitted or accepted), oldest first: what the CRM
 * sync sends as leads. The job acts for no person; the vendor sees every referral sent to it.
 */
export function findOpenVendorReferralsForCrmSync(q: Queryable) {
  return q
    .select()
    .from(referrals)
    .where(and(eq(referrals.toVendor, true), inArray(referrals.status, ['submitted', 'accepted'])))
    .orderBy(asc(referrals.createdAt), asc(referrals.id));
}

/** The active partners `org` already deals with by name (deals.visibility.ts, counterpartIds). */
export function findCounterparts(q: Queryable, org: string) {
  return findActivePartnersAmong(q, counterpartIds(org), org, 500);
}

export function toReferralDto(actor: Actor, r: LoadedReferral): Referral {
  const x = redactReferral(actor, r.referral);
  const won = r.deal?.status === 'won';
  return {
    id: x.id,
    externalId: x.externalId,
    status: x.status,
    source: x.source,
    referrer: x.referrerOrgId ? { id: x.referrerOrgId, name: r.referrerName ?? '' } : null,
    referrerUser: x.referrerUserId && r.userName ? { id: x.referrerUserId, name: r.userName } : null,
    recipient: { id: x.recipientOrgId, name: r.recipientName },
    toVendor: x.toVendor,
    connectionId: x.connectionId,
    company: { name: x.companyName, domain: x.companyDomain, country: x.country, industry: x.industry },
    contact: { name: x.contactName, email: x.contactEmail, phone: x.contactPhone },
    need: x.need,
    estimatedValue:
      x.estimatedAmount && x.estimatedCurrency
        ? { amount: x.estimatedAmount, currency: x.estimatedCurrency }
        : null,
    decisionReason: x.decisionReason,
    decidedAt: x.decidedAt?.toISOString() ?? null,
    deal: r.deal?.id
      ? {
          id: r.deal.id,
          status: r.deal.status,
          amount: r.deal.amount,
          currency: r.deal.currency,
          closeDate: r.deal.closeDate,
        }
      : null,
    // The fee is settled on the won amount; before that it is not a figure anyone owes.
    fee:
      won && r.deal && x.feePercent !== null
        ? {
            percent: trimDecimal(x.feePercent),
            basis: x.feeBasis ?? '',
            amount: percentOf(r.deal.amount, x.feePercent),
            currency: r.deal.currency,
          }
        : null,
    version: x.version,
    createdAt: x.createdAt.toISOString(),
    updatedAt: x.updatedAt.toISOString(),
  };
}

/** A referral a visitor sent through the public locator: no referring organization, told to one partner. */
export async function insertLocatorReferral(
  q: Queryable,
  r: Pick<
    typeof referrals.$inferInsert,
    | 'id'
    | 'recipientOrgId'
    | 'companyName'
    | 'companyDomain'
    | 'country'
    | 'contactName'
    | 'contactEmail'
    | 'contactPhone'
    | 'need'
  >,
) {
  await q
    .insert(referrals)
    .values({ ...r, source: 'locator', referrerOrgId: null, toVendor: false, status: 'submitted' });
}

/** The oldest submitted referrals in the actor's inbox, with how many wait in all (the daily digest). */
export function findReferralsAwaitingDecision(q: Queryable, actor: Actor, limit: number) {
  return q
    .select({
      id: referrals.id,
      companyName: referrals.companyName,
      fromName: organizationNameOf(qualified(referrals.referrerOrgId)),
      since: referrals.createdAt,
      total: countOver(),
    })
    .from(referrals)
    .where(and(visibleReferrals(actor), referralInbox(actor), eq(referrals.status, 'submitted')))
    .orderBy(asc(referrals.createdAt), asc(referrals.id))
    .limit(limit);
}

/** Company names of the referrals among these ids that the actor may see (the audit log names its records). */
export function findReferralNamesByIds(q: Queryable, actor: Actor, ids: string[]) {
  const valid = [...new Set(ids.filter(isId))];
  if (!valid.length) return Promise.resolve([]);
  return q
    .select({ id: referrals.id, name: referrals.companyName })
    .from(referrals)
    .where(and(inArray(referrals.id, valid), visibleReferrals(actor)));
}
