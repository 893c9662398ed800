import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  acceptSolutionBody,
  connectionActionBody,
  connectionListQuery,
  connectionSchema,
  contactPartnerBody,
  createConnectionBody,
  createIntegrationBody,
  createSolutionBody,
  installSchema,
  integrationListQuery,
  integrationSchema,
  marketplaceSearchQuery,
  profileSchema,
  publicProfileSchema,
  publishProfileBody,
  recommendationSchema,
  recordInstallBody,
  reviewIntegrationBody,
  searchResponseSchema,
  solutionSchema,
  updateIntegrationBody,
  updateProfileBody,
} from '@partnergraph/shared/contracts/marketplace';
import { versionBody } from '@partnergraph/shared/contracts/identity';
import type { Deps } from '../../lib/deps';
import { siteOf } from '../mail/templates';
import { actOnConnection, getConnection, listConnections, requestConnection } from './connections.service';
import {
  createIntegration,
  getIntegration,
  listInstalls,
  listIntegrations,
  recordInstall,
  reviewIntegration,
  submitIntegration,
  updateIntegration,
} from './integrations.service';
import { contactPartner, publicProfile, publicSearch } from './locator.service';
import { getProfile, publishProfile, unpublishProfile, updateProfile } from './profiles.service';
import { recommendPartners } from './recommendations.service';
import { searchProfiles } from './search.service';
import { acceptSolution, createSolution, getSolution, listSolutions } from './solutions.service';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const publicReq = (req: FastifyRequest) => ({ ip: req.ip ?? null, requestId: req.id });

