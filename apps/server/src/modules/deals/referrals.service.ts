import { aliasedTable, and, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  convertReferralBody,
  createReferralBody,
  referralListQuery,
  Referral,
  rejectReferralBody,
} from '@partnergraph/shared/contracts/deals';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange, type ChangeRecorder, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import { isIndustry } from '../../lib/industries';
import type { Mailer } from '../../lib/mail';
import { percentOf, trimDecimal } from '../../lib/money';
import { containing, keyset, where } from '../../lib/pagination';
import { users } from '../identity/identity.tables';
import { activeConnectionBetween } from '../marketplace/connections.service';
import { connections } from '../marketplace/marketplace.tables';
import { customerDomain } from '../organizations/company-identity';
import {
  referralAcceptedEmail,
  referralConvertedEmail,
  referralReceivedEmail,
  referralRejectedEmail,
  type Email,
  type Site,
} from '../mail/templates';
import { notifyOrganization } from '../notifications/notifications.service';
import { findVendor } from '../organizations/organizations.repository';
import { organizations } from '../organizations/organizations.tables';
import { bestBenefit } from '../programs/benefits';
import { findDeal, toDealDtos } from './deals.repository';
import { customerKey, insertDeal } from './deals.service';
import { dealInvolvements, deals, referrals } from './deals.tables';
import { counterpartIds, namablePartner, redactReferral, visibleReferrals } from './deals.visibility';

type ReferralRow = typeof referrals.$inferSelect;

const recipient = aliasedTable(organizations, 'recipient');

function baseQuery(q: Queryable) {
  return q
    .select({
      referral: referrals,
      // A subquery, not a second alias of organizations: Drizzle types two aliases of one table as `never`.
      referrerName: sql<
        string | null
      >`(select o.name from organizations o where o.id = ${referrals.referrerOrgId})`,
      recipientName: recipient.name,
      userName: users.name,
      deal: {
        id: deals.id,
        status: deals.status,
        amount: deals.amount,
        currency: deals.currency,
        closeDate: deals.closeDate,
      },
    })
    .from(referrals)
    .innerJoin(recipient, eq(recipient.id, referrals.recipientOrgId))
    .leftJoin(users, eq(users.id, referrals.referrerUserId))
    .leftJoin(deals, eq(deals.referralId, referrals.id));
}
type Loaded = Awaited<ReturnType<typeof baseQuery>>[number];

function toDto(actor: Actor, r: Loaded): Referral {
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

async function findReferral(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) throw notFound('referral');
  const query = baseQuery(q).where(and(eq(referrals.id, id), visibleReferrals(actor)));
  const [row] = forUpdate ? await query.for('update', { of: referrals }) : await query;
  if (!row) throw notFound('referral');
  return row;
}

export async function getReferral(db: Db, ctx: Ctx, id: string) {
  return toDto(ctx.actor, await findReferral(db, ctx.actor, id));
}

