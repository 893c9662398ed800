import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, idSchema } from '@partnergraph/shared/contracts/common';
import { fileNameQuery } from '@partnergraph/shared/contracts/files';
import {
  activityReturnSchema,
  allocateBody,
  allocationSchema,
  approveClaimBody,
  budgetSchema,
  claimQuery,
  claimSchema,
  createBudgetBody,
  createClaimBody,
  createFundRequestBody,
  decideBody,
  fileParams,
  fundRequestQuery,
  fundsMetricsQuery,
  fundsMetricsSchema,
  fundRequestSchema,
  rejectBody,
  tagDealBody,
  tagLeadBody,
} from '@partnergraph/shared/contracts/funds';
import type { Deps } from '../../lib/deps';
import { binaryBody, sendFile } from '../files/files.service';
import { siteOf } from '../mail/templates';
import {
  addClaimFile,
  approveClaim,
  createClaim,
  getClaim,
  listClaims,
  openClaimFile,
  rejectClaim,
} from './claims.service';
import { fundsMetrics } from './funds-metrics.service';
import { setFundsMailDeps } from './mdf-jobs';
import {
  activityReturn,
  allocate,
  approveRequest,
  createBudget,
  createRequest,
  getBudget,
  getRequest,
  listAllocations,
  listBudgets,
  listRequests,
  rejectRequest,
  tagDealToRequest,
  tagLeadToRequest,
} from './mdf.service';

