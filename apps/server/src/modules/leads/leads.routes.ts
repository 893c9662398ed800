import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  assignLeadBody,
  bulkLeadBody,
  bulkLeadResult,
  closeLeadBody,
  convertLeadBody,
  convertLeadResult,
  createLeadBody,
  createLeadRuleBody,
  declineLeadBody,
  leadListQuery,
  leadMetricsQuery,
  leadMetricsSchema,
  leadPage,
  leadRuleList,
  leadRuleSchema,
  leadSchema,
  leadSlaSchema,
  publicLeadReceipt,
  publicLeadRequestBody,
  referLeadBody,
  testLeadRuleBody,
  testLeadRuleResult,
  updateLeadRuleBody,
  versionBody,
} from '@partnergraph/shared/contracts/leads';
import type { Deps } from '../../lib/deps';
import { invalid } from '../../lib/errors';
import { siteOf } from '../mail/templates';
import {
  createLeadRule,
  deleteLeadRule,
  listLeadRules,
  testLeadRule,
  updateLeadRule,
} from './lead-rules.service';
import {
  acceptLead,
  assignLead,
  bulkLeads,
  closeLead,
  convertLead,
  declineLead,
  referLead,
} from './leads.actions';
import { leadReport, leadSla } from './leads.metrics';
import { requestPartner } from './leads.public';
import { setPullbackMail } from './leads.pullback';
import { createLead, getLead, listLeads } from './leads.service';

