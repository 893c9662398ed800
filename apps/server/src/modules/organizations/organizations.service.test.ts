import { describe, expect, it } from 'vitest';
import { domainOf } from './organizations.service';
import { mayChangePartner } from './organizations.visibility';
import type { Actor } from '../../lib/actor';

const actor = (role: Actor['role'], orgId = 'v', userId = 'u'): Actor => ({
  role,
  orgId,
  userId,
  name: 'x',
  orgKind: role.startsWith('partner') ? 'partner' : 'vendor',
  via: 'session',
  sessionId: 's',
  scope: 'read_write',
});

describe('partner rules', () => {
  it('derives the domain from the website', () => {
    expect(domainOf('https://www.Example.COM/path?q=1')).toBe('example.com');
    expect(domainOf('http://shop.example.org')).toBe('shop.example.org');
    expect(domainOf(null)).toBeNull();
  });

  it('lets admins change any partner, channel managers only theirs, partner admins only their own', () => {
    const org = { id: 'p1', channelManagerId: 'cm1' };
    expect(mayChangePartner(actor('admin'), org)).toBe(true);
    expect(mayChangePartner(actor('channel_manager', 'v', 'cm1'), org)).toBe(true);
    expect(mayChangePartner(actor('channel_manager', 'v', 'cm2'), org)).toBe(false);
    expect(mayChangePartner(actor('analyst'), org)).toBe(false);
    expect(mayChangePartner(actor('partner_admin', 'p1'), org)).toBe(true);
    expect(mayChangePartner(actor('partner_admin', 'p2'), org)).toBe(false);
    expect(mayChangePartner(actor('partner_user', 'p1'), org)).toBe(false);
  });
});
