import type { Role } from '@partnergraph/shared/permissions';

export const roleLabels: Record<Role, string> = {
  admin: 'Vendor admin',
  channel_manager: 'Channel manager',
  analyst: 'Analyst',
  partner_admin: 'Partner admin',
  partner_user: 'Partner user',
};
