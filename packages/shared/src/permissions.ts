// The role → permission matrix. The server's access gate and the web app's
// navigation both read it, so a screen never offers what the API would refuse.

export const vendorRoles = ['admin', 'channel_manager', 'analyst'] as const;
export const partnerRoles = ['partner_admin', 'partner_user'] as const;
export const roles = [...vendorRoles, ...partnerRoles] as const;
export type Role = (typeof roles)[number];
export type OrgKind = 'vendor' | 'partner';

/**
 * Who may manage partners (be a partner's channel manager): the assign-manager
 * picker lists the vendor's active users in these roles, and the endpoint
 * accepts exactly them.
 */
export const managerRoles = ['channel_manager', 'admin'] as const satisfies readonly Role[];

export function orgKindOfRole(role: Role): OrgKind {
  return (vendorRoles as readonly string[]).includes(role) ? 'vendor' : 'partner';
}

const matrix = {
  'session:use': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  'partners:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  'partners:create': ['admin'],
  // Channel managers may change only the partners assigned to them: the
  // service narrows this permission to those organizations.
  'partners:update': ['admin', 'channel_manager', 'partner_admin'],
  'partners:status': ['admin', 'channel_manager'],
  'partners:assign': ['admin'],
  // The vendor's notes and follow-up tasks about a partner: its staff's working memory, never the partner's.
  // An analyst reads them; those who work with partners write them.
  'partner-notes:read': ['admin', 'channel_manager', 'analyst'],
  'partner-notes:manage': ['admin', 'channel_manager'],
  'users:read': ['admin', 'channel_manager', 'analyst', 'partner_admin'],
  // Partner admins manage their own organization's team; the service holds them to it.
  'users:manage': ['admin', 'partner_admin'],
  // Channel managers invite into the partners assigned to them.
  'invitations:manage': ['admin', 'channel_manager', 'partner_admin'],
  'tokens:manage': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  // SCIM provisioning tokens and group → role mappings: each organization's own admin, for its own people.
  'scim:manage': ['admin', 'partner_admin'],
  'audit:read': ['admin', 'analyst'],
  'partner-types:manage': ['admin'],
  'programs:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  'programs:manage': ['admin'],
  'enrollments:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  // Channel managers act on the enrollments of partners assigned to them.
  'enrollments:manage': ['admin', 'channel_manager'],
  'enrollments:evaluate': ['admin', 'channel_manager', 'partner_admin'],
  'checklist:complete': ['admin', 'channel_manager', 'partner_admin'],
  'agreements:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  'agreements:manage': ['admin'],
  'agreements:accept': ['partner_admin'],
  'applications:read': ['admin', 'channel_manager', 'analyst'],
  'applications:review': ['admin', 'channel_manager'],
  'settings:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  'settings:manage': ['admin'],
  'fx-rates:manage': ['admin'],
  'deals:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  // Partners register their opportunities; vendor staff record vendor-sourced ones.
  'deals:register': ['admin', 'channel_manager', 'partner_admin', 'partner_user'],
  // Details, stage, close and involvement proposals: the registering organization or the vendor.
  'deals:update': ['admin', 'channel_manager', 'partner_admin', 'partner_user'],
  // Channel managers review the deals of partners assigned to them.
  'deals:review': ['admin', 'channel_manager'],
  'referrals:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  'referrals:send': ['partner_admin', 'partner_user'],
  // The recipient answers: a partner's users, or vendor staff for referrals to the vendor.
  'referrals:respond': ['admin', 'channel_manager', 'partner_admin', 'partner_user'],
  // The marketplace: everyone signed in searches; a partner admin edits its own profile.
  'marketplace:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  'profiles:manage': ['partner_admin'],
  'connections:manage': ['partner_admin', 'partner_user'],
  // Partners: whom to meet; the vendor: partners who know the customers in its open pipeline.
  'recommendations:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  // The partner home: what waits for a partner organization (vendor staff work from the partner list).
  'home:read': ['partner_admin', 'partner_user'],
  // ISVs and technology partners list integrations; the vendor reviews them.
  'integrations:manage': ['partner_admin'],
  'integrations:review': ['admin', 'channel_manager'],
  // Installed accounts: recorded by the listing partner (the service holds it to its own) or the vendor.
  'integrations:installs': ['admin', 'channel_manager', 'partner_admin'],
  'solutions:manage': ['partner_admin'],
  // Ecosystem dashboards are the vendor's; a partner reads its own scorecard with anonymous benchmarks.
  'analytics:read': ['admin', 'channel_manager', 'analyst'],
  'scorecards:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  // Outgoing webhooks carry the whole ecosystem's events: the vendor admin's alone.
  'webhooks:manage': ['admin'],
  // Without SMTP the outbox holds whole messages (sign-in links included): the vendor admin's alone.
  'emails:read': ['admin'],
  // Imports write the whole ecosystem's records with their own dates and states: the vendor admin's alone.
  'imports:manage': ['admin'],
  // The community: everyone reads the spaces open to them and takes part; the service holds each to its spaces.
  // An analyst only reads (product.md): no posts, comments, reactions, RSVPs, reports or directory entry.
  'community:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  'community:participate': ['admin', 'channel_manager', 'partner_admin', 'partner_user'],
  // Spaces, announcements and events are the vendor's to run; members moderate the spaces they are made moderators of.
  'spaces:manage': ['admin', 'channel_manager'],
  'announcements:manage': ['admin', 'channel_manager'],
  'events:manage': ['admin', 'channel_manager'],
  // An organization's MFA policy and its people's factors (reset): the vendor admin for any, a partner admin for its own.
  'mfa:manage': ['admin', 'partner_admin'],
  // CRM sync writes deals and accounts across the whole ecosystem and holds the CRM's tokens: the vendor admin's alone.
  'crm:manage': ['admin'],
  'notifications:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  // SSO connections, domains and the "SSO required" policy: the vendor admin for staff, a partner admin for
  // its own organization (the service holds each to its own); the vendor admin approves partners' connections.
  'sso:manage': ['admin', 'partner_admin'],
  'sso:approve': ['admin'],
  // Leads: the vendor's staff see the queue; a partner sees the leads assigned to it now (the service and
  // leads.visibility.ts hold each to those) and answers them.
  'leads:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  'leads:manage': ['admin', 'channel_manager'],
  'leads:respond': ['partner_admin', 'partner_user'],
  // Routing rules send the whole ecosystem's leads: the vendor admin's alone.
  'lead-rules:read': ['admin', 'channel_manager', 'analyst'],
  'lead-rules:manage': ['admin'],
  // Account mapping: everyone reads the overlaps their organization may see; each organization's admin
  // defines its populations and sharing levels; partners run the intersection in their browser (the
  // vendor's side is answered by the server); from an overlap, anyone who may send a referral asks for an intro.
  'mapping:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  'mapping:manage': ['admin', 'partner_admin'],
  // The vendor's accounts kept on the server (uploads, rebuilds from deals): the vendor admin's alone.
  'mapping:accounts': ['admin'],
  'mapping:run': ['partner_admin', 'partner_user'],
  'mapping:intro': ['partner_admin', 'partner_user'],
  // From an overlap, an involvement on the vendor's open deal there: the vendor's reviewers invite the
  // partner; a partner's users ask to join.
  'mapping:involve': ['admin', 'channel_manager', 'partner_admin', 'partner_user'],
  // Enablement: everyone reads the library and courses of their segments; the vendor publishes them.
  'enablement:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  'content:manage': ['admin', 'channel_manager'],
  'courses:manage': ['admin', 'channel_manager'],
  // Taking a course (lessons, quizzes): an analyst only reads.
  'learning:participate': ['admin', 'channel_manager', 'partner_admin', 'partner_user'],
  'certifications:manage': ['admin', 'channel_manager'],
  // An external LMS posts completions with an admin's API token: the vendor's for anyone, a partner's for its own people.
  'learning-records:write': ['admin', 'partner_admin'],
  'funds:read': ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
  /** Budgets, incentive rules and payout batches: the vendor's alone. */
  'funds:oversee': ['admin', 'channel_manager', 'analyst'],
  'funds:manage': ['admin'],
  'funds:review': ['admin', 'channel_manager'],
  'funds:request': ['partner_admin', 'partner_user'],
  'ledger:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof matrix;
export const permissions = Object.keys(matrix) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (matrix[permission] as readonly Role[]).includes(role);
}

export function rolesWith(permission: Permission): readonly Role[] {
  return matrix[permission];
}
