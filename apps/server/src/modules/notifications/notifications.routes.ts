import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '@partnergraph/shared/contracts/common';
import {
  notificationListQuery,
  notificationPageSchema,
  notificationSchema,
  notificationSettingsSchema,
  unreadCountSchema,
  updateNotificationSettingsBody,
} from '@partnergraph/shared/contracts/community';
import type { Deps } from '../../lib/deps';
import {
  getNotificationSettings,
  listNotifications,
  markAllRead,
  markRead,
  setNotificationLog,
  unreadCount,
  updateNotificationSettings,
} from './notifications.service';

export default async function notificationRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Listed with the community in the API reference, where the bell's routes have always been.
  const tags = ['community'];
  setNotificationLog(app.log);

  r.get(
    '/notifications',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the unread count',
        querystring: notificationListQuery,
        response: { 200: notificationPageSchema },
      },
    },
    async (req) => listNotifications(db, req.ctx, req.query),
  );
  r.get(
    '/notifications/unread-count',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags,
        summary: 'How many notifications are unread (for the bell)',
        response: { 200: unreadCountSchema },
      },
    },
    async (req) => ({ unread: await unreadCount(db, req.ctx) }),
  );
  r.post(
    '/notifications/read-all',
    {
      config: { access: 'notifications:read' },
      schema: { tags, summary: 'Mark every notification read', response: { 200: unreadCountSchema } },
    },
    async (req) => markAllRead(db, req.ctx),
  );
  r.get(
    '/notifications/settings',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags,
        summary: 'Which notifications you also get by e-mail',
        response: { 200: notificationSettingsSchema },
      },
    },
    async (req) => getNotificationSettings(db, req.ctx),
  );
  r.put(
    '/notifications/settings',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags,
        summary: 'Choose e-mail per kind, and the daily digest',
        body: updateNotificationSettingsBody,
        response: { 200: notificationSettingsSchema },
      },
    },
    async (req) => updateNotificationSettings(db, req.ctx, req.body),
  );
  r.post(
    '/notifications/:id/read',
    {
      config: { access: 'notifications:read' },
      schema: {
        tags,
        summary: 'Mark a notification read',
        params: idParams,
        response: { 200: notificationSchema },
      },
    },
    async (req) => markRead(db, req.ctx, req.params.id),
  );
}
