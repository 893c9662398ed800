import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import { userListQuery, userSchema } from '@partnergraph/shared/contracts/identity';
import {
  assignManagerBody,
  createPartnerBody,
  partnerListQuery,
  partnerSchema,
  partnerStatusAction,
  partnerTypeSchema,
  updatePartnerBody,
} from '@partnergraph/shared/contracts/organizations';
import {
  createPartnerTypeBody,
  typeCodeParams,
  updatePartnerTypeBody,
} from '@partnergraph/shared/contracts/programs';
import type { Deps } from '../../lib/deps';
import { listUsers } from '../identity/identity.service';
import {
  assignChannelManager,
  changePartnerStatus,
  createPartner,
  createPartnerType,
  deletePartnerType,
  setPartnerTypeRetired,
  updatePartnerType,
  getPartner,
  listPartners,
  listPartnerTypes,
  updatePartner,
  type PartnerStatusVerb,
} from './organizations.service';

const tags = ['partners'];

export default async function organizationRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/partners',
    {
      config: { access: 'partners:read' },
      schema: {
        tags,
        summary: 'List partner organizations',
        description: 'Vendor staff see every partner; a partner user sees its own organization.',
        querystring: partnerListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(partnerSchema) },
      },
    },
    async (req) => listPartners(db, req.ctx, req.query, req.query),
  );

  r.post(
    '/partners',
    {
      config: { access: 'partners:create' },
      schema: {
        tags,
        summary: 'Create a partner organization',
        description: 'Accepts an `Idempotency-Key` header.',
        body: createPartnerBody,
        response: { 201: partnerSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPartner(db, req.ctx, req.body)),
  );

  r.get(
    '/partners/:id',
    {
      config: { access: 'partners:read' },
      schema: {
        tags,
        summary: 'Get a partner organization',
        params: idParams,
        response: { 200: partnerSchema },
      },
    },
    async (req) => getPartner(db, req.ctx, req.params.id),
  );

  r.patch(
    '/partners/:id',
    {
      config: { access: 'partners:update' },
      schema: {
        tags,
        summary: 'Update a partner organization',
        description:
          'Send the `version` you read; a stale one answers 409. Channel managers may change only partners assigned to them; a partner admin may change its own website, country and description.',
        params: idParams,
        body: updatePartnerBody,
        response: { 200: partnerSchema },
      },
    },
    async (req) => updatePartner(db, req.ctx, req.params.id, req.body),
  );

  const statusVerbs: Record<PartnerStatusVerb, string> = {
    activate: 'Activate an applicant or reinstate a suspended partner',
    suspend: 'Suspend an active partner (reason required)',
    terminate: 'Terminate a partner: its users can no longer sign in (reason required)',
  };
  for (const [verb, summary] of Object.entries(statusVerbs) as [PartnerStatusVerb, string][]) {
    r.post(
      `/partners/:id/${verb}`,
      {
        config: { access: 'partners:status' },
        schema: {
          tags,
          summary,
          params: idParams,
          body: partnerStatusAction,
          response: { 200: partnerSchema },
        },
      },
      async (req) => changePartnerStatus(db, req.ctx, req.params.id, verb, req.body),
    );
  }

  r.post(
    '/partners/:id/assign-manager',
    {
      config: { access: 'partners:assign' },
      schema: {
        tags,
        summary: 'Assign (or clear) the channel manager of a partner',
        params: idParams,
        body: assignManagerBody,
        response: { 200: partnerSchema },
      },
    },
    async (req) => assignChannelManager(db, req.ctx, req.params.id, req.body),
  );

  r.get(
    '/partners/:id/users',
    {
      config: { access: 'users:read' },
      schema: {
        tags,
        summary: "List a partner organization's users",
        params: idParams,
        querystring: userListQuery.omit({ organizationId: true }).extend(paginationQuery.shape),
        response: { 200: pageOf(userSchema) },
      },
    },
    async (req) => {
      const ctx = req.ctx;
      // Resolving the partner first applies its visibility: another organization's id answers 404.
      await getPartner(db, ctx, req.params.id);
      return listUsers(db, ctx, { ...req.query, organizationId: req.params.id }, req.query);
    },
  );

  r.get(
    '/partner-types',
    {
      // Public: the application form and the partner locator offer these choices before sign-in.
      config: { access: 'public' },
      schema: {
        tags: ['programs'],
        summary: 'List partner types (no sign-in needed)',
        response: { 200: z.object({ items: z.array(partnerTypeSchema) }) },
      },
    },
    async () => listPartnerTypes(db),
  );

  const typeTags = ['programs'];
  r.post(
    '/partner-types',
    {
      config: { access: 'partner-types:manage' },
      schema: {
        tags: typeTags,
        summary: 'Add a partner type',
        body: createPartnerTypeBody,
        response: { 201: partnerTypeSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPartnerType(db, req.ctx, req.body)),
  );
  r.patch(
    '/partner-types/:code',
    {
      config: { access: 'partner-types:manage' },
      schema: {
        tags: typeTags,
        summary: 'Rename or describe a partner type',
        params: typeCodeParams,
        body: updatePartnerTypeBody,
        response: { 200: partnerTypeSchema },
      },
    },
    async (req) => updatePartnerType(db, req.ctx, req.params.code, req.body),
  );
  for (const [verb, retired] of [
    ['retire', true],
    ['restore', false],
  ] as const) {
    r.post(
      `/partner-types/:code/${verb}`,
      {
        config: { access: 'partner-types:manage' },
        schema: {
          tags: typeTags,
          summary: retired
            ? 'Retire a partner type: no longer offered for new choices; holders keep it'
            : 'Offer a retired partner type again',
          params: typeCodeParams,
          response: { 200: partnerTypeSchema },
        },
      },
      async (req) => setPartnerTypeRetired(db, req.ctx, req.params.code, retired),
    );
  }
  r.delete(
    '/partner-types/:code',
    {
      config: { access: 'partner-types:manage' },
      schema: {
        tags: typeTags,
        summary: 'Delete an unused partner type (one in use answers 409: retire it)',
        params: typeCodeParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deletePartnerType(db, req.ctx, req.params.code);
      return reply.code(204).send(null);
    },
  );
}
