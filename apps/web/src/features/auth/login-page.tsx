import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, lazy, Suspense, useEffect, useState } from 'react';
import { useLogin } from '../../api/auth';
import { ApiError, errorMessage } from '../../api/client';
import type { MfaChallenge } from '../../api/mfa';
import { usePendingSignIn } from '../../api/mfa-sign-in';
import { ForgotPasswordLink, SignInNoticeAlert, type SignInNoticeText } from '../identity/sign-in-extras';
import { SsoErrorAlert, SsoSignInOption } from '../sso/sso-sign-in';
import { FindPartnerLink } from '../marketplace/find-partner-link';
import { BecomePartnerLink } from '../programs/applications/become-partner-link';
import { PasskeySignInButton } from '../security/passkey-sign-in-button';
import { LoadingState } from '../../components/query-state';
import { homePath } from './session';
import { BrandMark, PoweredBy, SupportContact, useBrandTitle } from '../brand/brand-mark';

// The second-factor step (its forms and their validation) is fetched only by people who have one: the
// request starts with the password's submission, so it is usually there before the server answers.
const loadMfaStep = () => import('../security/mfa-sign-in-step');
const MfaSignInStep = lazy(() => loadMfaStep().then((m) => ({ default: m.MfaSignInStep })));

function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds) {
    const minutes = Math.ceil(error.retryAfterSeconds / 60);
    return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
  return errorMessage(error);
}

/**
 * After single sign-on, where the organization also asks for a second factor here, the server sends
 * the browser to `/login#mfa=<pending token>`: the fragment reaches no server and no Referer. The
 * token is read once and wiped from the address bar, and its step fetched.
 */
function useHandedOverChallenge(show: (challenge: MfaChallenge) => void) {
  const pending = usePendingSignIn();
  const { mutate } = pending;
  useEffect(() => {
    const token = new URLSearchParams(window.location.hash.slice(1)).get('mfa');
    if (!token) return;
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    mutate(token, { onSuccess: show });
  }, [mutate, show]);
  return pending;
}

/**
 * `ssoError`: the sentence saying why single sign-on sent the person back here; `notice`: what the page
 * that sent them here has to say (both from the route's loader, when the address carries them).
 */
export function LoginPage({
  redirectTo,
  ssoError,
  notice,
}: {
  redirectTo?: string | undefined;
  ssoError?: string | undefined;
  notice?: SignInNoticeText | undefined;
}) {
  useBrandTitle('Sign in');
  const navigate = useNavigate();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  // A right password of a person with a second factor: the MFA step comes before any session.
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const handedOver = useHandedOverChallenge(setChallenge);
  const enter = (session: Parameters<typeof homePath>[0]) =>
    void navigate({ href: redirectTo ?? homePath(session), replace: true });
  const missingEmail = submitted && !email.trim() ? 'Enter your email' : undefined;
  const missingPassword = submitted && !password ? 'Enter your password' : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!email.trim() || !password) return;
    void loadMfaStep();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: (answer) => ('step' in answer ? setChallenge(answer) : enter(answer)) },
    );
  }

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={420}>
        {challenge ? (
          <Suspense
            fallback={
              // The second step's screen is fetched when it is needed; meanwhile the page still names itself.
              <Stack>
                <Title order={1} size="h2">
                  Sign in
                </Title>
                <LoadingState label="Loading…" />
              </Stack>
            }
          >
            <MfaSignInStep
              challenge={challenge}
              onSignedIn={enter}
              onCancel={() => {
                setChallenge(null);
                setPassword('');
              }}
            />
          </Suspense>
        ) : (
          <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
            <Stack>
              <div>
                <BrandMark size="md" />
                <Title order={1} id="sign-in-title" size="h2">
                  Sign in
                </Title>
              </div>
              <SignInNoticeAlert notice={notice} />
              <SsoErrorAlert message={ssoError} />
              {handedOver.isError && (
                <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Could not sign in">
                  {errorMessage(handedOver.error)}
                </Alert>
              )}
              {login.isError && (
                <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Could not sign in">
                  {loginErrorMessage(login.error)}
                </Alert>
              )}
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                error={missingEmail}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <SsoSignInOption email={email} redirectTo={redirectTo} />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                required
                value={password}
                error={missingPassword}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <ForgotPasswordLink />
              <Button type="submit" loading={login.isPending} fullWidth>
                Sign in
              </Button>
              <PasskeySignInButton onSignedIn={enter} />
            </Stack>
          </form>
        )}
        <BecomePartnerLink />
        <FindPartnerLink />
        <Stack gap={4} mt="md">
          <SupportContact />
          <PoweredBy />
        </Stack>
      </Paper>
    </Center>
  );
}
