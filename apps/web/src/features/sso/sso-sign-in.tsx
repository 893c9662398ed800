import { Alert, Button, Divider, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle, IconBuildingSkyscraper } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { call, http } from '../../api/client';

// The sign-in screen's SSO parts: the email-first "Continue with your company's sign-in", and what a
// refused SSO sign-in (`/login?ssoError=<reason>`) means, in words a person can act on.

const looksLikeEmail = (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());

/** Asks (once per domain, after typing settles) whether the address signs in through its company's IdP. */
export function SsoSignInOption({ email, redirectTo }: { email: string; redirectTo?: string | undefined }) {
  const [settled] = useDebouncedValue(email.trim().toLowerCase(), 400);
  const domain = looksLikeEmail(settled) ? settled.split('@')[1]! : null;
  const discovery = useQuery({
    queryKey: ['sso-discover', domain],
    queryFn: () => call(http.POST('/auth/sso/discover', { body: { email: settled } })),
    enabled: domain !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
  const answer = discovery.data;
  if (!domain || !answer?.sso || !answer.startUrl) return null;
  const href = `${answer.startUrl}${redirectTo ? `&returnTo=${encodeURIComponent(redirectTo)}` : ''}`;
  return (
    <>
      <Button
        component="a"
        href={href}
        variant="filled"
        color="indigo"
        leftSection={<IconBuildingSkyscraper size={16} />}
        fullWidth
      >
        Continue with your company&apos;s sign-in
      </Button>
      {answer.required ? (
        <Text size="sm" c="dimmed">
          Your organization signs in with SSO; passwords work only for its designated emergency admin.
        </Text>
      ) : (
        <Divider label="or use your password" labelPosition="center" />
      )}
    </>
  );
}

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

export function SsoErrorAlert({ reason }: { reason: string | undefined }) {
  if (!reason) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Company sign-in did not work">
      {reasons[reason] ??
        'Your identity provider’s answer could not be trusted, so you were not signed in. Try again, or ask your admin to check the connection.'}
    </Alert>
  );
}