export default async function marketplaceRoutes(app: FastifyInstance, { db, mailer, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['marketplace'];
  const site = siteOf(config);

  // --- Profiles ---
  r.get(
    '/profiles/:id',
    {
      config: { access: 'marketplace:read' },
      schema: {
        tags,
        summary: "A partner's marketplace profile",
        description:
          'The organization itself and the vendor read the draft too; other partners only the published profile (404 when unpublished).',
        params: idParams,
        response: { 200: profileSchema },
      },
    },
    async (req) => getProfile(db, req.ctx, req.params.id),
  );
  r.patch(
    '/profiles/:id',
    {
      config: { access: 'profiles:manage' },
      schema: {
        tags,
        summary: 'Edit your profile draft (partner admin)',
        description: 'Changes stay in the draft until published.',
        params: idParams,
        body: updateProfileBody,
        response: { 200: profileSchema },
      },
    },
    async (req) => updateProfile(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/profiles/:id/publish',
    {
      config: { access: 'profiles:manage' },
      schema: {
        tags,
        summary: 'Publish the draft: others see it, search finds it',
        params: idParams,
        body: publishProfileBody,
        response: { 200: profileSchema },
      },
    },
    async (req) => publishProfile(db, req.ctx, req.params.id, req.body.version),
  );
  r.post(
    '/profiles/:id/unpublish',
    {
      config: { access: 'profiles:manage' },
      schema: {
        tags,
        summary: 'Withdraw the profile from the marketplace and the locator',
        params: idParams,
        body: publishProfileBody,
        response: { 200: profileSchema },
      },
    },
    async (req) => unpublishProfile(db, req.ctx, req.params.id, req.body.version),
  );

  // --- Search and the public locator ---
  r.get(
    '/marketplace/search',
    {
      config: { access: 'marketplace:read' },
      schema: {
        tags,
        summary: 'Search published partner profiles, with facets',
        description:
          'Full text (stemmed) and trigram similarity (typos) over names, descriptions, services and case studies; ranking blends relevance with the tier marketplace boost.',
        querystring: marketplaceSearchQuery,
        response: { 200: searchResponseSchema },
      },
    },
    async (req) => searchProfiles(db, req.query),
  );
  r.get(
    '/public/partners',
    {
      config: { access: 'public' },
      schema: {
        tags: ['locator'],
        summary: 'The public partner locator: search published profiles without signing in',
        description: 'Rate limited per address (429 with Retry-After).',
        querystring: marketplaceSearchQuery,
        response: { 200: searchResponseSchema },
      },
    },
    async (req) => publicSearch(db, publicReq(req), req.query),
  );
  r.get(
    '/public/partners/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['locator'],
        summary: "A partner's public page",
        params: idParams,
        response: { 200: publicProfileSchema },
      },
    },
    async (req) => publicProfile(db, publicReq(req), req.params.id),
  );
  r.post(
    '/public/partners/:id/contact',
    {
      config: { access: 'public', noReplay: true },
      schema: {
        tags: ['locator'],
        summary: 'Contact a partner: the message becomes a lead in its referral inbox',
        description: 'Rate limited per address and e-mail; leave `homepage` empty (it is a trap for bots).',
        params: idParams,
        body: contactPartnerBody,
        response: { 202: z.object({ status: z.literal('sent'), message: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await contactPartner(db, mailer, site, publicReq(req), req.params.id, req.body)),
  );

  // --- Connections ---
  const ctags = ['connections'];
  r.get(
    '/connections',
    {
      config: { access: 'marketplace:read' },
      schema: {
        tags: ctags,
        summary: 'Your connections: incoming and outgoing requests, active relationships',
        description: 'The vendor sees every connection, or one partner’s with `organizationId`.',
        querystring: connectionListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(connectionSchema) },
      },
    },
    async (req) => listConnections(db, req.ctx, req.query, req.query),
  );
  r.post(
    '/connections',
    {
      config: { access: 'connections:manage' },
      schema: {
        tags: ctags,
        summary: 'Ask another partner for a relationship of a kind, with a message and terms',
        description: 'At most one open relationship of a kind per pair (409). The other side is notified.',
        body: createConnectionBody,
        response: { 201: connectionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await requestConnection(db, req.ctx, mailer, site, req.body)),
  );
  r.get(
    '/connections/:id',
    {
      config: { access: 'marketplace:read' },
      schema: {
        tags: ctags,
        summary: 'Get a connection',
        params: idParams,
        response: { 200: connectionSchema },
      },
    },
    async (req) => getConnection(db, req.ctx, req.params.id),
  );
  for (const verb of ['accept', 'decline', 'end'] as const) {
    r.post(
      `/connections/:id/${verb}`,
      {
        config: { access: 'connections:manage' },
        schema: {
          tags: ctags,
          summary:
            verb === 'end'
              ? 'End a relationship (either party) or withdraw a request'
              : `${verb === 'accept' ? 'Accept' : 'Decline'} a request (its recipient)`,
          params: idParams,
          body: connectionActionBody,
          response: { 200: connectionSchema },
        },
      },
      async (req) => actOnConnection(db, req.ctx, mailer, site, req.params.id, verb, req.body),
    );
  }

  // --- Integration listings ---
  const itags = ['integrations'];
  r.get(
    '/integrations',
    {
      config: { access: 'marketplace:read' },
      schema: {
        tags: itags,
        summary: 'The integration catalog',
        description:
          'Published listings for everyone; a partner also sees its own drafts, the vendor everything.',
        querystring: integrationListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(integrationSchema) },
      },
    },
    async (req) => listIntegrations(db, req.ctx, req.query, req.query),
  );
  r.post(
    '/integrations',
    {
      config: { access: 'integrations:manage' },
      schema: {
        tags: itags,
        summary: 'List an integration with the vendor’s product (ISVs and technology partners)',
        body: createIntegrationBody,
        response: { 201: integrationSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createIntegration(db, req.ctx, req.body)),
  );
  r.get(
    '/integrations/:id',
    {
      config: { access: 'marketplace:read' },
      schema: {
        tags: itags,
        summary: 'Get an integration listing',
        params: idParams,
        response: { 200: integrationSchema },
      },
    },
    async (req) => getIntegration(db, req.ctx, req.params.id),
  );
  r.patch(
    '/integrations/:id',
    {
      config: { access: 'integrations:manage' },
      schema: {
        tags: itags,
        summary: 'Edit your listing',
        params: idParams,
        body: updateIntegrationBody,
        response: { 200: integrationSchema },
      },
    },
    async (req) => updateIntegration(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/integrations/:id/submit',
    {
      config: { access: 'integrations:manage' },
      schema: {
        tags: itags,
        summary: 'Submit a listing for the vendor’s review',
        params: idParams,
        body: versionBody,
        response: { 200: integrationSchema },
      },
    },
    async (req) => submitIntegration(db, req.ctx, req.params.id, req.body.version),
  );
  for (const verdict of ['publish', 'reject'] as const) {
    r.post(
      `/integrations/:id/${verdict}`,
      {
        config: { access: 'integrations:review' },
        schema: {
          tags: itags,
          summary:
            verdict === 'publish'
              ? 'Publish a submitted listing (vendor)'
              : 'Reject a submitted listing with a reason (vendor)',
          params: idParams,
          body: reviewIntegrationBody,
          response: { 200: integrationSchema },
        },
      },
      async (req) => reviewIntegration(db, req.ctx, req.params.id, verdict, req.body),
    );
  }
  r.get(
    '/integrations/:id/installs',
    {
      config: { access: 'marketplace:read' },
      schema: {
        tags: itags,
        summary: 'Customer accounts with the integration installed (vendor and the listing partner)',
        params: idParams,
        response: { 200: items(installSchema) },
      },
    },
    async (req) => listInstalls(db, req.ctx, req.params.id),
  );
  r.post(
    '/integrations/:id/installs',
    {
      config: { access: 'integrations:installs' },
      schema: {
        tags: itags,
        summary: 'Record a customer with the integration installed (the listing partner or the vendor)',
        description: 'Counted by the customer’s registrable domain; recording it again updates it.',
        params: idParams,
        body: recordInstallBody,
        response: { 200: integrationSchema },
      },
    },
    async (req) => recordInstall(db, req.ctx, req.params.id, req.body),
  );

  // --- Joint solutions ---
  const stags = ['solutions'];
  r.get(
    '/solutions',
    {
      config: { access: 'marketplace:read' },
      schema: {
        tags: stags,
        summary: 'Joint solutions: published ones, and those your organization is a member of',
        querystring: z
          .object({
            status: z.enum(['pending', 'published']).optional(),
            organizationId: z.string().max(64).optional(),
          })
          .extend(paginationQuery.shape),
        response: { 200: pageOf(solutionSchema) },
      },
    },
    async (req) => listSolutions(db, req.ctx, req.query, req.query),
  );
  r.post(
    '/solutions',
    {
      config: { access: 'solutions:manage' },
      schema: {
        tags: stags,
        summary: 'Propose a joint solution with other partners',
        description: 'It is published in the marketplace once every member accepts.',
        body: createSolutionBody,
        response: { 201: solutionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createSolution(db, req.ctx, req.body)),
  );
  r.get(
    '/solutions/:id',
    {
      config: { access: 'marketplace:read' },
      schema: {
        tags: stags,
        summary: 'Get a joint solution',
        params: idParams,
        response: { 200: solutionSchema },
      },
    },
    async (req) => getSolution(db, req.ctx, req.params.id),
  );
  r.post(
    '/solutions/:id/accept',
    {
      config: { access: 'solutions:manage' },
      schema: {
        tags: stags,
        summary: 'Accept membership of a joint solution',
        params: idParams,
        body: acceptSolutionBody,
        response: { 200: solutionSchema },
      },
    },
    async (req) => acceptSolution(db, req.ctx, req.params.id, req.body.version),
  );

  // --- Recommendations ---
  r.get(
    '/recommendations',
    {
      config: { access: 'recommendations:read' },
      schema: {
        tags,
        summary: 'Partners worth connecting with, each with its reasons',
        response: { 200: items(recommendationSchema) },
      },
    },
    async (req) => recommendPartners(db, req.ctx),
  );
}
