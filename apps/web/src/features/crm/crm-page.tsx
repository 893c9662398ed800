import {
  Alert,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  crmConnectionsQueryOptions,
  crmReviewQueryOptions,
  type CrmConnection,
  useFinishCrmOAuth,
  useResolveCrmLink,
} from '../../api/crm';
import { formatDateTime } from '../../components/dates';
import { AnchorLink, ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { connectForms } from './connect-forms';
import { useBrandTitle } from '../brand/brand-mark';

export function StatusBadge({ connection }: { connection: Pick<CrmConnection, 'status' | 'paused'> }) {
  if (connection.status === 'needs_reconnect') return <Badge color="red">Needs reconnecting</Badge>;
  if (connection.status === 'pending') return <Badge color="gray">Waiting for the grant</Badge>;
  return connection.paused ? <Badge color="yellow">Paused</Badge> : <Badge color="green">Active</Badge>;
}

/** Settings → CRM: the connections, a connect form per CRM kind, and the review queue. */
export function CrmPage() {
  useBrandTitle('CRM');
  const connections = useQuery(crmConnectionsQueryOptions);
  const kinds = Object.entries(connectForms);
  const [kind, setKind] = useState(kinds[0]?.[0] ?? 'salesforce');
  const Form = connectForms[kind as keyof typeof connectForms]?.Form;
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <AnchorLink to="/settings">Settings</AnchorLink>
        <Text size="sm">CRM</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>CRM</Title>
        <Text c="dimmed" size="sm" maw={720}>
          Two-way sync with your CRM: partners with accounts, deals with opportunities. Approved registrations
          become opportunities with their partners; won, lost, amount and close-date changes come back.
        </Text>
      </div>
      {connections.isPending ? (
        <LoadingState label="Loading connections…" />
      ) : connections.isError ? (
        <ErrorAlert error={connections.error} title="The connections could not be loaded" />
      ) : connections.data.length > 0 ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Connection</Table.Th>
              <Table.Th>Org</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last run</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {connections.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <AnchorLink to="/settings/crm/$connectionId" params={{ connectionId: c.id }}>
                    {c.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{c.remoteName ?? '—'}</Table.Td>
                <Table.Td>
                  <StatusBadge connection={c} />
                </Table.Td>
                <Table.Td>{c.lastRunAt ? formatDateTime(c.lastRunAt) : 'Never'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Card withBorder padding="lg" component="section" aria-labelledby="crm-connect">
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4" id="crm-connect">
              Connect a CRM
            </Title>
            <Select
              aria-label="CRM"
              value={kind}
              onChange={(v) => v && setKind(v)}
              data={kinds.map(([value, f]) => ({ value, label: f.label }))}
              allowDeselect={false}
              w={200}
            />
          </Group>
          {Form && <Form />}
        </Stack>
      </Card>
      <ReviewQueue />
    </Stack>
  );
}

/** Remote accounts the matcher would not link alone: a person picks the partner, or none. */
function ReviewQueue() {
  const queue = useQuery(crmReviewQueryOptions);
  const resolve = useResolveCrmLink();
  if (queue.isPending || queue.isError || queue.data.items.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="crm-review">
      <Title order={2} size="h4" id="crm-review">
        Review queue
      </Title>
      <Text size="sm" c="dimmed">
        These CRM accounts match more than one partner. Choose which partner each one is.
      </Text>
      {resolve.isError && <Alert color="red">{errorMessage(resolve.error)}</Alert>}
      <Table mt="sm">
        <Table.Tbody>
          {queue.data.items.map((link) => (
            <Table.Tr key={link.id}>
              <Table.Td>
                <Text fw={600}>{link.remoteName ?? link.remoteId}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {link.candidates.map((c) => (
                    <Button
                      key={c.id}
                      size="xs"
                      variant="light"
                      onClick={() => resolve.mutate({ id: link.id, localId: c.id })}
                    >
                      Link to {c.name} ({c.reason})
                    </Button>
                  ))}
                  <Button
                    size="xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => resolve.mutate({ id: link.id, localId: null })}
                  >
                    Not a partner
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** Where the CRM sends the person back with a code: trade it for tokens, then open the connection. */
export function CrmCallbackPage({ code, state, error }: { code?: string; state?: string; error?: string }) {
  useBrandTitle('Connecting…');
  const finish = useFinishCrmOAuth();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !code || !state) return;
    sent.current = true;
    finish.mutate({ code, state });
  }, [code, state, finish]);
  const problem =
    error ??
    (finish.isError ? errorMessage(finish.error) : !code || !state ? 'The CRM sent no grant back.' : null);
  return (
    <Stack>
      <Title order={1}>Connecting your CRM</Title>
      {problem ? (
        <Alert color="red" role="alert" title="The connection was not made">
          {problem}
        </Alert>
      ) : finish.isSuccess ? (
        <Alert color="green" title={`Connected to ${finish.data.remoteName ?? 'your CRM'}`}>
          <ButtonLink to="/settings/crm/$connectionId" params={{ connectionId: finish.data.id }} mt="sm">
            Open the connection
          </ButtonLink>
        </Alert>
      ) : (
        <LoadingState label="Finishing the connection…" />
      )}
      <AnchorLink to="/settings/crm">Back to CRM settings</AnchorLink>
    </Stack>
  );
}
