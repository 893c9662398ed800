import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { addInvolvementBody, updateInvolvementBody } from '@partnergraph/shared/contracts/deals';
import type { Db } from '../../db/client';
import { runChange, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { findOrganizationById } from '../organizations/organizations.repository';
import { findOpenDealsAtDomains, loadVisibleDeal, setDealFields } from './deals.repository';
import {
  involvementDto,
  involvementsOf,
  isConfirmedOn,
  isNamablePartner,
} from './deal-involvements.repository';
import { mayReview } from './deals.service';
import { dealInvolvements } from './deals.tables';
import { actsForVendor, isVendorInvitation, seesInvolvement } from './deals.visibility';

const isOpen = (status: string) => status === 'registered' || status === 'approved';

export async function listInvolvements(db: Db, ctx: Ctx, id: string) {
  const { deal } = await loadVisibleDeal(db, ctx.actor, id);
  const rows = await involvementsOf(db, [deal.id]);
  return {
    items: rows.map((i) => involvementDto(ctx.actor, deal.registeredByOrgId, i)).filter((i) => i !== null),
  };
}

async function loadInvolvement(tx: Tx, actor: Actor, dealId: string, organizationId: string) {
  const loaded = await loadVisibleDeal(tx, actor, dealId, true);
  const rows = isId(organizationId)
    ? (await involvementsOf(tx, [loaded.deal.id])).filter(
        (i) => i.involvement.organizationId === organizationId,
      )
    : [];
  const found = rows[0];
  // An involvement the actor may not read is answered like one that does not exist.
  if (!found || !involvementDto(actor, loaded.deal.registeredByOrgId, found)) throw notFound('involvement');
  return { loaded, found };
}

export async function addInvolvement(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof addInvolvementBody>,
) {
  const actor = ctx.actor;
  return runChange(db, ctx, async (tx, record) => {
    const loaded = await loadVisibleDeal(tx, actor, id, true);
    const { deal } = loaded;
    const vendor = actsForVendor(actor);
    if (
      vendor
        ? !mayReview(actor, loaded)
        : deal.registeredByOrgId !== actor.orgId && !(await isConfirmedOn(tx, deal.id, actor.orgId))
    ) {
      throw forbidden('Only the vendor and the partners on a deal add partners to it');
    }
    if (deal.status === 'rejected' || deal.status === 'expired') {
      throw unprocessable(`This deal is ${deal.status}: no partners are added to it`);
    }
    const org = await findOrganizationById(tx, input.organizationId);
    // A partner names only the partners it may see: the rule referrals use.
    const namable = vendor || (!!org && (await isNamablePartner(tx, actor.orgId, org.id)));
    // Any other organization answers as if it did not exist, so its name does not leak.
    if (!org || org.kind !== 'partner' || !namable) throw notFound('partner organization');
    if (org.status === 'terminated') throw unprocessable(`${org.name} is terminated`);
    const existing = (await involvementsOf(tx, [deal.id])).map((i) => i.involvement);
    const same = existing.find((i) => i.organizationId === org.id);
    if (same) {
      // Another partner's pending proposal is not this caller's to learn of.
      throw conflict(
        seesInvolvement(actor, deal.registeredByOrgId, same)
          ? `${org.name} is already on this deal as ${same.role.replace('_', '-')} (${same.status})`
          : `${org.name} cannot be proposed for this deal`,
      );
    }
    if (input.role === 'sourced' && existing.some((i) => i.role === 'sourced')) {
      throw conflict('This deal already has a sourced partner: a deal has at most one');
    }
    const now = new Date();
    const status = vendor ? 'confirmed' : 'proposed';
    await tx.insert(dealInvolvements).values({
      dealId: deal.id,
      organizationId: org.id,
      role: input.role,
      status,
      note: input.note ?? null,
      notedByOrgId: input.note ? actor.orgId : null,
      proposedByOrgId: vendor ? null : actor.orgId,
      involvedAt: now,
      confirmedAt: vendor ? now : null,
    });
    await setDealFields(tx, deal.id, {});
    const after = { organizationId: org.id, organizationName: org.name, role: input.role, status };
    record.audit({
      action: vendor ? 'deal.involvement_added' : 'deal.involvement_proposed',
      entityType: 'deal',
      entityId: deal.id,
      after,
    });
    record.event({
      type: vendor ? 'deal.involvement_added' : 'deal.involvement_proposed',
      entityType: 'deal',
      entityId: deal.id,
      organizationIds: vendor ? [org.id] : [actor.orgId],
      payload: { id: deal.id, ...after },
    });
    const [row] = (await involvementsOf(tx, [deal.id])).filter(
      (i) => i.involvement.organizationId === org.id,
    );
    return involvementDto(actor, deal.registeredByOrgId, row!)!;
  });
}

/**
 * The vendor invites a partner onto an open deal (account mapping: the partner disclosed that it knows the
 * customer): a proposal by the vendor. From now on the partner sees the deal as an involved partner does
 * (deals.visibility: customer, amount and status, not the others' notes), and accepts or declines it; until
 * it accepts, it is not credited on the deal.
 */
export async function inviteInvolvement(
  db: Db,
  ctx: Ctx,
  id: string,
  input: {
    organizationId: string;
    role: z.output<typeof addInvolvementBody>['role'];
    note?: string | undefined;
  },
) {
  const actor = ctx.actor;
  return runChange(db, ctx, async (tx, record) => {
    const loaded = await loadVisibleDeal(tx, actor, id, true);
    const { deal } = loaded;
    if (!mayReview(actor, loaded))
      throw forbidden('The vendor invites partners onto a deal; channel managers onto their partners’ deals');
    if (!isOpen(deal.status))
      throw unprocessable(`This deal is ${deal.status}: only an open deal takes new partners`);
    const org = await findOrganizationById(tx, input.organizationId);
    if (!org || org.kind !== 'partner') throw notFound('partner organization');
    if (org.status === 'terminated') throw unprocessable(`${org.name} is terminated`);
    const existing = (await involvementsOf(tx, [deal.id])).map((i) => i.involvement);
    const same = existing.find((i) => i.organizationId === org.id);
    if (same || deal.registeredByOrgId === org.id)
      throw conflict(`${org.name} is already on this deal${same ? ` (${same.status})` : ''}`);
    if (input.role === 'sourced' && existing.some((i) => i.role === 'sourced'))
      throw conflict('This deal already has a sourced partner: a deal has at most one');
    await tx.insert(dealInvolvements).values({
      dealId: deal.id,
      organizationId: org.id,
      role: input.role,
      status: 'proposed',
      note: input.note ?? null,
      notedByOrgId: input.note ? actor.orgId : null,
      proposedByOrgId: actor.orgId,
      involvedAt: new Date(),
      confirmedAt: null,
    });
    await setDealFields(tx, deal.id, {});
    const after = {
      organizationId: org.id,
      organizationName: org.name,
      role: input.role,
      status: 'proposed',
    };
    record.audit({ action: 'deal.involvement_proposed', entityType: 'deal', entityId: deal.id, after });
    record.event({
      type: 'deal.involvement_proposed',
      entityType: 'deal',
      entityId: deal.id,
      organizationIds: [org.id],
      payload: { id: deal.id, ...after },
    });
    const [row] = (await involvementsOf(tx, [deal.id])).filter(
      (i) => i.involvement.organizationId === org.id,
    );
    return {
      dealId: deal.id,
      customerName: deal.customerName,
      ...involvementDto(actor, deal.registeredByOrgId, row!)!,
    };
  });
}

/** The invited partner accepts the vendor's invitation: it is confirmed on the deal. */
export async function acceptInvolvement(db: Db, ctx: Ctx, id: string, organizationId: string) {
  return runChange(db, ctx, async (tx, record) => {
    const { loaded, found } = await loadInvolvement(tx, ctx.actor, id, organizationId);
    if (organizationId !== ctx.actor.orgId || !isVendorInvitation(found.involvement, found.proposerKind))
      throw forbidden(
        'A partner accepts the vendor’s invitation of its own organization; the vendor confirms the rest',
      );
    if (!isOpen(loaded.deal.status))
      throw unprocessable(`This deal is ${loaded.deal.status}: the invitation can no longer be accepted`);
    await tx
      .update(dealInvolvements)
      .set({ status: 'confirmed', confirmedAt: new Date() })
      .where(
        and(eq(dealInvolvements.dealId, loaded.deal.id), eq(dealInvolvements.organizationId, organizationId)),
      );
    await setDealFields(tx, loaded.deal.id, {});
    const after = {
      organizationId,
      organizationName: found.orgName,
      role: found.involvement.role,
      status: 'confirmed',
    };
    record.audit({
      action: 'deal.involvement_accepted',
      entityType: 'deal',
      entityId: loaded.deal.id,
      after,
    });
    record.event({
      type: 'deal.involvement_added',
      entityType: 'deal',
      entityId: loaded.deal.id,
      organizationIds: [organizationId],
      payload: { id: loaded.deal.id, ...after },
    });
    const [row] = (await involvementsOf(tx, [loaded.deal.id])).filter(
      (i) => i.involvement.organizationId === organizationId,
    );
    return involvementDto(ctx.actor, loaded.deal.registeredByOrgId, row!)!;
  });
}

/**
 * A partner asks to join the vendor's open deal at an account (account mapping: the caller has checked that
 * the vendor's level disclosed that account to this partner as an open opportunity): a proposal of its own
 * involvement, which the vendor confirms or removes. The partner learns nothing of the deal — not its id,
 * amount, status or registrant — and sees it only once the vendor confirms (deals.visibility). Null when no
 * open deal is at those domains.
 */
export async function requestInvolvementAt(
  db: Db,
  ctx: Ctx,
  domains: string[],
  input: { role: z.output<typeof addInvolvementBody>['role']; note?: string | undefined },
) {
  const actor = ctx.actor;
  if (actsForVendor(actor)) throw forbidden('The vendor invites partners onto its deals');
  return runChange(db, ctx, async (tx, record) => {
    const open = await findOpenDealsAtDomains(tx, domains);
    if (!open.length) return null;
    const target = open.find((o) => !o.organizationIds.has(actor.orgId));
    if (!target)
      throw conflict(
        'Your organization is already on the open deal at this account, or has asked to join it',
      );
    const { deal } = target;
    if (input.role === 'sourced') throw unprocessable('The vendor’s deal already has its source');
    const org = await findOrganizationById(tx, actor.orgId);
    const inserted = await tx
      .insert(dealInvolvements)
      .values({
        dealId: deal.id,
        organizationId: actor.orgId,
        role: input.role,
        status: 'proposed',
        note: input.note ?? null,
        notedByOrgId: input.note ? actor.orgId : null,
        proposedByOrgId: actor.orgId,
        involvedAt: new Date(),
        confirmedAt: null,
      })
      .onConflictDoNothing()
      .returning({ dealId: dealInvolvements.dealId });
    if (!inserted.length) throw conflict('Your organization has just asked to join this deal');
    await setDealFields(tx, deal.id, {});
    const after = {
      organizationId: actor.orgId,
      organizationName: org?.name ?? '',
      role: input.role,
      status: 'proposed',
      via: 'account_mapping',
    };
    record.audit({ action: 'deal.involvement_proposed', entityType: 'deal', entityId: deal.id, after });
    // To the vendor alone: the partner's webhooks would carry the id of a deal it may not see.
    record.event({
      type: 'deal.involvement_proposed',
      entityType: 'deal',
      entityId: deal.id,
      organizationIds: [],
      payload: { id: deal.id, ...after },
    });
    return { role: input.role, status: 'proposed' as const };
  });
}

export async function confirmInvolvement(db: Db, ctx: Ctx, id: string, organizationId: string) {
  return runChange(db, ctx, async (tx, record) => {
    const { loaded, found } = await loadInvolvement(tx, ctx.actor, id, organizationId);
    if (!mayReview(ctx.actor, loaded))
      throw forbidden('Channel managers confirm on the deals of partners assigned to them');
    if (found.involvement.status === 'confirmed')
      throw unprocessable(`${found.orgName} is already confirmed on this deal`);
    const now = new Date();
    await tx
      .update(dealInvolvements)
      .set({ status: 'confirmed', confirmedAt: now })
      .where(
        and(eq(dealInvolvements.dealId, loaded.deal.id), eq(dealInvolvements.organizationId, organizationId)),
      );
    await setDealFields(tx, loaded.deal.id, {});
    const after = {
      organizationId,
      organizationName: found.orgName,
      role: found.involvement.role,
      status: 'confirmed',
    };
    record.audit({
      action: 'deal.involvement_confirmed',
      entityType: 'deal',
      entityId: loaded.deal.id,
      after,
    });
    record.event({
      type: 'deal.involvement_added',
      entityType: 'deal',
      entityId: loaded.deal.id,
      organizationIds: [
        organizationId,
        ...(found.involvement.proposedByOrgId ? [found.involvement.proposedByOrgId] : []),
      ],
      payload: { id: loaded.deal.id, ...after },
    });
    const [row] = (await involvementsOf(tx, [loaded.deal.id])).filter(
      (i) => i.involvement.organizationId === organizationId,
    );
    return involvementDto(ctx.actor, loaded.deal.registeredByOrgId, row!)!;
  });
}

/** The vendor changes a partner's role on a deal (one role per partner: a referrer who also co-sells is re-cast). */
export async function updateInvolvement(
  db: Db,
  ctx: Ctx,
  id: string,
  organizationId: string,
  input: z.output<typeof updateInvolvementBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const { loaded, found } = await loadInvolvement(tx, ctx.actor, id, organizationId);
    if (!mayReview(ctx.actor, loaded)) throw forbidden('The vendor changes roles on a deal');
    const current = found.involvement;
    if (input.role === 'sourced' && current.role !== 'sourced') {
      const others = await involvementsOf(tx, [loaded.deal.id]);
      if (others.some((i) => i.involvement.role === 'sourced')) {
        throw conflict('This deal already has a sourced partner: a deal has at most one');
      }
    }
    const patch: Partial<typeof dealInvolvements.$inferInsert> = { role: input.role };
    if (input.note !== undefined) {
      patch.note = input.note;
      patch.notedByOrgId = input.note ? ctx.actor.orgId : null;
    }
    await tx
      .update(dealInvolvements)
      .set(patch)
      .where(
        and(eq(dealInvolvements.dealId, loaded.deal.id), eq(dealInvolvements.organizationId, organizationId)),
      );
    await setDealFields(tx, loaded.deal.id, {});
    const change = {
      organizationId,
      organizationName: found.orgName,
      fromRole: current.role,
      role: input.role,
    };
    record.audit({
      action: 'deal.involvement_changed',
      entityType: 'deal',
      entityId: loaded.deal.id,
      before: { role: current.role },
      after: change,
    });
    record.event({
      type: 'deal.involvement_changed',
      entityType: 'deal',
      entityId: loaded.deal.id,
      organizationIds: [organizationId],
      payload: { id: loaded.deal.id, ...change },
    });
    const [row] = (await involvementsOf(tx, [loaded.deal.id])).filter(
      (i) => i.involvement.organizationId === organizationId,
    );
    return involvementDto(ctx.actor, loaded.deal.registeredByOrgId, row!)!;
  });
}

