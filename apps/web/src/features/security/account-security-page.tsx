import { Alert, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { addPasskeyBody, confirmTotpBody } from '@partnergraph/shared/contracts/mfa';
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { IconAlertCircle, IconShieldLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  myMfaQueryOptions,
  useAddPasskey,
  useBeginTotp,
  useConfirmTotp,
  useRegenerateRecoveryCodes,
  useRemoveTotp,
} from '../../api/mfa';
import { formatDateTime } from '../../components/dates';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { PasskeyRow } from './passkey-row';
import { RecoveryCodesReveal } from './recovery-codes-reveal';
import { TotpSecret } from './totp-secret';
import { UnseenHeader } from '../../components/unseen-header';
import { useBrandTitle } from '../brand/brand-mark';

const passkeyNameForm = addPasskeyBody.pick({ name: true });

/** The person's own sign-in factors: authenticator app, passkeys, recovery codes. */
export function AccountSecurityPage() {
  useBrandTitle('Security');
  const mine = useQuery(myMfaQueryOptions);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const regenerate = useRegenerateRecoveryCodes();

  const show = (added: { recoveryCodes?: string[] | undefined }) => {
    if (added.recoveryCodes) setCodes(added.recoveryCodes);
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Security</Title>
        <Text c="dimmed">
          A second factor keeps your account safe even if your password leaks. Every change here is e-mailed
          to you.
        </Text>
      </div>
      {failure && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert" title="That did not work">
          {failure}
        </Alert>
      )}
      {codes && <RecoveryCodesReveal codes={codes} onDone={() => setCodes(null)} />}
      {mine.isPending ? (
        <LoadingState label="Loading your sign-in factors…" />
      ) : mine.isError ? (
        <ErrorAlert error={mine.error} title="Your sign-in factors could not be loaded" />
      ) : (
        <>
          {mine.data.required && (
            <Alert color="blue" icon={<IconShieldLock />} title="Required by your organization">
              Your organization requires a second factor: you can replace yours, but not remove the last one.
            </Alert>
          )}
          <Card withBorder component="section" aria-labelledby="passkeys-title">
            <Stack>
              <div>
                <Title order={2} size="h3" id="passkeys-title">
                  Passkeys
                </Title>
                <Text size="sm" c="dimmed">
                  Sign in with your fingerprint, face, screen lock or a security key — with or without your
                  password.
                </Text>
              </div>
              {mine.data.passkeys.length > 0 && (
                <Table aria-label="Your passkeys" verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Added</Table.Th>
                      <Table.Th>Last used</Table.Th>
                      <UnseenHeader>Actions</UnseenHeader>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {mine.data.passkeys.map((p) => (
                      <PasskeyRow key={p.id} passkey={p} onError={(e) => setFailure(errorMessage(e))} />
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              <AddPasskeyForm onAdded={show} onError={(e) => setFailure(errorMessage(e))} />
            </Stack>
          </Card>
          <Card withBorder component="section" aria-labelledby="totp-title">
            <Stack>
              <Group justify="space-between">
                <Title order={2} size="h3" id="totp-title">
                  Authenticator app
                </Title>
                {mine.data.totp?.confirmedAt && (
                  <Badge color="green">On since {formatDateTime(mine.data.totp.confirmedAt)}</Badge>
                )}
              </Group>
              <TotpCard
                confirmed={Boolean(mine.data.totp?.confirmedAt)}
                onAdded={show}
                onError={(e) => setFailure(errorMessage(e))}
              />
            </Stack>
          </Card>
          <Card withBorder component="section" aria-labelledby="recovery-title">
            <Stack>
              <Title order={2} size="h3" id="recovery-title">
                Recovery codes
              </Title>
              <Text size="sm">
                {mine.data.recoveryCodes.generatedAt
                  ? `${mine.data.recoveryCodes.remaining} of 10 unused.`
                  : 'You get 10 single-use codes when you add your first factor.'}
              </Text>
              {(mine.data.totp?.confirmedAt || mine.data.passkeys.length > 0) && (
                <Group>
                  <Button
                    variant="default"
                    loading={regenerate.isPending}
                    onClick={() =>
                      regenerate.mutate(undefined, {
                        onSuccess: (r) => setCodes(r.codes),
                        onError: (e) => setFailure(errorMessage(e)),
                      })
                    }
                  >
                    Generate new recovery codes
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        </>
      )}
    </Stack>
  );
}

function AddPasskeyForm({
  onAdded,
  onError,
}: {
  onAdded: (r: { recoveryCodes?: string[] | undefined }) => void;
  onError: (e: unknown) => void;
}) {
  const add = useAddPasskey();
  const form = useContractForm(passkeyNameForm, { name: '' });
  if (!browserSupportsWebAuthn()) return <Text size="sm">This browser cannot create passkeys.</Text>;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ name }) =>
        add.mutate(name, {
          onSuccess: (r) => {
            form.reset();
            notifications.show({ color: 'green', message: `Passkey “${name}” added.` });
            onAdded(r);
          },
          onError: (e) => {
            const rest = showServerErrors(form, e);
            if (rest) onError(e);
          },
        }),
      )}
    >
      <Group align="flex-end">
        <TextInput label="New passkey name" placeholder="e.g. Work laptop" {...form.getInputProps('name')} />
        <Button type="submit" loading={add.isPending}>
          Add a passkey
        </Button>
      </Group>
    </form>
  );
}

function TotpCard({
  confirmed,
  onAdded,
  onError,
}: {
  confirmed: boolean;
  onAdded: (r: { recoveryCodes?: string[] | undefined }) => void;
  onError: (e: unknown) => void;
}) {
  const begin = useBeginTotp();
  const confirm = useConfirmTotp();
  const remove = useRemoveTotp();
  const form = useContractForm(confirmTotpBody, { code: '' });

  if (confirmed) {
    return (
      <Group>
        <Button
          variant="light"
          color="red"
          loading={remove.isPending}
          onClick={() => remove.mutate(undefined, { onError })}
        >
          Remove the authenticator app
        </Button>
      </Group>
    );
  }
  if (!begin.data) {
    return (
      <Group>
        <Button
          variant="default"
          loading={begin.isPending}
          onClick={() => begin.mutate(undefined, { onError })}
        >
          Set up an authenticator app
        </Button>
      </Group>
    );
  }
  return (
    <Stack>
      <TotpSecret secret={begin.data.secret} uri={begin.data.uri} />
      <form
        noValidate
        onSubmit={form.onSubmit(({ code }) =>
          confirm.mutate(code, {
            onSuccess: (r) => {
              begin.reset();
              form.reset();
              notifications.show({ color: 'green', message: 'Authenticator app set up.' });
              onAdded(r);
            },
            onError: (e) => {
              const rest = showServerErrors(form, e);
              if (rest) onError(e);
            },
          }),
        )}
      >
        <Group align="flex-end">
          <TextInput
            label="Code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={confirm.isPending}>
            Confirm
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
