import { describe, expect, it } from 'vitest';
import { can, orgKindOfRole, permissions, vendorRoles } from './permissions';

describe('permission matrix', () => {
  it('keeps the audit log and partner governance with the vendor', () => {
    expect(can('analyst', 'audit:read')).toBe(true);
    expect(can('partner_admin', 'audit:read')).toBe(false);
    expect(can('channel_manager', 'partners:create')).toBe(false);
    expect(can('analyst', 'partners:update')).toBe(false);
    // The vendor's notes about a partner: analysts read them, only those who work with partners write.
    expect(can('analyst', 'partner-notes:read')).toBe(true);
    expect(can('analyst', 'partner-notes:manage')).toBe(false);
    for (const p of [
      'partners:status',
      'partners:assign',
      'partners:create',
      'partner-notes:read',
      'partner-notes:manage',
    ] as const) {
      expect(can('partner_admin', p)).toBe(false);
      expect(can('partner_user', p)).toBe(false);
    }
  });

  it('gives the vendor admin every permission except acting as a partner, and knows org kinds', () => {
    expect(permissions.filter((p) => !can('admin', p))).toEqual([
      'agreements:accept',
      'referrals:send',
      'profiles:manage',
      'connections:manage',
      'home:read',
      'integrations:manage',
      'solutions:manage',
      'leads:respond',
      'mapping:run',
      'mapping:intro',
      'funds:request',
    ]);
    expect(vendorRoles.map(orgKindOfRole)).toEqual(['vendor', 'vendor', 'vendor']);
    expect(orgKindOfRole('partner_user')).toBe('partner');
  });
});