export async function listReferrals(
  db: Db,
  ctx: Ctx,
  query: z.output<typeof referralListQuery>,
  page: { limit: number; cursor?: string | undefined },
) {
  const actor = ctx.actor;
  const ks = keyset({ createdAt: { column: referrals.createdAt, cast: 'timestamptz' } }, referrals.id, {
    ...page,
    sort: '-createdAt',
  });
  // The vendor's own inbox is the referrals sent to the vendor.
  const inbox =
    actor.orgKind === 'vendor' ? eq(referrals.toVendor, true) : eq(referrals.recipientOrgId, actor.orgId);
  const outbox = actor.orgKind === 'vendor' ? sql`false` : eq(referrals.referrerOrgId, actor.orgId);
  const rows = await baseQuery(db)
    .where(
      where(
        visibleReferrals(actor),
        query.box === 'inbox' ? inbox : query.box === 'outbox' ? outbox : undefined,
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
  return { items: items.map((r) => toDto(actor, r)), nextCursor };
}

export async function listCounterparts(db: Db, ctx: Ctx) {
  const org = ctx.actor.orgId;
  if (ctx.actor.orgKind === 'vendor') return { items: [] };
  const result = await db.execute<{ id: string; name: string }>(sql`
    select o.id, o.name from organizations o
    where o.kind = 'partner' and o.status = 'active' and o.id <> ${org}
      and o.id in (select id from (${counterpartIds(org)}) c)
    order by o.name
    limit 500`);
  return { items: result.rows };
}

// --- Changes ---

export interface Mail {
  mailer: Mailer;
  site: Site;
}

/** Tells a partner organization (never the vendor, whose staff work from the inbox) about a step on a referral. */
async function tell(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  referralId: string,
  org: { id: string; name: string } | null,
  compose: (organizationName: string, site: Site) => Email,
) {
  if (!org) return;
  const [found] = await db
    .select({ kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.id, org.id));
  if (found?.kind !== 'partner') return;
  const [row] = await db.select().from(referrals).where(eq(referrals.id, referralId));
  if (!row) return;
  // The notice names the person who acted only where the referral names them to this organization.
  const shown = redactReferral({ orgKind: 'partner', orgId: org.id }, row);
  await notifyOrganization(db, mail.mailer, org.id, compose(org.name, mail.site), {
    kind: 'referral',
    link: `/referrals/${referralId}`,
    actorUserId: shown.referrerUserId === ctx.actor.userId ? ctx.actor.userId : null,
  });
}

export async function createReferral(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  input: z.output<typeof createReferralBody>,
) {
  const actor = ctx.actor;
  const domain = input.companyDomain ? customerDomain(input.companyDomain) : null;
  if (input.companyDomain && !domain) {
    throw invalid([{ path: 'body.companyDomain', message: 'Not a public web domain (e.g. acme.com)' }]);
  }
  if (input.industry && !isIndustry(input.industry)) {
    throw invalid([
      { path: 'body.industry', message: 'Unknown NAICS sector code (see /reference/industries)' },
    ]);
  }
  const id = await runChange(db, ctx, async (tx, record) => {
    const [me] = await tx
      .select({ status: organizations.status })
      .from(organizations)
      .where(eq(organizations.id, actor.orgId));
    if (me?.status !== 'active') throw unprocessable('Only active partners send referrals');
    let recipientId: string;
    let toVendor = false;
    if (input.recipientOrganizationId) {
      if (input.recipientOrganizationId === actor.orgId) {
        throw invalid([
          {
            path: 'body.recipientOrganizationId',
            message: 'A referral goes to another organization, not your own',
          },
        ]);
      }
      const [org] = isId(input.recipientOrganizationId)
        ? await tx
            .select({ id: organizations.id, kind: organizations.kind, status: organizations.status })
            .from(organizations)
            .where(eq(organizations.id, input.recipientOrganizationId))
        : [];
      // A partner refers to partners it can see: listed in the marketplace, or already known to it
      // (a counterpart). Any other id answers like one that does not exist.
      const reachable =
        org &&
        (org.kind === 'vendor' ||
          ((await tx.execute<{ ok: boolean }>(sql`select ${namablePartner(actor.orgId, org.id)} as ok`))
            .rows[0]?.ok ??
            false));
      if (!org || !reachable) {
        throw invalid([{ path: 'body.recipientOrganizationId', message: 'No such partner' }]);
      }
      recipientId = org.id;
      toVendor = org.kind === 'vendor';
    } else {
      const vendor = await findVendor(tx);
      if (!vendor) throw new Error('No vendor organization');
      recipientId = vendor.id;
      toVendor = true;
    }
    let connectionId: string | null = null;
    if (input.connectionId) {
      const c = await activeConnectionBetween(tx, input.connectionId, actor.orgId, recipientId);
      if (!c) {
        throw invalid([
          { path: 'body.connectionId', message: 'Not an active connection with the recipient' },
        ]);
      }
      connectionId = c.id;
    }
    const rid = newId();
    await tx.insert(referrals).values({
      id: rid,
      connectionId,
      source: 'partner',
      referrerOrgId: actor.orgId,
      referrerUserId: actor.userId,
      recipientOrgId: recipientId,
      toVendor,
      companyName: input.companyName,
      companyDomain: domain?.domain ?? null,
      country: input.country ?? null,
      industry: input.industry ?? null,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone ?? null,
      need: input.need,
      estimatedAmount: input.estimatedAmount ?? null,
      estimatedCurrency: input.estimatedCurrency ?? null,
      status: 'submitted',
    });
    const summary = { companyName: input.companyName, recipientOrganizationId: recipientId, toVendor };
    record.audit({ action: 'referral.created', entityType: 'referral', entityId: rid, after: summary });
    record.event({
      type: 'referral.created',
      entityType: 'referral',
      entityId: rid,
      organizationIds: toVendor ? [actor.orgId] : [actor.orgId, recipientId],
      payload: { id: rid, ...summary },
    });
    return rid;
  });
  const referral = await getReferral(db, ctx, id);
  await tell(db, ctx, mail, id, referral.toVendor ? null : referral.recipient, (organizationName, site) =>
    referralReceivedEmail(
      {
        organizationName,
        referralId: id,
        companyName: input.companyName,
        referrerName: referral.referrer?.name ?? null,
        need: input.need,
      },
      site,
    ),
  );
  return referral;
}

/** The recipient answers: its partner users, or the vendor's staff for referrals to the vendor. */
function mayRespond(actor: Actor, r: ReferralRow) {
  if (r.toVendor)
    return actor.orgKind === 'vendor' && (actor.role === 'admin' || actor.role === 'channel_manager');
  return actor.orgKind === 'partner' && actor.orgId === r.recipientOrgId;
}

async function respond<T>(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  apply: (tx: Tx, record: ChangeRecorder, r: ReferralRow) => Promise<T>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const loaded = await findReferral(tx, ctx.actor, id, true);
    const r = loaded.referral;
    if (!mayRespond(ctx.actor, r)) throw forbidden('Only the recipient of a referral answers it');
    assertVersion(r, version);
    return apply(tx, record, r);
  });
}

