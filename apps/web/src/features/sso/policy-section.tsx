import { Alert, Button, Card, Group, Select, Switch, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { ssoPolicyQueryOptions, useUpdateSsoPolicy } from '../../api/sso';
import { usersQueryOptions } from '../../api/users';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useSession } from '../auth/session';

/** "SSO required" for the signed-in admin's organization, with the vendor's break-glass admin. */
export function PolicySection() {
  const policy = useQuery(ssoPolicyQueryOptions);
  if (policy.isPending) return <LoadingState label="Loading the policy…" />;
  if (policy.isError) return <ErrorAlert error={policy.error} />;
  // Keyed by version: a saved change starts the form from what the server now holds.
  return <PolicyForm key={policy.data.version} policy={policy.data} />;
}

function PolicyForm({
  policy,
}: {
  policy: { ssoRequired: boolean; breakGlassUserId: string | null; version: number };
}) {
  const session = useSession();
  const isVendor = session.organization.kind === 'vendor';
  const admins = useQuery({
    ...usersQueryOptions({ organizationId: session.organization.id, role: 'admin', status: 'active' }),
    enabled: isVendor,
  });
  const update = useUpdateSsoPolicy();
  const [required, setRequired] = useState(policy.ssoRequired);
  const [breakGlass, setBreakGlass] = useState<string | null>(policy.breakGlassUserId);
  const adminOptions = (admins.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.name} (${u.email})`,
  }));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sso-policy">
      <Title order={2} size="h4" id="sso-policy">
        Require SSO
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        When on, your people can no longer sign in with a password: they use your identity provider.
        {isVendor && ' One vendor admin you name keeps password sign-in (with MFA) for when the IdP is down.'}
      </Text>
      <Switch
        label="Password sign-in is refused; sign in with SSO"
        checked={required}
        onChange={(e) => setRequired(e.currentTarget.checked)}
      />
      {isVendor && (
        <Select
          mt="sm"
          label="Break-glass admin"
          placeholder="Choose a vendor admin"
          data={adminOptions}
          value={breakGlass}
          onChange={setBreakGlass}
          clearable
        />
      )}
      {update.error && (
        <Alert color="red" role="alert" mt="sm">
          {errorMessage(update.error)}
        </Alert>
      )}
      <Group justify="flex-end" mt="sm">
        <Button
          loading={update.isPending}
          onClick={() =>
            update.mutate({
              ssoRequired: required,
              version: policy.version || undefined,
              ...(isVendor ? { breakGlassUserId: breakGlass } : {}),
            })
          }
        >
          Save
        </Button>
      </Group>
    </Card>
  );
}
