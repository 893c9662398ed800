import { Alert, Anchor, Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { confirmTotpBody, passkeyName, recoveryCode } from '@partnergraph/shared/contracts/mfa';
import { IconAlertCircle, IconFingerprint } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import { ApiError, errorMessage } from '../../api/client';
import {
  type MfaChallenge,
  type SignedIn,
  usePasskeyEnrollForSignIn,
  useSecondStep,
  useTotpSetupForSignIn,
} from '../../api/mfa';
import { showServerErrors, useContractForm } from '../../components/forms';
import { RecoveryCodesReveal } from './recovery-codes-reveal';
import { TotpSecret } from './totp-secret';

type Method = MfaChallenge['methods'][number];
const methodLabels: Record<Method, string> = {
  totp: 'Authenticator app',
  passkey: 'Passkey',
  recovery_code: 'Recovery code',
};
const recoveryForm = z.object({ code: recoveryCode });
const newPasskeyForm = z.object({ name: passkeyName });
/** Either factor can be the first one; an app is offered first, as most people have a phone at hand. */
const enrollMethods: Method[] = ['totp', 'passkey'];

function stepErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds) {
    const minutes = Math.ceil(error.retryAfterSeconds / 60);
    return `Too many wrong codes. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
  if (error instanceof DOMException && error.name === 'NotAllowedError') {
    return 'The passkey request was cancelled or timed out. Try again.';
  }
  return errorMessage(error);
}

/**
 * The second step of signing in, after a right password (or an accepted invitation, or single sign-on
 * where the organization asks for it): prove a factor (code, passkey or recovery code) — or, when the
 * organization requires MFA and the person has none, set up an authenticator app or a passkey.
 */
export function MfaSignInStep({
  challenge,
  onSignedIn,
  onCancel,
  cancelLabel = 'Back to the password',
}: {
  challenge: MfaChallenge;
  onSignedIn: (session: SignedIn) => void;
  onCancel: () => void;
  cancelLabel?: string;
}) {
  const enrolling = challenge.step === 'mfa_enroll';
  const methods: Method[] = enrolling ? enrollMethods : challenge.methods;
  const [method, setMethod] = useState<Method>(methods[0] ?? 'recovery_code');
  const [done, setDone] = useState<SignedIn | null>(null);
  const second = useSecondStep();
  const setup = useTotpSetupForSignIn();
  const enrollPasskey = usePasskeyEnrollForSignIn();
  const passkeyForm = useContractForm(newPasskeyForm, { name: 'Passkey' });
  const codeForm = useContractForm(confirmTotpBody, { code: '' });
  const recovery = useContractForm(recoveryForm, { code: '' });
  const [alert, setAlert] = useState<string | null>(null);

  const finish = (session: SignedIn) =>
    session.recoveryCodes?.length ? setDone(session) : onSignedIn(session);
  const failed = (form: Parameters<typeof showServerErrors>[0]) => (error: unknown) =>
    setAlert(
      error instanceof ApiError && error.status === 400
        ? showServerErrors(form, error)
        : stepErrorMessage(error),
    );

  if (done?.recoveryCodes) {
    // On the sign-in page this is the whole screen: it names itself as any screen does.
    return (
      <Stack>
        <Title order={1} size="h2">
          Your recovery codes
        </Title>
        <RecoveryCodesReveal codes={done.recoveryCodes} onDone={() => onSignedIn(done)} />
      </Stack>
    );
  }

  return (
    <Stack>
      <div>
        <Title order={1} size="h2">
          {enrolling ? 'Set up a second factor' : 'Verify it is you'}
        </Title>
        <Text c="dimmed" size="sm">
          {enrolling
            ? 'Your organization requires a second factor to sign in. Set up an authenticator app or a passkey to continue.'
            : 'Your account is protected with a second factor.'}
        </Text>
      </div>
      {alert && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Not signed in yet">
          {alert}
        </Alert>
      )}
      {methods.length > 1 && (
        <SegmentedControl
          fullWidth
          aria-label="How to verify"
          value={method}
          onChange={(value) => {
            setAlert(null);
            setMethod(value as Method);
          }}
          data={methods.map((m) => ({ value: m, label: methodLabels[m] }))}
        />
      )}
      {enrolling && method === 'totp' && !setup.data && (
        <Button
          loading={setup.isPending}
          onClick={() => setup.mutate(challenge.token, { onError: (e) => setAlert(stepErrorMessage(e)) })}
        >
          Set up an authenticator app
        </Button>
      )}
      {enrolling && method === 'totp' && setup.data && (
        <TotpSecret secret={setup.data.secret} uri={setup.data.uri} />
      )}
      {method === 'totp' && (!enrolling || setup.data) && (
        <form
          noValidate
          onSubmit={codeForm.onSubmit(({ code }) =>
            second.mutate(
              { method: 'totp', token: challenge.token, code },
              { onSuccess: finish, onError: failed(codeForm) },
            ),
          )}
        >
          <Stack>
            <TextInput
              label="Code from your authenticator app"
              inputMode="numeric"
              autoComplete="one-time-code"
              autoFocus
              maxLength={6}
              {...codeForm.getInputProps('code')}
            />
            <Button type="submit" loading={second.isPending} fullWidth>
              {enrolling ? 'Confirm and sign in' : 'Verify'}
            </Button>
          </Stack>
        </form>
      )}
      {enrolling && method === 'passkey' && (
        <form
          noValidate
          onSubmit={passkeyForm.onSubmit(({ name }) =>
            enrollPasskey.mutate(
              { token: challenge.token, name },
              { onSuccess: finish, onError: failed(passkeyForm) },
            ),
          )}
        >
          <Stack>
            <Text size="sm">
              Your browser, phone or security key creates a passkey for this account; it then signs you in
              here, and can also sign you in without a password.
            </Text>
            <TextInput
              label="Passkey name"
              description="To tell your passkeys apart later, e.g. Work laptop."
              {...passkeyForm.getInputProps('name')}
            />
            <Button
              type="submit"
              leftSection={<IconFingerprint size={18} />}
              loading={enrollPasskey.isPending}
              fullWidth
            >
              Create a passkey and sign in
            </Button>
          </Stack>
        </form>
      )}
      {!enrolling && method === 'passkey' && (
        <Button
          leftSection={<IconFingerprint size={18} />}
          loading={second.isPending}
          onClick={() =>
            second.mutate(
              { method: 'passkey', token: challenge.token },
              { onSuccess: finish, onError: (e) => setAlert(stepErrorMessage(e)) },
            )
          }
        >
          Use a passkey
        </Button>
      )}
      {method === 'recovery_code' && (
        <form
          noValidate
          onSubmit={recovery.onSubmit(({ code }) =>
            second.mutate(
              { method: 'recovery_code', token: challenge.token, code },
              { onSuccess: finish, onError: failed(recovery) },
            ),
          )}
        >
          <Stack>
            <TextInput
              label="Recovery code"
              description="One of the codes you saved when you set up your second factor; each works once."
              autoComplete="off"
              autoFocus
              {...recovery.getInputProps('code')}
            />
            <Button type="submit" loading={second.isPending} fullWidth>
              Verify
            </Button>
          </Stack>
        </form>
      )}
      <Group justify="center">
        <Anchor component="button" type="button" size="sm" onClick={onCancel}>
          {cancelLabel}
        </Anchor>
      </Group>
    </Stack>
  );
}
