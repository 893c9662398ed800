import { Alert, Badge, Button, Card, Group, List, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  ssoConnectionsQueryOptions,
  useApproveSsoConnection,
  useDisableSsoConnection,
  useTestSsoConnection,
  type SsoConnection,
} from '../../api/sso';
import { CopyableCode } from '../../components/copyable-code';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useSession } from '../auth/session';
import { ConnectionForm } from './connection-form';

const statusLabel: Record<SsoConnection['status'], [string, string]> = {
  active: ['Active', 'teal'],
  pending_approval: ['Waiting for the vendor admin', 'yellow'],
  disabled: ['Disabled', 'gray'],
};

export function ConnectionsSection() {
  const connections = useQuery(ssoConnectionsQueryOptions);
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sso-connections">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="sso-connections">
          Identity providers
        </Title>
        <Button onClick={open}>Connect an identity provider</Button>
      </Group>
      {connections.isPending && <LoadingState label="Loading connections…" />}
      {connections.isError && <ErrorAlert error={connections.error} />}
      {connections.data?.length === 0 && <Text c="dimmed">No identity provider is connected yet.</Text>}
      <Stack>
        {connections.data?.map((c) => (
          <ConnectionCard key={c.id} connection={c} />
        ))}
      </Stack>
      <Modal opened={creating} onClose={close} title="Connect an identity provider" size="lg">
        <ConnectionForm onDone={close} />
      </Modal>
    </Card>
  );
}

function ConnectionCard({ connection: c }: { connection: SsoConnection }) {
  const session = useSession();
  const approve = useApproveSsoConnection();
  const disable = useDisableSsoConnection();
  const test = useTestSsoConnection();
  const [label, color] = statusLabel[c.status];
  const isVendorAdmin = session.organization.kind === 'vendor' && session.user.role === 'admin';
  const [shownTest, setShownTest] = useState(false);
  return (
    <Card withBorder padding="md" aria-label={`Connection ${c.name}`}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600}>{c.name}</Text>
          <Text size="sm" c="dimmed">
            {c.protocol.toUpperCase()} · {c.organizationName}
          </Text>
        </div>
        <Badge color={color}>{label}</Badge>
      </Group>
      <Table mt="sm" withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {c.oidc && (
            <>
              <Row label="Issuer" value={c.oidc.issuer} />
              <Row label="Client id" value={c.oidc.clientId} />
              <Row label="Scopes" value={c.oidc.scopes} />
            </>
          )}
          {c.saml && (
            <>
              <Row label="IdP entity id" value={c.saml.idpEntityId} />
              <Row label="IdP sign-in URL" value={c.saml.idpSsoUrl} />
              <Row label="IdP-initiated sign-in" value={c.saml.allowIdpInitiated ? 'Allowed' : 'Refused'} />
            </>
          )}
          <Row
            label="Roles"
            value={`${c.roleMapping.attribute}: ${
              c.roleMapping.rules.map((r) => `${r.value} → ${r.role}`).join(', ') || 'no rules'
            }; otherwise ${c.roleMapping.defaultRole}`}
          />
        </Table.Tbody>
      </Table>
      <Stack gap="xs" mt="sm">
        <Text size="sm" fw={500}>
          Give your IdP these values
        </Text>
        {c.oidc && (
          <CopyableCode value={c.oidc.redirectUri} label="Redirect URI" copyLabel="Copy the redirect URI" />
        )}
        {c.saml && (
          <>
            <CopyableCode value={c.saml.acsUrl} label="ACS URL" copyLabel="Copy the ACS URL" />
            <CopyableCode value={c.saml.spEntityId} label="SP entity id" copyLabel="Copy the entity id" />
            <Button
              component="a"
              href={c.saml.metadataUrl}
              download
              variant="subtle"
              size="xs"
              w="fit-content"
            >
              Download our SAML metadata
            </Button>
          </>
        )}
      </Stack>
      {(approve.error || disable.error || test.error) && (
        <Alert color="red" role="alert" mt="sm">
          {errorMessage(approve.error ?? disable.error ?? test.error)}
        </Alert>
      )}
      {shownTest && test.data && (
        <Alert
          color={test.data.ok ? 'teal' : 'yellow'}
          mt="sm"
          title={test.data.ok ? 'The connection works' : 'Check these'}
        >
          <List size="sm">
            {test.data.checks.map((check) => (
              <List.Item key={check.name}>
                {check.ok ? '✓' : '✗'} {check.detail}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group mt="sm">
        <Button
          variant="light"
          loading={test.isPending}
          onClick={() => {
            setShownTest(true);
            test.mutate(c.id);
          }}
        >
          Test connection
        </Button>
        {isVendorAdmin && c.status !== 'active' && (
          <Button
            loading={approve.isPending}
            onClick={() => approve.mutate({ id: c.id, version: c.version })}
          >
            {c.status === 'disabled' ? 'Turn on again' : 'Approve'}
          </Button>
        )}
        {c.status !== 'disabled' && (
          <Button
            variant="default"
            color="red"
            loading={disable.isPending}
            onClick={() => disable.mutate({ id: c.id, version: c.version })}
          >
            Disable
          </Button>
        )}
      </Group>
    </Card>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Td w={180}>
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {value}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
