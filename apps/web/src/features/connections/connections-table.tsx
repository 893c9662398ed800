import { Table, Text } from '@mantine/core';
import type { Connection } from '../../api/connections';
import { AnchorLink } from '../../components/links';
import { ConnectionActions } from './connection-actions';
import { ConnectionDates, ConnectionStatusBadge, Parties, Terms } from './connection-parts';
import { connectionKindLabel } from './labels';

export function ConnectionsTable({ connections, vendor }: { connections: Connection[]; vendor: boolean }) {
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Connections">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{vendor ? 'Partners' : 'Partner'}</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Message</Table.Th>
            <Table.Th>Terms</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Dates</Table.Th>
            {!vendor && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connections.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Parties connection={c} />
              </Table.Td>
              <Table.Td>
                <AnchorLink to="/connections/$connectionId" params={{ connectionId: c.id }} size="sm">
                  {connectionKindLabel[c.kind]}
                </AnchorLink>
              </Table.Td>
              <Table.Td maw={280}>
                {c.message ? (
                  <Text size="sm" lineClamp={2} title={c.message}>
                    {c.message}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Terms connection={c} />
              </Table.Td>
              <Table.Td>
                <ConnectionStatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>
                <ConnectionDates connection={c} />
              </Table.Td>
              {!vendor && (
                <Table.Td>
                  <ConnectionActions connection={c} size="xs" />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