const parties = (r: ReferralRow) =>
  [r.referrerOrgId, r.toVendor ? null : r.recipientOrgId].filter((o): o is string => !!o);

function statusRule(r: ReferralRow, wanted: 'submitted' | 'accepted') {
  if (r.status === wanted) return;
  if (r.status === 'rejected') throw unprocessable('This referral was rejected');
  if (r.status === 'converted') throw unprocessable('This referral was already converted into a deal');
  if (wanted === 'accepted') throw unprocessable('Accept the referral before converting it');
  throw unprocessable(`This referral was already ${r.status}`);
}

export async function acceptReferral(db: Db, ctx: Ctx, mail: Mail, id: string, version: number) {
  await respond(db, ctx, id, version, async (tx, record, r) => {
    statusRule(r, 'submitted');
    await tx
      .update(referrals)
      .set({
        status: 'accepted',
        decidedByUserId: ctx.actor.userId,
        decidedAt: new Date(),
        version: sql`${referrals.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(referrals.id, r.id));
    record.audit({
      action: 'referral.accepted',
      entityType: 'referral',
      entityId: r.id,
      before: { status: r.status },
      after: { status: 'accepted' },
    });
    record.event({
      type: 'referral.accepted',
      entityType: 'referral',
      entityId: r.id,
      organizationIds: parties(r),
      payload: { id: r.id, status: 'accepted' },
    });
  });
  const referral = await getReferral(db, ctx, id);
  await tell(db, ctx, mail, id, referral.referrer, (organizationName, site) =>
    referralAcceptedEmail(
      {
        organizationName,
        referralId: id,
        companyName: referral.company.name,
        recipientName: referral.recipient.name,
      },
      site,
    ),
  );
  return referral;
}

/** Rejected while submitted, or after acceptance when the prospect goes nowhere (before any deal). */
export async function rejectReferral(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  id: string,
  input: z.output<typeof rejectReferralBody>,
) {
  await respond(db, ctx, id, input.version, async (tx, record, r) => {
    if (r.status !== 'accepted') statusRule(r, 'submitted');
    await tx
      .update(referrals)
      .set({
        status: 'rejected',
        decisionReason: input.reason,
        decidedByUserId: ctx.actor.userId,
        decidedAt: new Date(),
        version: sql`${referrals.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(referrals.id, r.id));
    const after = { status: 'rejected', reason: input.reason };
    record.audit({
      action: 'referral.rejected',
      entityType: 'referral',
      entityId: r.id,
      before: { status: r.status },
      after,
    });
    record.event({
      type: 'referral.rejected',
      entityType: 'referral',
      entityId: r.id,
      organizationIds: parties(r),
      payload: { id: r.id, ...after },
    });
  });
  const referral = await getReferral(db, ctx, id);
  await tell(db, ctx, mail, id, referral.referrer, (organizationName, site) =>
    referralRejectedEmail(
      {
        organizationName,
        referralId: id,
        companyName: referral.company.name,
        recipientName: referral.recipient.name,
        reason: input.reason,
      },
      site,
    ),
  );
  return referral;
}

/**
 * The fee the referrer earns if the deal is won, fixed when the referral
 * becomes a deal (metrics.md): the terms of the connection it was sent under,
 * else the best referral-fee benefit among the referrer's active
 * enrollments, else none.
 */
async function referralFee(q: Queryable, r: ReferralRow): Promise<{ percent: string; basis: string }> {
  if (!r.referrerOrgId) return { percent: '0', basis: 'A public locator lead earns no referral fee' };
  if (r.connectionId) {
    const [c] = await q.select().from(connections).where(eq(connections.id, r.connectionId));
    if (c?.terms.referralFeePct !== undefined) {
      return { percent: String(c.terms.referralFeePct), basis: 'The terms of your connection' };
    }
  }
  const benefit = await bestBenefit(q, r.referrerOrgId, 'referral_fee_pct');
  if (benefit)
    return { percent: String(benefit.value), basis: `Referral fee benefit of the ${benefit.source}` };
  return { percent: '0', basis: 'No referral-fee benefit in the referrer’s active tiers' };
}

export async function convertReferral(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  id: string,
  input: z.output<typeof convertReferralBody>,
) {
  if (input.industry && !isIndustry(input.industry)) {
    throw invalid([
      { path: 'body.industry', message: 'Unknown NAICS sector code (see /reference/industries)' },
    ]);
  }
  if (input.expectedCloseDate < new Date().toISOString().slice(0, 10)) {
    throw invalid([
      { path: 'body.expectedCloseDate', message: 'An expected close date cannot be in the past' },
    ]);
  }
  const dealId = await respond(db, ctx, id, input.version, async (tx, record, r) => {
    statusRule(r, 'accepted');
    const country = input.country ?? r.country;
    if (!country)
      throw invalid([
        { path: 'body.country', message: 'The referral names no country: give the customer’s' },
      ]);
    const newDealId = await insertDeal(tx, record, ctx.actor, {
      key: customerKey(r.companyName, r.companyDomain, 'companyDomain'),
      country,
      industry: input.industry ?? r.industry,
      amount: input.amount,
      currency: input.currency,
      products: input.products,
      expectedCloseDate: input.expectedCloseDate,
      stage: null,
      notes: input.notes,
      referralId: r.id,
    });
    if (r.referrerOrgId) {
      const now = new Date();
      await tx.insert(dealInvolvements).values({
        dealId: newDealId,
        organizationId: r.referrerOrgId,
        role: 'referred',
        status: 'confirmed',
        involvedAt: r.createdAt,
        confirmedAt: now,
      });
    }
    const fee = await referralFee(tx, r);
    await tx
      .update(referrals)
      .set({
        status: 'converted',
        convertedAt: new Date(),
        feePercent: fee.percent,
        feeBasis: fee.basis,
        version: sql`${referrals.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(referrals.id, r.id));
    const after = { status: 'converted', dealId: newDealId, feePercent: fee.percent };
    record.audit({
      action: 'referral.converted',
      entityType: 'referral',
      entityId: r.id,
      before: { status: r.status },
      after,
    });
    record.event({
      type: 'referral.converted',
      entityType: 'referral',
      entityId: r.id,
      organizationIds: parties(r),
      payload: { id: r.id, ...after },
    });
    return newDealId;
  });
  const referral = await getReferral(db, ctx, id);
  await tell(db, ctx, mail, id, referral.referrer, (organizationName, site) =>
    referralConvertedEmail(
      {
        organizationName,
        referralId: id,
        companyName: referral.company.name,
        recipientName: referral.recipient.name,
      },
      site,
    ),
  );
  const loaded = await findDeal(db, ctx.actor, dealId);
  return { referral, deal: (await toDealDtos(db, ctx.actor, [loaded!]))[0]! };
}
