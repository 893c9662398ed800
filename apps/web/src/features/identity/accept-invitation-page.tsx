import { Alert, Button, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { MfaChallenge } from '../../api/mfa';
import { ApiError, errorMessage, isApiError } from '../../api/client';
import {
  type InvitationPreview,
  invitationPreviewQueryOptions,
  useAcceptInvitation,
} from '../../api/identity';
import { formatDate } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { LoadingState } from '../../components/query-state';
import { roleLabels } from '../../components/roles';
import { homePath } from '../auth/session';
import { MfaSignInStep } from '../security/mfa-sign-in-step';
import { checkNewPassword, NewPasswordFields, type NewPasswordValues } from './password-fields';
import { PublicFrame } from './public-frame';
import { useBrand, useBrandTitle } from '../brand/brand-mark';

/** The page an emailed invitation link opens: what it is for, then a name and password to join. */
export function AcceptInvitationPage({ token }: { token: string }) {
  useBrandTitle('Accept your invitation');
  const preview = useQuery(invitationPreviewQueryOptions(token));

  if (preview.isPending) {
    return (
      <PublicFrame title="Accept your invitation">
        <LoadingState label="Checking your invitation…" />
      </PublicFrame>
    );
  }
  if (preview.isError) {
    // 404: a forged or mistyped link; 422: a real one that is spent, with the server's sentence why.
    const forged = isApiError(preview.error, 404);
    return (
      <PublicFrame title="This invitation cannot be used">
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {forged
            ? 'This invitation link is not valid. Check that you opened the whole link from the email.'
            : errorMessage(preview.error)}
        </Alert>
        <Text size="sm">
          Already have an account? <AnchorLink to="/login">Sign in</AnchorLink>
        </Text>
      </PublicFrame>
    );
  }
  return (
    <PublicFrame title={`Join ${preview.data.organizationName}`}>
      <AcceptForm token={token} invitation={preview.data} />
    </PublicFrame>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const brand = useBrand();
  const navigate = useNavigate();
  const accept = useAcceptInvitation(token);
  const [name, setName] = useState('');
  const [passwords, setPasswords] = useState<NewPasswordValues>({ password: '', confirmation: '' });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // The organization requires MFA: the account exists, and a second factor is set up before any session.
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const enter = (session: Parameters<typeof homePath>[0]) =>
    void navigate({ to: homePath(session), replace: true });

  const serverErrors = accept.error instanceof ApiError ? accept.error.fieldErrors() : {};
  const errors = { ...serverErrors, ...localErrors };
  const formError =
    accept.isError && !serverErrors.name && !serverErrors.password ? errorMessage(accept.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkNewPassword(passwords);
    if (!name.trim()) found.name = 'Enter your name';
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    accept.mutate(
      { name: name.trim(), password: passwords.password },
      { onSuccess: (answer) => ('step' in answer ? setChallenge(answer) : enter(answer)) },
    );
  }

  if (challenge) {
    return (
      <MfaSignInStep
        challenge={challenge}
        onSignedIn={enter}
        // The account was created: from here on the way in is the sign-in page.
        onCancel={() => void navigate({ to: '/login', replace: true })}
        cancelLabel="Sign in later"
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Accept the invitation">
      <Stack>
        <Text size="sm">
          You were invited to join <strong>{invitation.organizationName}</strong>
          {brand?.name ? ` on ${brand.name}` : ''}. Choose your name and a password to create your account.
        </Text>
        <Table variant="vertical" withTableBorder aria-label="Invitation">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={120}>Organization</Table.Th>
              <Table.Td>{invitation.organizationName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Td>{roleLabels[invitation.role]}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Valid until</Table.Th>
              <Table.Td>{formatDate(invitation.expiresAt)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {formError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Could not accept the invitation">
            {formError}
          </Alert>
        )}
        {/* Fixed by the invitation; here so password managers save the new password for this address. */}
        <TextInput label="Email" autoComplete="username" value={invitation.email} readOnly />
        <TextInput
          label="Your name"
          autoComplete="name"
          required
          autoFocus
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <NewPasswordFields
          label="Password"
          values={passwords}
          onChange={setPasswords}
          errors={{ password: errors.password, confirmation: errors.confirmation }}
        />
        <Button type="submit" loading={accept.isPending} fullWidth>
          Accept and sign in
        </Button>
      </Stack>
    </form>
  );
}
