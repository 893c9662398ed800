import { Alert } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { call, http } from '../../api/client';

// The sign-in screen's SSO parts: the email-first "Continue with your company's sign-in", and what a
// refused SSO sign-in (`/login?ssoError=<reason>`) means, in words a person can act on.

// The button and its divider appear only once the typed address turns out to sign in through SSO: their code
// is fetched then, not by everyone who opens the sign-in page.
const SsoContinue = lazy(() => import('./sso-continue').then((m) => ({ default: m.SsoContinue })));

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
    <Suspense fallback={null}>
      <SsoContinue href={href} required={answer.required} />
    </Suspense>
  );
}

export function SsoErrorAlert({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Company sign-in did not work">
      {message}
    </Alert>
  );
}
