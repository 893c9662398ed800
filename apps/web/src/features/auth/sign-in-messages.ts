import type { SignInNotice, SignInNoticeText } from '../identity/sign-in-extras';

// What the sign-in page may have been sent back with: a failed single sign-on's reason, another page's
// notice. Fetched by the sign-in route's loader only when the address carries one, so these sentences are
// not part of every visit's first script; the page shows once they are there.

export const signInNotices: Record<SignInNotice, SignInNoticeText> = {
  'password-reset': {
    title: 'Password changed',
    text: 'Your new password is set and every session of your account was signed out. Sign in with the new password.',
  },
};

const reasons: Record<string, string> = {
  no_connection:
    'No active company sign-in serves this address. Sign in with your password, or ask your admin.',
  state_mismatch: 'That sign-in expired or was started in another browser. Please start again.',
  idp_error: 'Your company’s sign-in was cancelled or refused. Please try again.',
  idp_unreachable: 'Your company’s identity provider could not be reached. Try again later.',
  wrong_organization: 'This account belongs to another organization than the identity provider you used.',
  domain_not_verified:
    'Your email domain is not set up for this company sign-in. Ask your admin to prove the domain.',
  account_inactive: 'This account is deactivated. Ask your admin.',
  no_email:
    'Your identity provider did not send an email address. Ask your admin to release the email claim.',
  email_unverified: 'Your identity provider has not verified your email address.',
  idp_initiated_refused: 'Start signing in here rather than from your identity provider’s dashboard.',
};

export function ssoErrorText(reason: string): string {
  return (
    reasons[reason] ??
    'Your identity provider’s answer could not be trusted, so you were not signed in. Try again, or ask your admin to check the connection.'
  );
}