export async function removeInvolvement(db: Db, ctx: Ctx, id: string, organizationId: string) {
  await runChange(db, ctx, async (tx, record) => {
    const { loaded, found } = await loadInvolvement(tx, ctx.actor, id, organizationId);
    const proposerWithdrawing =
      !actsForVendor(ctx.actor) &&
      found.involvement.status === 'proposed' &&
      found.involvement.proposedByOrgId === ctx.actor.orgId;
    // The partner the vendor invited declines the invitation.
    const invitedDeclining =
      !actsForVendor(ctx.actor) &&
      organizationId === ctx.actor.orgId &&
      isVendorInvitation(found.involvement, found.proposerKind);
    if (!proposerWithdrawing && !invitedDeclining && !mayReview(ctx.actor, loaded)) {
      throw forbidden(
        'The vendor removes partners from a deal; a partner may withdraw its own proposal or decline an invitation',
      );
    }
    if (organizationId === loaded.deal.registeredByOrgId) {
      throw unprocessable('The registering partner stays on its deal: change its role instead');
    }
    await tx
      .delete(dealInvolvements)
      .where(
        and(eq(dealInvolvements.dealId, loaded.deal.id), eq(dealInvolvements.organizationId, organizationId)),
      );
    await setDealFields(tx, loaded.deal.id, {});
    const before = {
      organizationId,
      organizationName: found.orgName,
      role: found.involvement.role,
      status: found.involvement.status,
    };
    record.audit({
      action: invitedDeclining ? 'deal.involvement_declined' : 'deal.involvement_removed',
      entityType: 'deal',
      entityId: loaded.deal.id,
      before,
    });
    record.event({
      type: invitedDeclining ? 'deal.involvement_declined' : 'deal.involvement_removed',
      entityType: 'deal',
      entityId: loaded.deal.id,
      organizationIds: [organizationId],
      payload: { id: loaded.deal.id, ...before },
    });
  });
}
