import { and, eq, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  approveDealBody,
  Deal,
  extendDealBody,
  rejectDealBody,
  requestExtensionBody,
} from '@partnergraph/shared/contracts/deals';
import type { Db } from '../../db/client';
import { runChange, type ChangeRecorder, type Tx } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { conflict, forbidden, invalid, unprocessable } from '../../lib/errors';
import type { Mailer } from '../../lib/mail';
import { dealApprovedEmail, dealRejectedEmail, type Site } from '../mail/templates';
import { notifyOrganization } from '../notifications/notifications.service';
import { bestBenefit } from '../programs/benefits';
import { readSettings } from '../settings/settings.service';
import { customerKey, type CustomerKey } from './customer-key';
import { findDealRecord, findDealsDueToExpire, setDealFields, type LoadedDeal } from './deals.repository';
import { findProtectingDeals } from './deal-conflicts.repository';
import { changeDeal, mayReview, recordDeal } from './deals.service';
import { deals } from './deals.tables';
import { actsForVendor, redactDeal } from './deals.visibility';

const DAY = 86_400_000;

// --- Review ---

/** Serializes approvals of one customer: two reviewers approving rival registrations at once would each find it free. */
async function lockCustomer(tx: Tx, key: CustomerKey) {
  // Rival deals share a registrable domain or a normalized name: each is a lock, taken in one order.
  const names = [key.root ? `root:${key.root}` : null, `name:${key.nameKey.replace(/ /g, '')}`]
    .filter((k): k is string => k !== null)
    .sort();
  for (const k of names)
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`deal-customer:${k}`}))`);
}

const roleWords: Record<string, string> = { admin: 'vendor admins', channel_manager: 'channel managers' };

/** A reviewer's change of a deal: the partner's channel manager (or a vendor admin), at the version they saw. */
function reviewChange<T>(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  apply: (tx: Tx, record: ChangeRecorder, loaded: LoadedDeal) => Promise<T>,
) {
  return changeDeal(
    db,
    ctx,
    id,
    version,
    mayReview,
    'Channel managers review the deals of partners assigned to them',
    apply,
  );
}

/**
 * Protection is exclusive: a registration whose customer another partner holds
 * under protection (a strong match) is not approved, unless a reviewer whose
 * role the settings allow overrides with a written reason. The holder's deal
 * keeps its protection; the override is recorded on both deals for the vendor.
 */
export async function approveDeal(db: Db, ctx: Ctx, id: string, input: z.output<typeof approveDealBody>) {
  return reviewChange(db, ctx, id, input.version, async (tx, record, loaded) => {
    const { deal } = loaded;
    if (deal.status !== 'registered') throw unprocessable(`This deal is already ${deal.status}`);
    const key = customerKey(deal.customerName, deal.customerDomain, 'customerDomain');
    await lockCustomer(tx, key);
    const holders = await findProtectingDeals(tx, key, deal.registeredByOrgId, deal.id);
    const settings = await readSettings(tx);
    if (holders.length) {
      const mayOverride = (settings.protectionOverrideRoles as string[]).includes(ctx.actor.role);
      const who = settings.protectionOverrideRoles.map((r) => roleWords[r] ?? r).join(' and ');
      const first = holders[0]!;
      if (!input.overrideReason) {
        throw conflict(
          `${first.deal.customerName} is protected for ${first.registrantName} by deal ${first.deal.id} until ${first.deal.protectionExpiresAt!.toISOString().slice(0, 10)}` +
            (holders.length > 1 ? ` (and ${holders.length - 1} more)` : '') +
            `: this registration is not approved over it unless ${who} override with a written reason${mayOverride ? '' : ' (your role may not)'}`,
          { protectingDealIds: holders.map((h) => h.deal.id) },
        );
      }
      if (!mayOverride) throw forbidden(`Only ${who} may approve over another partner’s protection`);
    }
    const benefit = await bestBenefit(tx, deal.registeredByOrgId, 'deal_protection_days');
    const days =
      input.protectionDays ?? (benefit ? Math.round(benefit.value) : settings.defaultProtectionDays);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + days * DAY);
    await setDealFields(tx, deal.id, {
      status: 'approved',
      approvedAt: now,
      protectionDays: days,
      protectionExpiresAt: expiresAt,
      decidedByUserId: ctx.actor.userId,
      decidedAt: now,
    });
    const basis = input.protectionDays
      ? 'set by the reviewer'
      : benefit
        ? `from the ${benefit.source}`
        : 'the default';
    const after = {
      status: 'approved',
      protectionDays: days,
      protectionBasis: basis,
      expiresAt: expiresAt.toISOString(),
    };
    recordDeal(record, loaded, 'deal.approved', after, { status: deal.status });
    if (holders.length && input.overrideReason) {
      recordOverride(record, loaded, holders, input.overrideReason);
    }
  });
}

/**
 * A deal converted from a lead the vendor routed to this partner: the vendor
 * already chose the partner, so the deal is protected at once, as an approval
 * would protect it (the partner's protection benefit, else the default), in
 * the caller's transaction. Another partner's protection of the customer still
 * wins: the conversion is refused with 409 and the protecting deals named.
 */
export async function protectRoutedDeal(tx: Tx, record: ChangeRecorder, dealId: string, leadId: string) {
  const deal = await findDealRecord(tx, dealId);
  if (!deal) throw new Error(`Deal ${dealId} vanished inside its own transaction`);
  const key = customerKey(deal.customerName, deal.customerDomain, 'customerDomain');
  await lockCustomer(tx, key);
  const holders = await findProtectingDeals(tx, key, deal.registeredByOrgId, deal.id);
  if (holders.length) {
    const first = holders[0]!;
    throw conflict(
      `${first.deal.customerName} is already protected for another partner until ${first.deal.protectionExpiresAt!.toISOString().slice(0, 10)}: ask the vendor to review`,
      { protectingDealIds: holders.map((h) => h.deal.id) },
    );
  }
  const settings = await readSettings(tx);
  const benefit = await bestBenefit(tx, deal.registeredByOrgId, 'deal_protection_days');
  const days = benefit ? Math.round(benefit.value) : settings.defaultProtectionDays;
  const now = new Date();
  const expiresAt = new Date(now.getTime() + days * DAY);
  await setDealFields(tx, deal.id, {
    status: 'approved',
    approvedAt: now,
    protectionDays: days,
    protectionExpiresAt: expiresAt,
    decidedAt: now,
  });
  const after = {
    status: 'approved',
    protectionDays: days,
    protectionBasis: benefit ? `from the ${benefit.source}` : 'the default',
    expiresAt: expiresAt.toISOString(),
    leadId,
  };
  record.audit({
    action: 'deal.approved',
    entityType: 'deal',
    entityId: deal.id,
    before: { status: deal.status },
    after,
  });
  record.event({
    type: 'deal.approved',
    entityType: 'deal',
    entityId: deal.id,
    organizationIds: [deal.registeredByOrgId],
    payload: { id: deal.id, ...after },
  });
}

/** An approval over other partners' protection: on the approved deal and on each holder's, vendor eyes only. */
function recordOverride(
  record: ChangeRecorder,
  loaded: LoadedDeal,
  holders: Awaited<ReturnType<typeof findProtectingDeals>>,
  reason: string,
) {
  const overridden = holders.map((h) => ({
    dealId: h.deal.id,
    organizationId: h.deal.registeredByOrgId,
    organizationName: h.registrantName,
  }));
  record.audit({
    action: 'deal.protection_override',
    entityType: 'deal',
    entityId: loaded.deal.id,
    after: { reason, overridden },
  });
  for (const h of overridden) {
    record.audit({
      action: 'deal.protection_overridden',
      entityType: 'deal',
      entityId: h.dealId,
      after: {
        reason,
        dealId: loaded.deal.id,
        organizationId: loaded.deal.registeredByOrgId,
        organizationName: loaded.registrantName,
      },
    });
  }
  // The vendor's own webhooks: no partner is told who overrode whom.
  record.event({
    type: 'deal.protection_overridden',
    entityType: 'deal',
    entityId: loaded.deal.id,
    organizationIds: [],
    payload: { id: loaded.deal.id, reason, overridden },
  });
}

export async function rejectDeal(db: Db, ctx: Ctx, id: string, input: z.output<typeof rejectDealBody>) {
  return reviewChange(db, ctx, id, input.version, async (tx, record, loaded) => {
    const { deal } = loaded;
    if (deal.status !== 'registered') throw unprocessable(`This deal is already ${deal.status}`);
    const now = new Date();
    await setDealFields(tx, deal.id, {
      status: 'rejected',
      decisionReason: input.reason,
      decidedByUserId: ctx.actor.userId,
      decidedAt: now,
      endedAt: now,
    });
    const after = { status: 'rejected', reason: input.reason };
    recordDeal(record, loaded, 'deal.rejected', after, { status: deal.status });
  });
}

export async function requestExtension(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof requestExtensionBody>,
) {
  return changeDeal(
    db,
    ctx,
    id,
    input.version,
    (actor, loaded) => !actsForVendor(actor) && loaded.deal.registeredByOrgId === actor.orgId,
    'Only the registering partner asks for an extension',
    async (tx, record, loaded) => {
      const { deal } = loaded;
      if (deal.status !== 'approved') {
        throw unprocessable(`Only an approved deal's protection is extended; this one is ${deal.status}`);
      }
      await setDealFields(tx, deal.id, {
        extensionDays: input.days,
        extensionReason: input.reason,
        extensionRequestedAt: new Date(),
      });
      const after = { extensionDays: input.days, reason: input.reason };
      recordDeal(record, loaded, 'deal.extension_requested', after);
    },
  );
}

