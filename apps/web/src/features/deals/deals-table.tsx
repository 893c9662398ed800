import { Table, Text } from '@mantine/core';
import type { Deal } from '../../api/deals';
import { formatDate } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { DealStatusBadge } from './deal-status-badge';
import { formatDay, formatMinor } from './format';

export function DealsTable({ deals }: { deals: Deal[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Deals">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Registered by</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Expected close</Table.Th>
            <Table.Th>Protection until</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deals.map((deal) => (
            <Table.Tr key={deal.id}>
              <Table.Td>
                <AnchorLink to="/deals/$dealId" params={{ dealId: deal.id }} fw={500}>
                  {deal.customer.name}
                </AnchorLink>
                {deal.customer.domain && (
                  <Text size="xs" c="dimmed">
                    {deal.customer.domain}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {deal.registeredBy.name}
                {deal.vendorRecorded && (
                  <Text size="xs" c="dimmed">
                    Vendor-sourced
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMinor(deal.amount, deal.currency)}
              </Table.Td>
              <Table.Td>
                <DealStatusBadge status={deal.status} />
              </Table.Td>
              <Table.Td>{formatDay(deal.expectedCloseDate)}</Table.Td>
              <Table.Td>
                {deal.protection ? (
                  formatDate(deal.protection.expiresAt)
                ) : (
                  <Text c="dimmed" size="sm">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
