import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isStaleVersion } from '../../api/client';
import {
  type OrganizationSecurity,
  organizationSecurityQueryOptions,
  useResetFactors,
  useSetMfaPolicy,
} from '../../api/mfa';
import { roleLabels } from '../../components/roles';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useSession } from '../auth/session';
import { SignInSetupCard } from './sign-in-setup-card';
import { UnseenHeader } from '../../components/unseen-header';
import { useBrandTitle } from '../brand/brand-mark';

/**
 * An organization's security page, as cards: its MFA policy, and its people with their factors.
 * On the administrator's own organization, a third card leads to single sign-on and SCIM provisioning.
 */
export function OrganizationSecurityPage({ organizationId }: { organizationId: string }) {
  const security = useQuery(organizationSecurityQueryOptions(organizationId));
  const own = useSession().organization.id === organizationId;
  useBrandTitle(`Security${security.data ? ` · ${security.data.organizationName}` : ''}`);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Security</Title>
        <Text c="dimmed">
          {security.data ? `How people of ${security.data.organizationName} sign in.` : 'How people sign in.'}
        </Text>
      </div>
      {security.isPending ? (
        <LoadingState label="Loading security settings…" />
      ) : security.isError ? (
        <ErrorAlert error={security.error} title="The security settings could not be loaded" />
      ) : (
        <SimpleGrid cols={{ base: 1 }} spacing="lg">
          <MfaPolicyCard security={security.data} />
          <PeopleFactorsCard security={security.data} />
          {own && <SignInSetupCard />}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function MfaPolicyCard({ security }: { security: OrganizationSecurity }) {
  const setPolicy = useSetMfaPolicy(security.organizationId);
  const withoutFactor = security.people.filter(
    (p) => p.status === 'active' && !p.totp && p.passkeys === 0,
  ).length;
  return (
    <Card withBorder component="section" aria-labelledby="mfa-policy-title">
      <Stack>
        <Title order={2} size="h3" id="mfa-policy-title">
          Multi-factor authentication
        </Title>
        {setPolicy.isError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert" title="The policy was not changed">
            {isStaleVersion(setPolicy.error)
              ? 'Someone changed this policy first; it shows their choice now.'
              : errorMessage(setPolicy.error)}
          </Alert>
        )}
        <Switch
          label="Require a second factor to sign in"
          description="People without one set up an authenticator app or a passkey at their next sign-in, before anything else."
          checked={security.mfaRequired}
          disabled={setPolicy.isPending}
          onChange={(e) =>
            setPolicy.mutate(
              { required: e.currentTarget.checked, version: security.version },
              {
                onSuccess: (s) =>
                  notifications.show({
                    color: 'green',
                    message: s.mfaRequired
                      ? 'A second factor is now required.'
                      : 'A second factor is now optional.',
                  }),
              },
            )
          }
        />
        <Switch
          label="Also ask for a second factor after single sign-on"
          description="Off: a sign-in through your identity provider relies on its own MFA. On: people also prove a factor held here (those with none set one up)."
          checked={security.mfaAfterSso}
          disabled={setPolicy.isPending}
          onChange={(e) =>
            setPolicy.mutate(
              {
                required: security.mfaRequired,
                afterSso: e.currentTarget.checked,
                version: security.version,
              },
              {
                onSuccess: (s) =>
                  notifications.show({
                    color: 'green',
                    message: s.mfaAfterSso
                      ? 'A second factor is now also asked after single sign-on.'
                      : "Single sign-on now relies on the identity provider's MFA.",
                  }),
              },
            )
          }
        />
        <Text size="sm" c="dimmed">
          {withoutFactor === 0
            ? 'Everyone active has a second factor.'
            : `${withoutFactor} active ${withoutFactor === 1 ? 'person has' : 'people have'} no second factor yet.`}
        </Text>
      </Stack>
    </Card>
  );
}

function PeopleFactorsCard({ security }: { security: OrganizationSecurity }) {
  const reset = useResetFactors(security.organizationId);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="people-factors-title">
      <Stack>
        <div>
          <Title order={2} size="h3" id="people-factors-title">
            People and their factors
          </Title>
          <Text size="sm" c="dimmed">
            Reset a person who lost their phone or passkeys: their factors and recovery codes are removed,
            they are told by e-mail, and they set up new ones.
          </Text>
        </div>
        {reset.isError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert" title="The factors were not reset">
            {errorMessage(reset.error)}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="People and their factors" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Factors</Table.Th>
                <Table.Th>Recovery codes</Table.Th>
                <UnseenHeader>Actions</UnseenHeader>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {security.people.map((p) => {
                const has = p.totp || p.passkeys > 0;
                return (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Text size="sm">{p.name}</Text>
                      <Text size="xs" c="dimmed">
                        {p.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{roleLabels[p.role]}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {p.totp && <Badge variant="light">Authenticator app</Badge>}
                        {p.passkeys > 0 && (
                          <Badge variant="light">
                            {p.passkeys} passkey{p.passkeys === 1 ? '' : 's'}
                          </Badge>
                        )}
                        {!has && (
                          <Badge color="gray" variant="outline">
                            None
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{has ? `${p.recoveryCodesRemaining} left` : '—'}</Table.Td>
                    <Table.Td>
                      {has &&
                        (confirming === p.id ? (
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="xs"
                              color="red"
                              loading={reset.isPending}
                              onClick={() =>
                                reset.mutate(p.id, {
                                  onSuccess: () => {
                                    setConfirming(null);
                                    notifications.show({
                                      color: 'green',
                                      message: `${p.name}'s factors were reset.`,
                                    });
                                  },
                                })
                              }
                            >
                              Confirm reset
                            </Button>
                            <Button size="xs" variant="default" onClick={() => setConfirming(null)}>
                              Cancel
                            </Button>
                          </Group>
                        ) : (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            aria-label={`Reset the factors of ${p.name}`}
                            onClick={() => setConfirming(p.id)}
                          >
                            Reset factors
                          </Button>
                        ))}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
