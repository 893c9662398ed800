import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../db/client';
import type { MailMessage } from '../../lib/mail';
import { notifyOrganization, setNotificationLog } from './notifications.service';

// The database is replaced: the point is what happens when writing the notices fails.
vi.mock('./notifications.repository', () => ({
  insertNotifications: vi.fn(async () => {
    throw new Error('disk full');
  }),
  findEmailSettings: vi.fn(async () => new Map()),
}));
vi.mock('../identity/identity.repository', () => ({
  findActiveUserIdsOfOrganizations: vi.fn(async () => ['u1', 'u2']),
  findActivePartnerAdmins: vi.fn(async () => [{ id: 'u1', to: 'admin@partner.test' }]),
}));

describe('notifyOrganization', () => {
  it('logs a notice it could not write, and still mails the partner admins', async () => {
    const error = vi.fn();
    setNotificationLog({ error } as unknown as FastifyBaseLogger);
    const sent: MailMessage[] = [];
    const mailer = { send: async (m: MailMessage) => void sent.push(m) };

    await notifyOrganization(
      {} as Db,
      mailer,
      'org-1',
      { subject: 'A new lead', text: 't', html: 'h' },
      {
        kind: 'referral',
        link: '/referrals/r1',
      },
    );

    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]![0]).toMatchObject({ organizationId: 'org-1', kind: 'referral' });
    expect((error.mock.calls[0]![0] as { err: Error }).err.message).toBe('disk full');
    expect(sent.map((m) => [m.to, m.subject])).toEqual([['admin@partner.test', 'A new lead']]);
  });
});