export async function extendDeal(db: Db, ctx: Ctx, id: string, input: z.output<typeof extendDealBody>) {
  return reviewChange(db, ctx, id, input.version, async (tx, record, loaded) => {
    const { deal } = loaded;
    if (deal.status !== 'approved' || !deal.protectionExpiresAt) {
      throw unprocessable(`Only an approved, protected deal is extended; this one is ${deal.status}`);
    }
    const days = input.days ?? deal.extensionDays;
    if (!days) throw invalid([{ path: 'body.days', message: 'Give the days: no extension was requested' }]);
    const expiresAt = new Date(deal.protectionExpiresAt.getTime() + days * DAY);
    await setDealFields(tx, deal.id, {
      protectionDays: (deal.protectionDays ?? 0) + days,
      protectionExpiresAt: expiresAt,
      extensionDays: null,
      extensionReason: null,
      extensionRequestedAt: null,
    });
    const after = { days, expiresAt: expiresAt.toISOString() };
    recordDeal(record, loaded, 'deal.extended', after, {
      expiresAt: deal.protectionExpiresAt.toISOString(),
    });
  });
}

/** The scheduled job: approved deals whose protection ran out become `expired`. */
export async function expireDealProtection(db: Db, now = new Date()) {
  const due = await findDealsDueToExpire(db, now);
  let expired = 0;
  for (const { id } of due) {
    await runChange(
      db,
      { actor: null, requestId: 'job:deal-protection', ip: null },
      async (tx, record) => {
        const [d] = await tx
          .update(deals)
          .set({
            status: 'expired',
            endedAt: sql`${deals.protectionExpiresAt}`,
            version: sql`${deals.version} + 1`,
            updatedAt: now,
          })
          .where(and(eq(deals.id, id), eq(deals.status, 'approved'), lte(deals.protectionExpiresAt, now)))
          .returning();
        if (!d) return;
        expired++;
        const after = { status: 'expired', protectionExpiredAt: d.protectionExpiresAt?.toISOString() };
        record.audit({
          action: 'deal.expired',
          entityType: 'deal',
          entityId: id,
          before: { status: 'approved' },
          after,
        });
        record.event({
          type: 'deal.expired',
          entityType: 'deal',
          entityId: id,
          organizationIds: d.vendorRecorded ? [] : [d.registeredByOrgId],
          payload: { id, ...after },
        });
      },
      { refreshOnly: true },
    );
  }
  return { expired };
}

/** Tells the registering partner's admins how its registration was decided (after the commit). */
export async function tellDecision(db: Db, mail: { mailer: Mailer; site: Site }, decided: Deal) {
  if (decided.vendorRecorded) return;
  const row = await findDealRecord(db, decided.id);
  if (!row) return;
  // The registrant's admins read the deal as their organization does, not as the reviewer did.
  const deal = redactDeal({ orgKind: 'partner', orgId: row.registeredByOrgId }, row);
  const about = {
    organizationName: decided.registeredBy.name,
    dealId: deal.id,
    customerName: deal.customerName,
  };
  await notifyOrganization(
    db,
    mail.mailer,
    deal.registeredByOrgId,
    deal.status === 'approved'
      ? dealApprovedEmail({ ...about, protectedUntil: deal.protectionExpiresAt }, mail.site)
      : dealRejectedEmail({ ...about, reason: deal.decisionReason ?? '' }, mail.site),
    { kind: 'deal', link: `/deals/${deal.id}` },
  );
}
