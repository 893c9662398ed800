import { Alert, Breadcrumbs, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../../api/client';
import { type Connection, connectionQueryOptions, otherParty } from '../../api/connections';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { ConnectionActions } from './connection-actions';
import { ConnectionStatusBadge, directionLabel } from './connection-parts';
import { connectionKindLabel, formatPercent } from './labels';
import { PathButton, ProfileLink, referUnderConnectionPath } from './path-links';
import { useBrandTitle } from '../brand/brand-mark';

/** One connection, for either party and the vendor's staff; the parties act on it here. */
export function ConnectionPage({ connectionId }: { connectionId: string }) {
  const { organization } = useSession();
  const connection = useQuery(connectionQueryOptions(connectionId));
  const c = connection.data;
  const title = c
    ? organization.kind === 'vendor'
      ? `${c.requester.name} and ${c.recipient.name}`
      : otherParty(c, organization.id).name
    : 'Connection';
  useBrandTitle(`${title}`);

  const breadcrumbs = (
    <Breadcrumbs>
      <AnchorLink to="/connections">Connections</AnchorLink>
      <Text size="sm">{title}</Text>
    </Breadcrumbs>
  );

  if (connection.isPending) return <LoadingState label="Loading connection…" />;
  if (connection.isError) {
    // 404 also means "not visible to you": the API does not tell the two apart, and neither do we.
    const notFound = isApiError(connection.error, 404);
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{notFound ? 'Connection not found' : 'Connection'}</Title>
        {notFound ? (
          <Text>
            There is no connection at this address, or you may not see it.{' '}
            <AnchorLink to="/connections">Back to the connections</AnchorLink>
          </Text>
        ) : (
          <ErrorAlert error={connection.error} title="The connection could not be loaded" />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {breadcrumbs}
      <ConnectionView connection={connection.data} title={title} />
    </Stack>
  );
}

function ConnectionView({ connection: c, title }: { connection: Connection; title: string }) {
  const { organization } = useSession();
  const canRefer = useCan('referrals:send');
  const other = otherParty(c, organization.id);
  const referHere = canRefer && c.kind === 'referral' && c.status === 'active' && c.direction !== 'none';

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="dimmed" size="sm" fw={500}>
            {connectionKindLabel[c.kind]}
          </Text>
          <Group gap="sm">
            <Title order={1}>{title}</Title>
            <ConnectionStatusBadge status={c.status} />
          </Group>
          <Text size="sm" mt={4}>
            {directionLabel(c)}
          </Text>
        </div>
        <ConnectionActions connection={c} />
      </Group>

      {c.status === 'requested' && c.direction === 'incoming' && (
        <Text size="sm" c="dimmed">
          Accept to start the relationship on these terms, or decline it; {other.name} is told either way.
        </Text>
      )}
      {referHere && (
        <Alert color="indigo" variant="light" title="Referral partnership">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              Prospects you send {other.name} under this connection earn the agreed referral fee
              {c.terms.referralFeePct !== undefined ? ` (${formatPercent(c.terms.referralFeePct)})` : ''}.
            </Text>
            <PathButton href={referUnderConnectionPath(other.id, c.id)} leftSection={<IconSend size={16} />}>
              Refer a prospect under this connection
            </PathButton>
          </Group>
        </Alert>
      )}

      <ConnectionDetails connection={c} />
    </>
  );
}

const none = (
  <Text c="dimmed" size="sm">
    Not given
  </Text>
);

function ConnectionDetails({ connection: c }: { connection: Connection }) {
  const { organization } = useSession();
  const parties: [string, ReactNode][] =
    c.direction === 'none'
      ? [
          ['Requested by', <ProfileLink key="r" org={c.requester} />],
          ['Asked', <ProfileLink key="a" org={c.recipient} />],
        ]
      : [
          ['Partner', <ProfileLink key="p" org={otherParty(c, organization.id)} />],
          ['Requested by', c.direction === 'outgoing' ? 'Your organization' : c.requester.name],
        ];
  const rows: [string, ReactNode][] = [
    ...parties,
    ['Kind', connectionKindLabel[c.kind]],
    [
      'Message',
      c.message ? (
        <Text key="m" size="sm" style={{ whiteSpace: 'pre-line' }}>
          {c.message}
        </Text>
      ) : (
        none
      ),
    ],
    ['Referral fee', c.terms.referralFeePct !== undefined ? formatPercent(c.terms.referralFeePct) : none],
    [
      'Terms notes',
      c.terms.notes ? (
        <Text key="n" size="sm" style={{ whiteSpace: 'pre-line' }}>
          {c.terms.notes}
        </Text>
      ) : (
        none
      ),
    ],
    ['Status', <ConnectionStatusBadge key="s" status={c.status} />],
    ['Requested', formatDateTime(c.createdAt)],
  ];
  if (c.startedAt) rows.push(['Started', formatDateTime(c.startedAt)]);
  if (c.endedAt) rows.push([c.status === 'declined' ? 'Declined' : 'Ended', formatDateTime(c.endedAt)]);
  if (c.decisionReason) rows.push(['Reason for declining', c.decisionReason]);
  if (c.endReason) rows.push(['Reason for ending', c.endReason]);

  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label="Connection details">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
