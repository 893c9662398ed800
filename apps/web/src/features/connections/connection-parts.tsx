import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { Connection, ConnectionStatus } from '../../api/connections';
import { formatDate } from '../../components/dates';
import { connectionStatusCopy, formatPercent } from './labels';
import { ProfileLink } from './path-links';

export function ConnectionStatusBadge({ status }: { status: ConnectionStatus }) {
  const copy = connectionStatusCopy[status];
  return (
    // Never cut short in a narrow table column: the label is the point.
    <Badge color={copy.color} variant="light" styles={{ label: { overflow: 'visible' } }}>
      {copy.label}
    </Badge>
  );
}

/** The other partner for one of the parties; both, requester first, for the vendor's staff. */
export function Parties({ connection: c }: { connection: Connection }) {
  if (c.direction === 'outgoing') return <ProfileLink org={c.recipient} fw={500} />;
  if (c.direction === 'incoming') return <ProfileLink org={c.requester} fw={500} />;
  return (
    <Group gap={6} wrap="nowrap">
      <ProfileLink org={c.requester} fw={500} />
      <IconArrowRight size={14} aria-label="asked" />
      <ProfileLink org={c.recipient} fw={500} />
    </Group>
  );
}

/** "They asked you" / "You asked them", as the caller's organization sees it. */
export function directionLabel(c: Connection): string {
  if (c.direction === 'incoming') return `${c.requester.name} asked your organization`;
  if (c.direction === 'outgoing') return `Your organization asked ${c.recipient.name}`;
  return `${c.requester.name} asked ${c.recipient.name}`;
}

export function Terms({ connection: c }: { connection: Connection }) {
  const fee = c.terms.referralFeePct;
  const notes = c.terms.notes;
  if (fee === undefined && !notes) {
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {fee !== undefined && <Text size="sm">Referral fee {formatPercent(fee)}</Text>}
      {notes && (
        <Text size="xs" c="dimmed" lineClamp={2} title={notes}>
          {notes}
        </Text>
      )}
    </Stack>
  );
}

/** When it was asked for, and when it started and ended. */
export function ConnectionDates({ connection: c }: { connection: Connection }) {
  return (
    <Stack gap={2}>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        Asked {formatDate(c.createdAt)}
      </Text>
      {c.startedAt && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          Started {formatDate(c.startedAt)}
        </Text>
      )}
      {c.endedAt && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {c.status === 'declined' ? 'Declined' : 'Ended'} {formatDate(c.endedAt)}
        </Text>
      )}
    </Stack>
  );
}
