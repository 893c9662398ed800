// The audit log's codes in words. Codes are `record.verb` (`fund_request.submitted`) and stay the
// stable key for filters and integrations; people read the words.

const acronyms: Record<string, string> = {
  crm: 'CRM',
  sso: 'SSO',
  mfa: 'MFA',
  scim: 'SCIM',
  mcp: 'MCP',
  fx: 'FX',
  totp: 'TOTP',
  api: 'API',
  ip: 'IP',
};

/** Actions whose code does not read well word by word. */
const actionWords: Record<string, string> = {
  'auth.login': 'Signed in',
  'auth.login_sso': 'Signed in with SSO',
  'auth.login_failed': 'Sign-in failed',
  'auth.login_rate_limited': 'Sign-in blocked after too many attempts',
  'auth.logout': 'Signed out',
  'auth.mfa_failed': 'Second factor failed',
  'auth.passkey_failed': 'Passkey sign-in failed',
  'auth.password_changed': 'Password changed',
  'auth.password_reset': 'Password reset',
  'auth.password_reset_requested': 'Password reset requested',
  'auth.sso_refused': 'SSO sign-in refused',
  'auth.sso_verified': 'SSO sign-in verified',
  'digest.sent': 'Daily digest sent',
  'system.bootstrapped': 'Installation set up',
  'user.created_by_cli': 'User created from the command line',
  'user.created_by_sso': 'User created at first SSO sign-in',
};

const entityWords: Record<string, string> = {
  organization: 'Partner organization',
  content_asset: 'Content',
  api_token: 'API token',
};

function words(code: string) {
  const parts = code.split(/[._]/).filter(Boolean);
  const text = parts.map((p) => acronyms[p] ?? p).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `deal.approved` → "Deal approved"; `fund_request.submitted` → "Fund request submitted". */
export function auditActionLabel(action: string): string {
  return actionWords[action] ?? words(action);
}

/** `fund_request` → "Fund request". */
export function auditEntityTypeLabel(entityType: string): string {
  return entityWords[entityType] ?? words(entityType);
}
