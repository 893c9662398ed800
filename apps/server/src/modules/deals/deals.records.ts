// The stored rows of a deal or a referral at any point of their lives, with
// their own dates, written as they are: no rules, no audit. Imports of
// history write them, and the demo seed and the tests through
// seed/factories.ts, so imported history looks like the demo's.
import { eq, inArray, sql } from 'drizzle-orm';
import type { DealStatus, InvolvementRole } from '@partnergraph/shared/contracts/deals';
import { findByExternalId, upsertByExternalId } from '../../db/bulk';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { endOfCloseDate } from './deal-dates';
import { customerKey } from './customer-key';
import { dealInvolvements, deals, referrals } from './deals.tables';

const DAY = 86_400_000;

export interface DealRecordInput {
  registeredByOrgId: string;
  registeredByUserId?: string | null;
  vendorRecorded?: boolean;
  customerName: string;
  customerDomain?: string | null;
  country?: string;
  industry?: string | null;
  amount?: number;
  /** The amount it was registered at, when a won or edited deal's amount differs from it. */
  registeredAmount?: number;
  currency?: string;
  products?: string[];
  status?: DealStatus;
  stage?: (typeof deals.$inferInsert)['stage'];
  notes?: string;
  createdAt?: Date;
  expectedCloseDate?: string;
  /** For approved and later deals; defaults to a day after creation. */
  approvedAt?: Date;
  protectionDays?: number;
  closeDate?: string;
  lostReason?: string;
  decisionReason?: string;
  referralId?: string | null;
  /** Partners on the deal. A partner-registered deal gets its registrant as `sourced` unless listed here. */
  involvements?: {
    organizationId: string;
    role: InvolvementRole;
    involvedAt?: Date;
    status?: 'proposed' | 'confirmed';
  }[];
}

/**
 * The stored row of a deal at any point of its life, with its own dates, and
 * its involvements: what the demo, tests and imports of history write.
 */
export function dealRecordValues(input: DealRecordInput & { id?: string; externalId?: string | null }) {
  const createdAt = input.createdAt ?? new Date();
  const status = input.status ?? 'registered';
  const vendorRecorded = input.vendorRecorded ?? false;
  const key = customerKey(input.customerName, input.customerDomain ?? null, 'customerDomain');
  const decided = status !== 'registered';
  const approvedAt =
    status === 'rejected'
      ? null
      : decided || vendorRecorded
        ? (input.approvedAt ?? new Date(createdAt.getTime() + DAY))
        : null;
  const protectionDays = approvedAt && !vendorRecorded ? (input.protectionDays ?? 90) : null;
  const closeDate =
    status === 'won' || status === 'lost' ? (input.closeDate ?? createdAt.toISOString().slice(0, 10)) : null;
  const protectionExpiresAt =
    approvedAt && protectionDays ? new Date(approvedAt.getTime() + protectionDays * DAY) : null;
  const endedAt = closeDate
    ? endOfCloseDate(closeDate)
    : status === 'rejected'
      ? new Date(createdAt.getTime() + DAY)
      : status === 'expired'
        ? protectionExpiresAt
        : null;
  const id = input.id ?? newId();
  const row = {
    id,
    externalId: input.externalId ?? null,
    registeredByOrgId: input.registeredByOrgId,
    registeredByUserId: input.registeredByUserId ?? null,
    vendorRecorded,
    customerName: key.name,
    customerNameKey: key.nameKey,
    customerDomain: key.domain,
    customerRootDomain: key.root,
    customerDomainLabel: key.label,
    country: input.country ?? 'US',
    industry: input.industry ?? null,
    amount: input.amount ?? 1_000_000,
    registeredAmount: input.registeredAmount ?? input.amount ?? 1_000_000,
    currency: input.currency ?? 'USD',
    products: input.products ?? [],
    expectedCloseDate:
      input.expectedCloseDate ?? new Date(createdAt.getTime() + 60 * DAY).toISOString().slice(0, 10),
    stage: input.stage ?? null,
    notes: input.notes ?? '',
    status,
    approvedAt,
    protectionDays,
    protectionExpiresAt,
    decisionReason:
      status === 'rejected' ? (input.decisionReason ?? 'Duplicate of an existing opportunity') : null,
    decidedAt: decided && !vendorRecorded ? (approvedAt ?? endedAt) : null,
    closeDate,
    lostReason: status === 'lost' ? (input.lostReason ?? 'Chose a competitor') : null,
    endedAt,
    referralId: input.referralId ?? null,
    createdAt,
    updatedAt: createdAt,
  } satisfies typeof deals.$inferInsert;
  const involvements = (
    input.involvements ??
    (vendorRecorded ? [] : [{ organizationId: input.registeredByOrgId, role: 'sourced' as const }])
  ).map((i) => ({
    dealId: id,
    organizationId: i.organizationId,
    role: i.role,
    status: i.status ?? ('confirmed' as const),
    involvedAt: i.involvedAt ?? createdAt,
    confirmedAt: (i.status ?? 'confirmed') === 'confirmed' ? (i.involvedAt ?? createdAt) : null,
  })) satisfies (typeof dealInvolvements.$inferInsert)[];
  return { row, involvements };
}