export default async function leadRoutes(app: FastifyInstance, { db, mailer, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['leads'];
  const mail = { mailer, site: siteOf(config) };
  setPullbackMail(mail);

  r.get(
    '/leads',
    {
      config: { access: 'leads:read' },
      schema: {
        tags,
        summary: 'The lead queue (vendor) or your lead inbox (partner)',
        description:
          'Vendor staff see every lead and filter by status, source, partner, country and overdue offers. A partner sees the leads assigned to it now (`box=current`), or those taken back from it (`box=left`, only when they left).',
        querystring: paginationQuery.extend(leadListQuery.shape),
        response: { 200: leadPage },
      },
    },
    async (req) => {
      const { limit, cursor, ...query } = req.query;
      return listLeads(db, req.ctx, query, { limit, cursor });
    },
  );
  r.post(
    '/leads',
    {
      config: { access: 'leads:manage' },
      schema: {
        tags,
        summary: 'Record a lead and route it',
        description:
          'Duplicates of an open lead or a protected deal are flagged (`duplicates`), not refused. With `route` (the default) the rules assign it at once; the answer carries the explanation in `history`.',
        body: createLeadBody,
        response: { 201: leadSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createLead(db, req.ctx, mail, req.body)),
  );
  r.get(
    '/leads/sla',
    {
      config: { access: 'leads:manage' },
      schema: {
        tags,
        summary: 'Offers waiting and overdue, and acceptance times by partner (last 90 days)',
        response: { 200: leadSlaSchema },
      },
    },
    async () => leadSla(db),
  );
  r.get(
    '/leads/metrics',
    {
      config: { access: 'analytics:read' },
      schema: {
        tags,
        summary:
          'Leads distributed, acceptance rate, median time to accept, conversion to won, lead-sourced revenue',
        description: 'Definitions in docs/METRICS.md. `from` and `to` are calendar days, both included.',
        querystring: leadMetricsQuery,
        response: { 200: leadMetricsSchema },
      },
    },
    async (req) => {
      if (req.query.to < req.query.from) {
        throw invalid([{ path: 'querystring.to', message: 'The period ends before it starts' }]);
      }
      return leadReport(db, req.query.from, req.query.to);
    },
  );
  r.post(
    '/leads/bulk',
    {
      config: { access: 'leads:manage' },
      schema: {
        tags,
        summary: 'Route again, assign or close many leads',
        description:
          'Each lead is changed on its own: the answer says, per lead, whether it was and why not.',
        body: bulkLeadBody,
        response: { 200: bulkLeadResult },
      },
    },
    async (req) => bulkLeads(db, req.ctx, mail, req.body),
  );
  r.get(
    '/leads/:id',
    {
      config: { access: 'leads:read' },
      schema: {
        tags,
        summary: 'A lead with its routing history',
        description:
          'Before accepting, a partner reads the company, need and value but not the contact (`view: offer`); a partner the lead left reads only when (`view: left`).',
        params: idParams,
        response: { 200: leadSchema },
      },
    },
    async (req) => getLead(db, req.ctx, req.params.id),
  );
  r.post(
    '/leads/:id/accept',
    {
      config: { access: 'leads:respond' },
      schema: {
        tags,
        summary: 'Accept a lead offered to you (before its deadline)',
        description: 'A lead withdrawn from you, or past its deadline, answers 409.',
        params: idParams,
        body: versionBody,
        response: { 200: leadSchema },
      },
    },
    async (req) => acceptLead(db, req.ctx, mail, req.params.id, req.body.version),
  );
  r.post(
    '/leads/:id/decline',
    {
      config: { access: 'leads:respond' },
      schema: {
        tags,
        summary: 'Decline a lead with a reason: it goes to the next eligible partner',
        params: idParams,
        body: declineLeadBody,
        response: { 200: leadSchema },
      },
    },
    async (req) => declineLead(db, req.ctx, mail, req.params.id, req.body),
  );
  r.post(
    '/leads/:id/convert',
    {
      config: { access: 'leads:respond' },
      schema: {
        tags,
        summary: 'Convert an accepted lead into a protected deal registration',
        description:
          'The deal is registered by your organization (sourced) and protected at once, since the vendor routed the lead to you; if another partner already protects the customer, 409 names its deals.',
        params: idParams,
        body: convertLeadBody,
        response: { 200: convertLeadResult },
      },
    },
    async (req) => convertLead(db, req.ctx, mail, req.params.id, req.body),
  );
  r.post(
    '/leads/:id/refer',
    {
      config: { access: 'leads:respond' },
      schema: {
        tags,
        summary: 'Refer an accepted lead on to another partner',
        params: idParams,
        body: referLeadBody,
        response: { 200: leadSchema },
      },
    },
    async (req) => referLead(db, req.ctx, mail, req.params.id, req.body),
  );
  r.post(
    '/leads/:id/assign',
    {
      config: { access: 'leads:manage' },
      schema: {
        tags,
        summary: 'Reassign a lead: to a partner by hand, or through the rules again',
        params: idParams,
        body: assignLeadBody,
        response: { 200: leadSchema },
      },
    },
    async (req) => assignLead(db, req.ctx, mail, req.params.id, req.body),
  );
  r.post(
    '/leads/:id/close',
    {
      config: { access: 'leads:manage' },
      schema: {
        tags,
        summary: 'Close a lead without a deal',
        params: idParams,
        body: closeLeadBody,
        response: { 200: leadSchema },
      },
    },
    async (req) => closeLead(db, req.ctx, mail, req.params.id, req.body),
  );

  // --- Rules ---
  const rtags = ['lead rules'];
  r.get(
    '/lead-rules',
    {
      config: { access: 'lead-rules:read' },
      schema: {
        tags: rtags,
        summary: 'The routing rules in order, each with its warnings',
        response: { 200: leadRuleList },
      },
    },
    async () => listLeadRules(db),
  );
  r.post(
    '/lead-rules',
    {
      config: { access: 'lead-rules:manage' },
      schema: {
        tags: rtags,
        summary: 'Add a routing rule',
        description:
          'A rule that can never match (a tier no program has, no partner meeting its conditions) or that a higher rule shadows completely is saved and flagged in `warnings`.',
        body: createLeadRuleBody,
        response: { 201: leadRuleSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createLeadRule(db, req.ctx, req.body)),
  );
  r.post(
    '/lead-rules/test',
    {
      config: { access: 'lead-rules:manage' },
      schema: {
        tags: rtags,
        summary: 'Test a rule on a sample lead (nothing is stored)',
        body: testLeadRuleBody,
        response: { 200: testLeadRuleResult },
      },
    },
    async (req) => testLeadRule(db, req.body),
  );
  r.patch(
    '/lead-rules/:id',
    {
      config: { access: 'lead-rules:manage' },
      schema: {
        tags: rtags,
        summary: 'Change or move a routing rule',
        params: idParams,
        body: updateLeadRuleBody,
        response: { 200: leadRuleSchema },
      },
    },
    async (req) => updateLeadRule(db, req.ctx, req.params.id, req.body),
  );
  r.delete(
    '/lead-rules/:id',
    {
      config: { access: 'lead-rules:manage' },
      schema: {
        tags: rtags,
        summary: 'Delete a routing rule (past assignments keep their explanations)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteLeadRule(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  // --- The public locator ---
  r.post(
    '/public/lead-requests',
    {
      config: { access: 'public', noReplay: true },
      schema: {
        tags: ['locator'],
        summary:
          'Ask to be put in touch with a partner: the request becomes a lead routed by the vendor’s rules',
        description: 'Rate limited per address and e-mail; leave `homepage` empty (it is a trap for bots).',
        body: publicLeadRequestBody,
        response: { 202: publicLeadReceipt },
      },
    },
    async (req, reply) =>
      reply
        .code(202)
        .send(await requestPartner(db, mail, { ip: req.ip ?? null, requestId: req.id }, req.body)),
  );
}
