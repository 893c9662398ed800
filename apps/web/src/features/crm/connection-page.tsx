import {
  Alert,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Code,
  Group,
  PasswordInput,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { reconnectCrmBody } from '@partnergraph/shared/contracts/crm';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  crmConnectionQueryOptions,
  crmRunRecordsQueryOptions,
  crmRunsQueryOptions,
  type CrmConnection,
  type CrmRun,
  useReconnectCrm,
  useRetryCrmRecords,
  useSetCrmPaused,
  useStartCrmRun,
  useTestCrm,
} from '../../api/crm';
import { formatDateTime } from '../../components/dates';
import { showServerErrors, useContractForm } from '../../components/forms';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { StatusBadge } from './crm-page';
import { MappingEditor } from './mapping-editor';
import { UnseenHeader } from '../../components/unseen-header';
import { useBrandTitle } from '../brand/brand-mark';

/** One connection: its status and grant, test, the mapping screen, runs with progress, and the sync log. */
export function ConnectionPage({ connectionId }: { connectionId: string }) {
  const connection = useQuery(crmConnectionQueryOptions(connectionId));
  // Kept here, not in the editor: a save bumps the version, which remounts the editor with the saved values.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  useBrandTitle(`${connection.data?.name ?? 'CRM connection'}`);
  if (connection.isPending) return <LoadingState label="Loading the connection…" />;
  if (connection.isError)
    return <ErrorAlert error={connection.error} title="The connection could not be loaded" />;
  const c = connection.data;
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <AnchorLink to="/settings">Settings</AnchorLink>
        <AnchorLink to="/settings/crm">CRM</AnchorLink>
        <Text size="sm">{c.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{c.name}</Title>
          <Text c="dimmed" size="sm">
            {c.remoteName ?? 'Not connected yet'} · {c.instanceUrl ?? c.loginUrl}
          </Text>
        </div>
        <StatusBadge connection={c} />
      </Group>
      <Grant connection={c} />
      {c.status === 'active' && (
        <>
          <Runs connection={c} />
          <Card withBorder padding="lg" component="section" aria-labelledby="crm-mappings">
            <Title order={2} size="h4" id="crm-mappings" mb="sm">
              Mappings
            </Title>
            <MappingEditor
              key={c.version}
              connection={c}
              savedVersion={savedVersion}
              onSaved={setSavedVersion}
            />
          </Card>
        </>
      )}
    </Stack>
  );
}

