// Every email the platform sends, one function per kind: typed data in,
// subject, text and HTML out, all through the one layout. Wording lives here
// and nowhere else; see docs/INTEGRATION.md (Email) before changing it, as
// tests and people's mail filters read some of these subjects.
// One file per domain under templates/; this file is the one door the senders import.
export type { Email, Site } from './layout';
export { siteOf } from './layout';
export * from './templates/accounts';
export * from './templates/applications';
export * from './templates/deals';
export * from './templates/funds';
export * from './templates/connections';
export * from './templates/notifications';
export * from './templates/digest';
export * from './templates/leads';
