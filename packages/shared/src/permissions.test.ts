import { describe, expect, it } from 'vitest';
import { can, orgKindOfRole, permissions, vendorRoles } from './permissions';

describe('permission matrix', () => {
  it('keeps the audit log and partner governance with the vendor', () => {
    expect(can('analyst', 'audit:read')).toBe(true);
    expect(can('partner_admin', 'audit:read')).toBe(false);
    expect(can('channel_manager', 'partners:create')).toBe(false);
    expect(can('analyst', 'partners:update')).toBe(false);
    for (const p of ['partners:status', 'partners:assign', 'partners:create'] as const) {
      expect(can('partner_admin', p)).toBe(false);
      expect(can('partner_user', p)).toBe(false);
    }
  });

  it('gives every permission to the vendor admin except none, and knows org kinds', () => {
    expect(permissions.every((p) => can('admin', p))).toBe(true);
    expect(vendorRoles.map(orgKindOfRole)).toEqual(['vendor', 'vendor', 'vendor']);
    expect(orgKindOfRole('partner_user')).toBe('partner');
  });
});