/** A HubSpot private app's token cannot be refreshed: a rotated or revoked one is replaced here. */
function TokenReconnectForm({ connection: c }: { connection: CrmConnection }) {
  const reconnect = useReconnectCrm(c.id);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useContractForm(reconnectCrmBody, { version: c.version, token: '' });
  return (
    <form
      noValidate
      aria-label="Reconnect with a new token"
      onSubmit={form.onSubmit((values) => {
        setAlert(null);
        reconnect.mutate(
          { version: c.version, token: values.token },
          { onError: (error) => setAlert(showServerErrors(form, error)) },
        );
      })}
    >
      <Stack gap="xs">
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <PasswordInput
          label="New private app access token"
          description="HubSpot → Settings → Integrations → Private apps → your app → Access token; stored sealed"
          required
          key={form.key('token')}
          {...form.getInputProps('token')}
        />
        <Group>
          <Button type="submit" loading={reconnect.isPending}>
            Reconnect
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Grant({ connection: c }: { connection: CrmConnection }) {
  const test = useTestCrm(c.id);
  const reconnect = useReconnectCrm(c.id);
  const takesToken = c.kind === 'hubspot' && c.authMethod === 'token';
  return (
    <Card withBorder padding="lg" component="section">
      <Stack gap="xs">
        {c.status === 'needs_reconnect' && (
          <Alert color="red" title="The CRM no longer accepts this connection’s grant">
            {c.statusMessage} — no sync runs until you reconnect.
          </Alert>
        )}
        {c.apiUsage && (
          <Text size="sm">
            API calls today: {c.apiUsage.used.toLocaleString()} of {c.apiUsage.max.toLocaleString()} (sync may
            use {c.budgetShare}%)
          </Text>
        )}
        {test.isSuccess && (
          <Alert color="green" title="The connection works">
            Reached {test.data.remoteName} ({test.data.remoteAccountId}).
          </Alert>
        )}
        {test.isError && <Alert color="red">{errorMessage(test.error)}</Alert>}
        {reconnect.isError && <Alert color="red">{errorMessage(reconnect.error)}</Alert>}
        {c.status !== 'active' && takesToken && <TokenReconnectForm connection={c} />}
        <Group>
          {c.status !== 'pending' && (
            <Button variant="light" loading={test.isPending} onClick={() => test.mutate()}>
              Test connection
            </Button>
          )}
          {c.status !== 'active' && !takesToken && (
            <Button
              loading={reconnect.isPending}
              onClick={() =>
                reconnect.mutate(
                  { version: c.version },
                  {
                    onSuccess: (result) => result.authorizeUrl && window.location.assign(result.authorizeUrl),
                  },
                )
              }
            >
              Reconnect
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

const statusColor: Record<CrmRun['status'], string> = {
  queued: 'gray',
  running: 'blue',
  completed: 'green',
  failed: 'red',
  deferred: 'yellow',
};
const modeLabel: Record<CrmRun['mode'], string> = { sync: 'Sync', dry_run: 'Dry run', retry: 'Retry' };

function Runs({ connection: c }: { connection: CrmConnection }) {
  const runs = useQuery(crmRunsQueryOptions(c.id));
  const start = useStartCrmRun(c.id);
  const pause = useSetCrmPaused(c.id);
  const [open, setOpen] = useState<string | null>(null);
  const items = runs.data?.items ?? [];
  const active = items.find((r) => r.status === 'running' || r.status === 'queued');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="crm-runs">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="crm-runs">
            Sync
          </Title>
          <Group gap="xs">
            <Button
              variant="light"
              onClick={() => start.mutate('dry_run')}
              loading={start.isPending && start.variables === 'dry_run'}
            >
              Dry run
            </Button>
            <Button
              onClick={() => start.mutate('sync')}
              disabled={c.paused}
              loading={start.isPending && start.variables === 'sync'}
            >
              Run sync
            </Button>
            <Button variant="default" onClick={() => start.mutate('retry')} disabled={c.paused}>
              Retry failed records
            </Button>
            <Button
              variant="subtle"
              color={c.paused ? 'green' : 'yellow'}
              loading={pause.isPending}
              onClick={() => pause.mutate({ version: c.version, paused: !c.paused })}
            >
              {c.paused ? 'Resume' : 'Pause'}
            </Button>
          </Group>
        </Group>
        {start.isError && <Alert color="red">{errorMessage(start.error)}</Alert>}
        {active && (
          <Stack gap={4}>
            <Text size="sm">
              {modeLabel[active.mode]} {active.status}: {active.phase ?? 'waiting to start'} ·{' '}
              {active.counts.recordsRead} records read
            </Text>
            <Progress value={100} animated striped aria-label="Sync in progress" />
          </Stack>
        )}
        {runs.isError ? (
          <ErrorAlert error={runs.error} title="The sync log could not be loaded" />
        ) : items.length === 0 ? (
          <Text c="dimmed" size="sm">
            No runs yet. Start with a dry run: it shows how many accounts will be linked and opportunities
            created, and changes nothing.
          </Text>
        ) : (
          <Table aria-label="Sync runs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Run</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Accounts linked</Table.Th>
                <Table.Th>For review</Table.Th>
                <Table.Th>Opportunities created</Table.Th>
                <Table.Th>Deals changed</Table.Th>
                <Table.Th>Record errors</Table.Th>
                <UnseenHeader>Actions</UnseenHeader>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    {modeLabel[r.mode]} · {formatDateTime(r.queuedAt)}
                    {r.message && (
                      <Text size="xs" c="dimmed">
                        {r.message}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[r.status]}>{r.status}</Badge>
                  </Table.Td>
                  <Table.Td>{r.counts.accountsLinked}</Table.Td>
                  <Table.Td>{r.counts.accountsForReview}</Table.Td>
                  <Table.Td>{r.counts.opportunitiesCreated}</Table.Td>
                  <Table.Td>{r.counts.dealsChanged}</Table.Td>
                  <Table.Td>{r.counts.recordErrors}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => setOpen(open === r.id ? null : r.id)}>
                      {open === r.id ? 'Hide' : 'Details'}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {open && <RunRecords connectionId={c.id} runId={open} />}
      </Stack>
    </Card>
  );
}

const show = (v: Record<string, unknown> | null) => (v ? JSON.stringify(v) : '');

/** What a run changed (before → after) and each record it could not, with the field and the message. */
function RunRecords({ connectionId, runId }: { connectionId: string; runId: string }) {
  const records = useQuery(crmRunRecordsQueryOptions(connectionId, runId));
  const retry = useRetryCrmRecords(connectionId);
  const [queued, setQueued] = useState<Set<string>>(new Set());
  if (records.isPending) return <LoadingState label="Loading the run’s records…" />;
  if (records.isError)
    return <ErrorAlert error={records.error} title="The run’s records could not be loaded" />;
  if (records.data.items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This run changed no record.
      </Text>
    );
  return (
    <Stack gap="xs">
      {retry.isError && <Alert color="red">{errorMessage(retry.error)}</Alert>}
      <Table aria-label="Record changes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Record</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After / error</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.data.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                {r.object} {r.remoteId ?? ''}
              </Table.Td>
              <Table.Td>
                {r.action}{' '}
                <Badge
                  size="xs"
                  color={r.outcome === 'error' ? 'red' : r.outcome === 'planned' ? 'gray' : 'green'}
                >
                  {r.outcome}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Code>{show(r.before)}</Code>
              </Table.Td>
              <Table.Td>
                {r.outcome === 'error' ? (
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Text size="sm" c="red">
                      {r.field ? `${r.field}: ` : ''}
                      {r.message}
                    </Text>
                    {queued.has(r.id) ? (
                      <Text size="xs" c="dimmed">
                        Retry queued
                      </Text>
                    ) : (
                      <Button
                        size="compact-xs"
                        variant="light"
                        aria-label={`Retry this record (${r.field ?? r.action})`}
                        loading={retry.isPending && retry.variables?.includes(r.id)}
                        onClick={() =>
                          retry.mutate([r.id], { onSuccess: () => setQueued((q) => new Set(q).add(r.id)) })
                        }
                      >
                        Retry
                      </Button>
                    )}
                  </Group>
                ) : (
                  <Code>{show(r.after)}</Code>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
