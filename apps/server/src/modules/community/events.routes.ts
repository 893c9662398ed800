import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  attendanceBody,
  attendeeSchema,
  createEventBody,
  eventListQuery,
  eventSchema,
  rsvpBody,
  updateEventBody,
} from '@partnergraph/shared/contracts/community';
import type { Deps } from '../../lib/deps';
import { siteOf } from '../mail/templates';
import {
  cancelEvent,
  createCommunityEvent,
  eventIcs,
  getEvent,
  listAttendees,
  listEvents,
  markAttendance,
  rsvp,
  updateEvent,
} from './events.service';

export default async function eventRoutes(app: FastifyInstance, deps: Deps) {
  const { db, config } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const site = siteOf(config);
  const tags = ['community'];

  r.get(
    '/events',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'Webinars and meetups for you',
        description: 'upcoming: not yet over, soonest first; past: most recent first.',
        querystring: eventListQuery,
        response: { 200: pageOf(eventSchema) },
      },
    },
    async (req) => listEvents(db, req.ctx, req.query),
  );
  r.post(
    '/events',
    {
      config: { access: 'events:manage' },
      schema: {
        tags,
        summary: 'Schedule an event (vendor)',
        body: createEventBody,
        response: { 201: eventSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createCommunityEvent(db, req.ctx, req.body)),
  );
  r.get(
    '/events/:id',
    {
      config: { access: 'community:read' },
      schema: { tags, summary: 'An event', params: idParams, response: { 200: eventSchema } },
    },
    async (req) => getEvent(db, req.ctx, req.params.id),
  );
  r.patch(
    '/events/:id',
    {
      config: { access: 'events:manage' },
      schema: {
        tags,
        summary: 'Change an event (vendor); those going are told when it moves',
        params: idParams,
        body: updateEventBody,
        response: { 200: eventSchema },
      },
    },
    async (req) => updateEvent(deps, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/events/:id/cancel',
    {
      config: { access: 'events:manage' },
      schema: {
        tags,
        summary: 'Cancel an event (vendor); everyone who answered is told',
        params: idParams,
        response: { 200: eventSchema },
      },
    },
    async (req) => cancelEvent(deps, req.ctx, req.params.id),
  );
  r.post(
    '/events/:id/rsvp',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Answer an invitation: going (waitlisted when full) or cancelled',
        description: 'A seat freed by a cancellation goes to the first on the waitlist, who is told.',
        params: idParams,
        body: rsvpBody,
        response: { 200: eventSchema },
      },
    },
    async (req) => rsvp(deps, req.ctx, req.params.id, req.body.status),
  );
  r.get(
    '/events/:id/attendees',
    {
      config: { access: 'events:manage' },
      schema: {
        tags,
        summary: 'Who answered, with waitlist order and attendance (vendor)',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(attendeeSchema) },
      },
    },
    async (req) => listAttendees(db, req.ctx, req.params.id, req.query),
  );
  r.post(
    '/events/:id/attendance',
    {
      config: { access: 'events:manage' },
      schema: {
        tags,
        summary: 'Mark who attended (vendor); attendance counts toward engagement',
        params: idParams,
        body: attendanceBody,
        response: { 200: eventSchema },
      },
    },
    async (req) => markAttendance(db, req.ctx, req.params.id, req.body),
  );
  r.get(
    '/events/:id/ics',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: 'The event as an iCalendar (.ics) file',
        params: idParams,
        produces: ['text/calendar'],
      },
    },
    async (req, reply) => {
      const { ics, fileName } = await eventIcs(db, req.ctx, site, req.params.id);
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return reply.type('text/calendar; charset=utf-8').send(ics);
    },
  );
}
