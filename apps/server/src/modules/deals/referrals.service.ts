import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createReferralBody,
  referralListQuery,
  rejectReferralBody,
} from '@partnergraph/shared/contracts/deals';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange, type ChangeRecorder, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { isIndustry } from '../../lib/industries';
import type { Mailer } from '../../lib/mail';
import { activeConnectionBetween } from '../marketplace/connections.service';
import { customerDomain } from '../organizations/company-identity';
import {
  referralAcceptedEmail,
  referralReceivedEmail,
  referralRejectedEmail,
  type Email,
  type Site,
} from '../mail/templates';
import { notifyOrganization } from '../notifications/notifications.service';
import {
  findOrganizationById,
  findOrganizationOfActor,
  findVendor,
} from '../organizations/organizations.repository';
import { isNamablePartner } from './deal-involvements.repository';
import { referrals } from './deals.tables';
import { actsForVendor, redactReferral, seesWholeEcosystem } from './deals.visibility';
import {
  findCounterparts,
  findReferralRecord,
  findVisibleReferral,
  listVisibleReferrals,
  toReferralDto,
  type ReferralRow,
} from './referrals.repository';

async function loadVisibleReferral(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  const row = await findVisibleReferral(q, actor, id, { forUpdate });
  if (!row) throw notFound('referral');
  return row;
}

export async function getReferral(db: Db, ctx: Ctx, id: string) {
  return toReferralDto(ctx.actor, await loadVisibleReferral(db, ctx.actor, id));
}

export async function listReferrals(
  db: Db,
  ctx: Ctx,
  query: z.output<typeof referralListQuery>,
  page: { limit: number; cursor?: string | undefined },
) {
  return listVisibleReferrals(db, ctx.actor, query, page);
}

export async function listCounterparts(db: Db, ctx: Ctx) {
  // The vendor names every partner: it has no counterparts to pick from.
  if (seesWholeEcosystem(ctx.actor)) return { items: [] };
  return { items: await findCounterparts(db, ctx.actor.orgId) };
}

// --- Changes ---

export interface Mail {
  mailer: Mailer;
  site: Site;
}

/** Tells a partner organization (never the vendor, whose staff work from the inbox) about a step on a referral. */
export async function tell(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  referralId: string,
  org: { id: string; name: string } | null,
  compose: (organizationName: string, site: Site) => Email,
) {
  if (!org) return;
  const found = await findOrganizationById(db, org.id);
  if (found?.kind !== 'partner') return;
  const row = await findReferralRecord(db, referralId);
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
    const me = await findOrganizationOfActor(tx, actor);
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
      const org = await findOrganizationById(tx, input.recipientOrganizationId);
      // A partner refers to partners it can see: listed in the marketplace, or already known to it
      // (a counterpart). Any other id answers like one that does not exist.
      const reachable = org && (org.kind === 'vendor' || (await isNamablePartner(tx, actor.orgId, org.id)));
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
  if (r.toVendor) return actsForVendor(actor) && (actor.role === 'admin' || actor.role === 'channel_manager');
  return !actsForVendor(actor) && actor.orgId === r.recipientOrgId;
}

export async function respond<T>(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  apply: (tx: Tx, record: ChangeRecorder, r: ReferralRow) => Promise<T>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const loaded = await loadVisibleReferral(tx, ctx.actor, id, true);
    const r = loaded.referral;
    if (!mayRespond(ctx.actor, r)) throw forbidden('Only the recipient of a referral answers it');
    assertVersion(r, version);
    return apply(tx, record, r);
  });
}

export const parties = (r: ReferralRow) =>
  [r.referrerOrgId, r.toVendor ? null : r.recipientOrgId].filter((o): o is string => !!o);

export function statusRule(r: ReferralRow, wanted: 'submitted' | 'accepted') {
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