export async function insertDealRecord(q: Queryable, values: ReturnType<typeof dealRecordValues>) {
  const [row] = await q.insert(deals).values(values.row).returning();
  if (values.involvements.length) await q.insert(dealInvolvements).values(values.involvements);
  return row!;
}

export interface ReferralRecordInput {
  referrerOrgId: string | null;
  referrerUserId?: string | null;
  recipientOrgId: string;
  toVendor?: boolean;
  source?: 'partner' | 'locator';
  companyName: string;
  companyDomain?: string | null;
  country?: string | null;
  industry?: string | null;
  need?: string;
  estimatedAmount?: number | null;
  estimatedCurrency?: string | null;
  status?: 'submitted' | 'accepted' | 'rejected' | 'converted';
  decisionReason?: string;
  createdAt?: Date;
  decidedAt?: Date;
  convertedAt?: Date;
  feePercent?: string | null;
  feeBasis?: string | null;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string | null;
  connectionId?: string | null;
}

/** The stored row of a referral at any point of its life, with its own dates. */
export function referralRecordValues(
  input: ReferralRecordInput & { id?: string; externalId?: string | null },
) {
  const createdAt = input.createdAt ?? new Date();
  const status = input.status ?? 'submitted';
  const companyName = input.companyName;
  const decidedAt =
    status === 'submitted' ? null : (input.decidedAt ?? new Date(createdAt.getTime() + 2 * DAY));
  return {
    id: input.id ?? newId(),
    externalId: input.externalId ?? null,
    source: input.source ?? 'partner',
    referrerOrgId: input.referrerOrgId,
    referrerUserId: input.referrerUserId ?? null,
    recipientOrgId: input.recipientOrgId,
    toVendor: input.toVendor ?? false,
    companyName,
    companyDomain: input.companyDomain ?? null,
    country: input.country ?? 'US',
    industry: input.industry ?? null,
    contactName: input.contactName ?? 'Pat Prospect',
    contactEmail: input.contactEmail ?? `pat@${input.companyDomain ?? 'prospect.example'}`,
    contactPhone: input.contactPhone ?? null,
    connectionId: input.connectionId ?? null,
    need: input.need ?? 'Looking for help with a rollout',
    estimatedAmount: input.estimatedAmount ?? null,
    estimatedCurrency: input.estimatedAmount ? (input.estimatedCurrency ?? 'USD') : null,
    status,
    decisionReason: status === 'rejected' ? (input.decisionReason ?? 'Outside our focus') : null,
    decidedAt,
    convertedAt: status === 'converted' ? (input.convertedAt ?? decidedAt) : null,
    feePercent: status === 'converted' ? (input.feePercent ?? '0') : null,
    feeBasis:
      status === 'converted'
        ? (input.feeBasis ?? 'No referral-fee benefit in the referrer’s active tiers')
        : null,
    createdAt,
    updatedAt: createdAt,
  } satisfies typeof referrals.$inferInsert;
}

export async function insertReferralRecord(q: Queryable, values: ReturnType<typeof referralRecordValues>) {
  const [row] = await q.insert(referrals).values(values).returning();
  return row!;
}

// Batches of imported history (imports/deals.importer.ts, relations.importer.ts): by external id.

export const findDealsByExternalIds = (q: Queryable, ids: string[]) => findByExternalId(q, deals, ids);

export const upsertDealRows = (q: Queryable, rows: (typeof deals.$inferInsert)[]) =>
  upsertByExternalId(q, deals, rows);

export const findReferralsByExternalIds = (q: Queryable, ids: string[]) =>
  findByExternalId(q, referrals, ids);

export const upsertReferralRows = (q: Queryable, rows: (typeof referrals.$inferInsert)[]) =>
  upsertByExternalId(q, referrals, rows);

/** Referrals by external id, with the external id of the deal already linked to each (if any). */
export function findReferralLinks(q: Queryable, externalIds: string[]) {
  return q
    .select({
      id: referrals.id,
      externalId: referrals.externalId,
      recipientOrgId: referrals.recipientOrgId,
      linked: deals.externalId,
    })
    .from(referrals)
    .leftJoin(deals, eq(deals.referralId, referrals.id))
    .where(inArray(referrals.externalId, externalIds));
}

/** The whole set of partners of these deals, as an import states it: replaces what was stored. */
export async function replaceDealInvolvements(
  q: Queryable,
  dealIds: string[],
  involvements: (typeof dealInvolvements.$inferInsert)[],
) {
  await q.delete(dealInvolvements).where(inArray(dealInvolvements.dealId, dealIds));
  if (involvements.length) await q.insert(dealInvolvements).values(involvements);
}

/** Referrals a deal names as its origin are converted (keeping the conversion date they had, if any). */
export async function markReferralsConverted(q: Queryable, ids: string[]) {
  if (!ids.length) return;
  await q
    .update(referrals)
    .set({
      status: 'converted',
      convertedAt: sql`coalesce(${referrals.convertedAt}, ${referrals.decidedAt}, ${referrals.createdAt})`,
      updatedAt: new Date(),
    })
    .where(inArray(referrals.id, ids));
}
