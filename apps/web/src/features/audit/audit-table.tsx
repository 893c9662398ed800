import {
  ActionIcon,
  Button,
  Code,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import type { AuditEntry } from '@partnergraph/shared/contracts/audit';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { useSession } from '../auth/session';

const COLUMNS = 5;

function EntityCell({ entry, onHistory }: { entry: AuditEntry; onHistory: (entry: AuditEntry) => void }) {
  const { organization } = useSession();
  // Partner organizations have a page (the vendor's own organization has none).
  const linkable = entry.entityType === 'organization' && entry.entityId !== organization.id;
  // A record you may not open, or one with no name, keeps its id.
  const name = entry.entityName ?? entry.entityId;
  return (
    <Stack gap={0} align="flex-start">
      <Text size="sm">{entry.entityTypeLabel}</Text>
      {entry.entityId && name && (
        <Group gap={6} wrap="nowrap">
          {linkable ? (
            <AnchorLink to="/partners/$id" params={{ id: entry.entityId }} size="sm">
              {name}
            </AnchorLink>
          ) : (
            <Text size="sm" c="dimmed" ff={entry.entityName ? undefined : 'monospace'}>
              {name}
            </Text>
          )}
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => onHistory(entry)}
            aria-label={`History of ${name}`}
          >
            History
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function JsonBlock({ label, value }: { label: string; value: Record<string, unknown> | null }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      {value ? (
        <Code block>{JSON.stringify(value, null, 2)}</Code>
      ) : (
        <Text size="sm" c="dimmed">
          Nothing recorded
        </Text>
      )}
    </Stack>
  );
}

/** Who acted when no person did. */
function actorWithoutName(entry: AuditEntry): string {
  if (entry.actor.userId) return 'Unknown user';
  // Someone not signed in (a failed sign-in).
  if (entry.action.startsWith('auth.')) return 'Anonymous';
  if (entry.action.startsWith('scim.')) return 'Identity provider (SCIM)';
  if (entry.actor.apiTokenId) return 'API token';
  // The platform itself: bootstrap, scheduled jobs.
  return 'System';
}

export function AuditTable({
  entries,
  onHistory,
}: {
  entries: AuditEntry[];
  /** Narrows the log to one record's entries. */
  onHistory: (entry: AuditEntry) => void;
}) {
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" aria-label="Audit log entries">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={44}>
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Entity</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const expanded = open.has(entry.id);
            const detailsId = `audit-details-${entry.id}`;
            return (
              <Fragment key={entry.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => toggle(entry.id)}
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailsId : undefined}
                      aria-label={`${expanded ? 'Hide' : 'Show'} details of ${entry.actionLabel} at ${formatDateTime(entry.at)}`}
                    >
                      {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {entry.actor.name ? (
                        <Text size="sm">{entry.actor.name}</Text>
                      ) : (
                        <Text c="dimmed" size="sm">
                          {actorWithoutName(entry)}
                        </Text>
                      )}
                      {/* The organization acted for, also when no person did (its SCIM directory, its API token). */}
                      {entry.actor.organizationName && (
                        <Text size="xs" c="dimmed">
                          {entry.actor.organizationName}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{entry.actionLabel}</Text>
                  </Table.Td>
                  <Table.Td>
                    <EntityCell entry={entry} onHistory={onHistory} />
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={COLUMNS}>
                      <SimpleGrid cols={{ base: 1, md: 2 }}>
                        <JsonBlock label="Before" value={entry.before} />
                        <JsonBlock label="After" value={entry.after} />
                      </SimpleGrid>
                      <Group gap="lg" mt="xs">
                        {/* The code stays at hand for integrations and support. */}
                        <Text size="xs" c="dimmed">
                          Action code <Code>{entry.action}</Code>
                        </Text>
                        {entry.ip && (
                          <Text size="xs" c="dimmed">
                            IP address {entry.ip}
                          </Text>
                        )}
                        {entry.requestId && (
                          <Text size="xs" c="dimmed">
                            Request {entry.requestId}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