/** MDF and co-op: budgets, allocations, fund requests with approval steps, claims with proof files. */
export default async function mdfRoutes(app: FastifyInstance, { db, mailer, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['funds'];
  binaryBody(app);
  setFundsMailDeps({ mailer, site: siteOf(config), log: app.log });

  r.get(
    '/funds',
    {
      config: { access: 'funds:oversee' },
      schema: {
        tags,
        summary: 'List fund budgets with what is allocated, reserved and spent',
        description: 'Budgets are the vendor’s; a partner reads its allocations (GET /fund-allocations).',
        response: { 200: z.object({ items: z.array(budgetSchema) }) },
      },
    },
    async (req) => listBudgets(db, req.ctx),
  );
  r.post(
    '/funds',
    {
      config: { access: 'funds:manage' },
      schema: {
        tags,
        summary: 'Create a budget for a period, by fund, program, tier or region',
        body: createBudgetBody,
        response: { 201: budgetSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createBudget(db, req.ctx, req.body)),
  );
  r.get(
    '/funds/metrics',
    {
      config: { access: 'funds:oversee' },
      schema: {
        tags,
        summary: 'MDF utilization, claim cycle time, MDF return and incentive cost share for a period',
        description:
          'Definitions in docs/METRICS.md (Funds and incentives). A ratio with nothing to divide by is null with its reason.',
        querystring: fundsMetricsQuery,
        response: { 200: fundsMetricsSchema },
      },
    },
    async (req) => fundsMetrics(db, req.query),
  );
  r.get(
    '/funds/:id',
    {
      config: { access: 'funds:oversee' },
      schema: { tags, summary: 'Get a budget', params: idParams, response: { 200: budgetSchema } },
    },
    async (req) => getBudget(db, req.ctx, req.params.id),
  );
  r.post(
    '/funds/:id/allocations',
    {
      config: { access: 'funds:manage' },
      schema: {
        tags,
        summary: 'Allocate a budget: fixed per tier, a percent of trailing sourced revenue, or by hand',
        description:
          '`fixed_per_tier` and `revenue_share` allocate to every active partner at the budget’s tier (and region); revenue share reads sourced revenue won in the trailing days before the period, in the reporting currency. The total may not exceed the budget (422), nor an allocation fall below what its partner has drawn.',
        params: idParams,
        body: allocateBody,
        response: { 200: z.object({ items: z.array(allocationSchema) }) },
      },
    },
    async (req) => allocate(db, req.ctx, req.params.id, req.body),
  );
  r.get(
    '/fund-allocations',
    {
      config: { access: 'funds:read' },
      schema: {
        tags,
        summary: 'Allocations with what is still available',
        description: 'A partner sees its own: the funds it may request.',
        querystring: z.object({ budgetId: idSchema.optional(), partnerId: idSchema.optional() }),
        response: { 200: z.object({ items: z.array(allocationSchema) }) },
      },
    },
    async (req) => listAllocations(db, req.ctx, req.query),
  );

  r.get(
    '/fund-requests',
    {
      config: { access: 'funds:read' },
      schema: {
        tags,
        summary: 'List fund requests',
        querystring: fundRequestQuery,
        response: { 200: z.object({ items: z.array(fundRequestSchema) }) },
      },
    },
    async (req) => listRequests(db, req.ctx, req.query),
  );
  r.post(
    '/fund-requests',
    {
      config: { access: 'funds:request' },
      schema: {
        tags,
        summary: 'Request funds for an activity',
        description:
          'From a budget your organization holds an allocation in, in its currency. A request over what is available (allocated, less reserved, spent and awaiting approval) answers 422 with the figures.',
        body: createFundRequestBody,
        response: { 201: fundRequestSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createRequest(db, req.ctx, req.body)),
  );
  r.get(
    '/fund-requests/:id',
    {
      config: { access: 'funds:read' },
      schema: { tags, summary: 'Get a fund request', params: idParams, response: { 200: fundRequestSchema } },
    },
    async (req) => getRequest(db, req.ctx, req.params.id),
  );
  r.post(
    '/fund-requests/:id/approve',
    {
      config: { access: 'funds:review' },
      schema: {
        tags,
        summary: 'Approve a request (one step); the last step reserves the amount',
        description:
          'Above the budget’s second-approval mark a request needs two approvers, the second a vendor admin. The final approval reserves the amount and sets the claim deadline (the activity’s end plus the budget’s claim days).',
        params: idParams,
        body: decideBody,
        response: { 200: fundRequestSchema },
      },
    },
    async (req) => approveRequest(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/fund-requests/:id/reject',
    {
      config: { access: 'funds:review' },
      schema: {
        tags,
        summary: 'Reject a request with a reason',
        params: idParams,
        body: rejectBody,
        response: { 200: fundRequestSchema },
      },
    },
    async (req) => rejectRequest(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/fund-requests/:id/deals',
    {
      config: { access: 'funds:request' },
      schema: {
        tags,
        summary: 'Tag one of your deals to a funded activity',
        params: idParams,
        body: tagDealBody,
        response: { 200: activityReturnSchema },
      },
    },
    async (req) => tagDealToRequest(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/fund-requests/:id/leads',
    {
      config: { access: 'funds:request' },
      schema: {
        tags,
        summary: 'Tag one of your accepted leads to a funded activity',
        params: idParams,
        body: tagLeadBody,
        response: { 200: activityReturnSchema },
      },
    },
    async (req) => tagLeadToRequest(db, req.ctx, req.params.id, req.body),
  );
  r.get(
    '/fund-requests/:id/return',
    {
      config: { access: 'funds:read' },
      schema: {
        tags,
        summary: 'The activity’s return: tagged deals, pipeline, won revenue, cost per opportunity',
        params: idParams,
        response: { 200: activityReturnSchema },
      },
    },
    async (req) => activityReturn(db, req.ctx, req.params.id),
  );

  r.get(
    '/claims',
    {
      config: { access: 'funds:read' },
      schema: {
        tags,
        summary: 'List claims',
        querystring: claimQuery,
        response: { 200: z.object({ items: z.array(claimSchema) }) },
      },
    },
    async (req) => listClaims(db, req.ctx, req.query),
  );
  r.post(
    '/claims',
    {
      config: { access: 'funds:request' },
      schema: {
        tags,
        summary: 'Claim an approved request',
        description:
          'By the claim deadline (422 after it) and at most the approved amount (422 beyond). Then add the proof: POST /claims/{id}/files.',
        body: createClaimBody,
        response: { 201: claimSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createClaim(db, req.ctx, req.body)),
  );
  r.get(
    '/claims/:id',
    {
      config: { access: 'funds:read' },
      schema: { tags, summary: 'Get a claim', params: idParams, response: { 200: claimSchema } },
    },
    async (req) => getClaim(db, req.ctx, req.params.id),
  );
  r.post(
    '/claims/:id/files',
    {
      config: { access: 'funds:request', noReplay: true },
      schema: {
        tags,
        summary: 'Add proof of performance to a claim (the file is the request body)',
        description:
          'The body is the file itself, any Content-Type; its type is read from the content: PDF, PNG, JPEG, WebP, HEIC, CSV or text, XLSX, DOCX (415 otherwise), 20 MiB at most (413). `fileName` names it.',
        params: idParams,
        querystring: fileNameQuery,
        response: { 201: claimSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await addClaimFile(
            db,
            req.ctx,
            req.params.id,
            req.query.fileName,
            req.body as Readable | undefined,
          ),
        ),
  );
  r.get(
    '/claims/:id/files/:fileId',
    {
      config: { access: 'funds:read' },
      schema: { tags, summary: 'Download a claim’s proof file', params: fileParams },
    },
    async (req, reply) => sendFile(reply, await openClaimFile(db, req.ctx, req.params.id, req.params.fileId)),
  );
  r.post(
    '/claims/:id/approve',
    {
      config: { access: 'funds:review' },
      schema: {
        tags,
        summary: 'Approve all or part of a claim',
        description:
          'What is approved is booked to the partner’s ledger, approved for payment; what the request reserved beyond it is released to the budget.',
        params: idParams,
        body: approveClaimBody,
        response: { 200: claimSchema },
      },
    },
    async (req) => approveClaim(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/claims/:id/reject',
    {
      config: { access: 'funds:review' },
      schema: {
        tags,
        summary: 'Reject a claim with a reason (the partner may claim again by the deadline)',
        params: idParams,
        body: rejectBody,
        response: { 200: claimSchema },
      },
    },
    async (req) => rejectClaim(db, req.ctx, req.params.id, req.body),
  );
}
