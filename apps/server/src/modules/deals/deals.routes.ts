import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  addInvolvementBody,
  approveDealBody,
  attributionQuery,
  attributionSchema,
  closeDealBody,
  reopenDealBody,
  conflictCheckQuery,
  conflictCheckSchema,
  conflictSchema,
  convertedReferralSchema,
  convertReferralBody,
  counterpartSchema,
  createDealBody,
  createReferralBody,
  dealCreatedSchema,
  dealListQuery,
  dealSchema,
  decideReferralBody,
  extendDealBody,
  involvementParams,
  involvementSchema,
  referralListQuery,
  referralSchema,
  rejectDealBody,
  rejectReferralBody,
  requestExtensionBody,
  timelineEntrySchema,
  updateDealBody,
  updateInvolvementBody,
} from '@partnergraph/shared/contracts/deals';
import type { Ctx } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { siteOf } from '../mail/templates';
import {
  dealAttribution,
  getDeal,
  listDeals,
  registerDeal,
  updateDeal,
  closeDeal,
  reopenDeal,
} from './deals.service';
import { checkConflicts, dealConflicts } from './deal-conflicts.service';
import {
  addInvolvement,
  acceptInvolvement,
  confirmInvolvement,
  listInvolvements,
  removeInvolvement,
  updateInvolvement,
} from './deal-involvements.service';
import { approveDeal, extendDeal, rejectDeal, requestExtension, tellDecision } from './deal-review.service';
import { dealTimeline } from './deal-timeline.service';
import { convertReferral } from './referral-conversion.service';
import {
  acceptReferral,
  createReferral,
  getReferral,
  listCounterparts,
  listReferrals,
  rejectReferral,
} from './referrals.service';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export default async function dealRoutes(app: FastifyInstance, { db, mailer, config }: Deps) {
  const mail = { mailer, site: siteOf(config) };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['deals'];

  r.get(
    '/deals',
    {
      config: { access: 'deals:read' },
      schema: {
        tags,
        summary: 'List deals',
        description:
          'Partners see the deals their organization registered or is confirmed on; vendor staff see all. `status=registered&mine=true` is a channel manager’s review queue.',
        querystring: dealListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(dealSchema) },
      },
    },
    async (req) => listDeals(db, req.ctx, req.query, req.query),
  );
  r.post(
    '/deals',
    {
      config: { access: 'deals:register' },
      schema: {
        tags,
        summary: 'Register a deal (partners) or record a vendor-sourced one (vendor staff)',
        description:
          'A currency with no exchange rate in force answers 422. The response lists open deals that look like the same customer (a partner sees only its own organization’s), and whether another partner holds it under protection.',
        body: createDealBody,
        response: { 201: dealCreatedSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await registerDeal(db, req.ctx, req.body)),
  );
  r.get(
    '/deals/conflict-check',
    {
      config: { access: 'deals:read' },
      schema: {
        tags,
        summary: 'Open deals that look like this customer (live hints while registering)',
        description:
          'A partner sees only its own organization’s deals among them, and is told whether another partner holds the customer under protection (unless the vendor turned that notice off), never which.',
        querystring: conflictCheckQuery,
        response: { 200: conflictCheckSchema },
      },
    },
    async (req) => checkConflicts(db, req.ctx, req.query),
  );
  r.get(
    '/deals/:id',
    {
      config: { access: 'deals:read' },
      schema: { tags, summary: 'Get a deal', params: idParams, response: { 200: dealSchema } },
    },
    async (req) => getDeal(db, req.ctx, req.params.id),
  );
  r.patch(
    '/deals/:id',
    {
      config: { access: 'deals:update' },
      schema: {
        tags,
        summary: "Change a deal's details or stage",
        description:
          'The status changes only by actions (approve, reject, close). The customer is fixed once approved.',
        params: idParams,
        body: updateDealBody,
        response: { 200: dealSchema },
      },
    },
    async (req) => updateDeal(db, req.ctx, req.params.id, req.body),
  );

  const action = <B extends z.ZodType>(
    verb: string,
    access: 'deals:review' | 'deals:update',
    summary: string,
    body: B,
    run: (id: string, ctx: Ctx, body: z.output<B>) => Promise<z.output<typeof dealSchema>>,
  ) =>
    r.post(
      `/deals/:id/${verb}`,
      {
        config: { access },
        schema: { tags, summary, params: idParams, body, response: { 200: dealSchema } },
      },
      async (req) => run(req.params.id, req.ctx, req.body as z.output<B>),
    );
  action(
    'approve',
    'deals:review',
    'Approve a registration: protection starts (409 over another partner’s protection unless overridden)',
    approveDealBody,
    async (id, ctx, b) => {
      const deal = await approveDeal(db, ctx, id, b);
      await tellDecision(db, mail, deal);
      return deal;
    },
  );
  action(
    'reject',
    'deals:review',
    'Reject a registration with a reason',
    rejectDealBody,
    async (id, ctx, b) => {
      const deal = await rejectDeal(db, ctx, id, b);
      await tellDecision(db, mail, deal);
      return deal;
    },
  );
  action(
    'request-extension',
    'deals:update',
    'Ask for longer protection (the registering partner)',
    requestExtensionBody,
    (id, ctx, b) => requestExtension(db, ctx, id, b),
  );
  action('extend', 'deals:review', "Extend a deal's protection", extendDealBody, (id, ctx, b) =>
    extendDeal(db, ctx, id, b),
  );
  action(
    'close',
    'deals:update',
    'Close an approved deal as won (final amount) or lost (reason)',
    closeDealBody,
    (id, ctx, b) => closeDeal(db, ctx, id, b),
  );
  action(
    'reopen',
    'deals:review',
    'Reopen a won or lost deal (cancelled, refunded) with a reason: it is approved again, and what it earned partners is reversed or clawed back',
    reopenDealBody,
    (id, ctx, b) => reopenDeal(db, ctx, id, b),
  );

  r.get(
    '/deals/:id/conflicts',
    {
      config: { access: 'deals:read' },
      schema: {
        tags,
        summary: 'Open deals that look like the same customer, each with why it matched',
        description:
          'Vendor staff see every conflict; a partner only those with its own organization’s deals.',
        params: idParams,
        response: { 200: items(conflictSchema) },
      },
    },
    async (req) => dealConflicts(db, req.ctx, req.params.id),
  );
  r.get(
    '/deals/:id/involvements',
    {
      config: { access: 'deals:read' },
      schema: {
        tags,
        summary: 'Partners on a deal and their roles',
        params: idParams,
        response: { 200: items(involvementSchema) },
      },
    },
    async (req) => listInvolvements(db, req.ctx, req.params.id),
  );
  r.post(
    '/deals/:id/involvements',
    {
      config: { access: 'deals:update' },
      schema: {
        tags,
        summary: 'Add a partner to a deal (vendor) or propose one (a partner on the deal)',
        description:
          'One role per partner per deal, at most one `sourced`. A partner’s proposal waits for the vendor.',
        params: idParams,
        body: addInvolvementBody,
        response: { 201: involvementSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addInvolvement(db, req.ctx, req.params.id, req.body)),
  );
  r.post(
    '/deals/:id/involvements/:organizationId/confirm',
    {
      config: { access: 'deals:review' },
      schema: {
        tags,
        summary: "Confirm a partner's proposed involvement",
        params: involvementParams,
        body: z.strictObject({}).optional(),
        response: { 200: involvementSchema },
      },
    },
    async (req) => confirmInvolvement(db, req.ctx, req.params.id, req.params.organizationId),
  );
  r.post(
    '/deals/:id/involvements/:organizationId/accept',
    {
      config: { access: 'deals:update' },
      schema: {
        tags,
        summary: "Accept the vendor's invitation onto a deal (the invited partner)",
        description:
          'The vendor invites a partner from account mapping; the invited partner accepts here or declines with DELETE.',
        params: involvementParams,
        body: z.strictObject({}).optional(),
        response: { 200: involvementSchema },
      },
    },
    async (req) => acceptInvolvement(db, req.ctx, req.params.id, req.params.organizationId),
  );
  r.patch(
    '/deals/:id/involvements/:organizationId',
    {
      config: { access: 'deals:review' },
      schema: {
        tags,
        summary: "Change a partner's role on a deal (vendor)",
        description:
          'One role per partner per deal: a referrer who also co-sells is re-cast, not added twice.',
        params: involvementParams,
        body: updateInvolvementBody,
        response: { 200: involvementSchema },
      },
    },
    async (req) => updateInvolvement(db, req.ctx, req.params.id, req.params.organizationId, req.body),
  );
  r.delete(
    '/deals/:id/involvements/:organizationId',
    {
      config: { access: 'deals:update' },
      schema: {
        tags,
        summary:
          "Remove a partner from a deal (vendor), withdraw your own proposal, or decline the vendor's invitation",
        params: involvementParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeInvolvement(db, req.ctx, req.params.id, req.params.organizationId);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/deals/:id/attribution',
    {
      config: { access: 'deals:read' },
      schema: {
        tags,
        summary: 'Per-partner credit on a won deal under an attribution model',
        description: 'Vendor staff see every partner’s credit; a partner its own.',
        params: idParams,
        querystring: attributionQuery,
        response: { 200: attributionSchema },
      },
    },
    async (req) => dealAttribution(db, req.ctx, req.params.id, req.query.model),
  );
  r.get(
    '/deals/:id/timeline',
    {
      config: { access: 'deals:read' },
      schema: {
        tags,
        summary: "A deal's history, oldest first",
        params: idParams,
        response: { 200: items(timelineEntrySchema) },
      },
    },
    async (req) => dealTimeline(db, req.ctx, req.params.id),
  );

  // --- Referrals ---
  const rtags = ['referrals'];
  r.get(
    '/referrals',
    {
      config: { access: 'referrals:read' },
      schema: {
        tags: rtags,
        summary: 'List referrals',
        description:
          'A partner sees referrals it sent or received; the vendor sees all (its inbox: those sent to it).',
        querystring: referralListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(referralSchema) },
      },
    },
    async (req) => listReferrals(db, req.ctx, req.query, req.query),
  );
  r.post(
    '/referrals',
    {
      config: { access: 'referrals:send' },
      schema: {
        tags: rtags,
        summary: 'Refer a prospect to another partner or to the vendor',
        body: createReferralBody,
        response: { 201: referralSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createReferral(db, req.ctx, mail, req.body)),
  );
  r.get(
    '/referrals/counterparts',
    {
      config: { access: 'referrals:read' },
      schema: {
        tags: rtags,
        summary: 'Partners your organization already works with (referrals and shared deals)',
        response: { 200: items(counterpartSchema) },
      },
    },
    async (req) => listCounterparts(db, req.ctx),
  );
  r.get(
    '/referrals/:id',
    {
      config: { access: 'referrals:read' },
      schema: {
        tags: rtags,
        summary: 'Get a referral, with its deal and fee',
        params: idParams,
        response: { 200: referralSchema },
      },
    },
    async (req) => getReferral(db, req.ctx, req.params.id),
  );
  r.post(
    '/referrals/:id/accept',
    {
      config: { access: 'referrals:respond' },
      schema: {
        tags: rtags,
        summary: 'Accept a referral (its recipient)',
        params: idParams,
        body: decideReferralBody,
        response: { 200: referralSchema },
      },
    },
    async (req) => acceptReferral(db, req.ctx, mail, req.params.id, req.body.version),
  );
  r.post(
    '/referrals/:id/reject',
    {
      config: { access: 'referrals:respond' },
      schema: {
        tags: rtags,
        summary: 'Reject a referral with a reason',
        params: idParams,
        body: rejectReferralBody,
        response: { 200: referralSchema },
      },
    },
    async (req) => rejectReferral(db, req.ctx, mail, req.params.id, req.body),
  );
  r.post(
    '/referrals/:id/convert',
    {
      config: { access: 'referrals:respond' },
      schema: {
        tags: rtags,
        summary: 'Convert an accepted referral into a deal registered by the recipient',
        description:
          'The recipient is `sourced` on the deal and the referrer `referred`; the referral stays `converted` and its outcome is its deal’s status.',
        params: idParams,
        body: convertReferralBody,
        response: { 200: convertedReferralSchema },
      },
    },
    async (req) => convertReferral(db, req.ctx, mail, req.params.id, req.body),
  );
}
