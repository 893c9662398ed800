import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  announcementListQuery,
  announcementSchema,
  createAnnouncementBody,
  receiptSchema,
} from '@partnergraph/shared/contracts/community';
import type { Deps } from '../../lib/deps';
import {
  createAnnouncement,
  getAnnouncement,
  listAnnouncements,
  listReceipts,
  markAnnouncementRead,
} from './announcements.service';

export default async function announcementRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];

  r.get(
    '/announcements',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'Announcements for you, newest first',
        description:
          'Partners see those whose segment includes their organization; vendor staff see all, with read receipts.',
        querystring: announcementListQuery,
        response: { 200: pageOf(announcementSchema) },
      },
    },
    async (req) => listAnnouncements(db, req.ctx, req.query),
  );
  r.post(
    '/announcements',
    {
      config: { access: 'announcements:manage' },
      schema: {
        tags,
        summary: 'Broadcast an announcement to every partner or a segment (vendor)',
        description:
          'Everyone in the segment is notified (and e-mailed unless they turned announcements off).',
        body: createAnnouncementBody,
        response: { 201: announcementSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createAnnouncement(deps, req.ctx, req.body)),
  );
  r.get(
    '/announcements/:id',
    {
      config: { access: 'community:read' },
      schema: { tags, summary: 'An announcement', params: idParams, response: { 200: announcementSchema } },
    },
    async (req) => getAnnouncement(db, req.ctx, req.params.id),
  );
  r.post(
    '/announcements/:id/read',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'Mark an announcement read (a read receipt)',
        params: idParams,
        response: { 200: announcementSchema },
      },
    },
    async (req) => markAnnouncementRead(db, req.ctx, req.params.id),
  );
  r.get(
    '/announcements/:id/receipts',
    {
      config: { access: 'announcements:manage' },
      schema: {
        tags,
        summary: 'Who read an announcement, and when (vendor)',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(receiptSchema) },
      },
    },
    async (req) => listReceipts(db, req.ctx, req.params.id, req.query),
  );
}
