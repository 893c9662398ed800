import { Table, Text } from '@mantine/core';
import type { Partner } from '@partnergraph/shared/contracts/organizations';
import { countryName } from '../../components/countries';
import { AnchorLink } from '../../components/links';
import { PartnerStatusBadge } from './partner-status-badge';

export function PartnersTable({ partners }: { partners: Partner[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Partners">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Primary type</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Country</Table.Th>
            <Table.Th>Channel manager</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((partner) => (
            <Table.Tr key={partner.id}>
              <Table.Td>
                <AnchorLink to="/partners/$id" params={{ id: partner.id }} fw={500}>
                  {partner.name}
                </AnchorLink>
                {partner.domain && (
                  <Text size="xs" c="dimmed">
                    {partner.domain}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{partner.types.find((t) => t.primary)?.name ?? '—'}</Table.Td>
              <Table.Td>
                <PartnerStatusBadge status={partner.status} />
              </Table.Td>
              <Table.Td>{countryName(partner.country) || '—'}</Table.Td>
              <Table.Td>
                {partner.channelManager?.name ?? (
                  <Text c="dimmed" size="sm">
                    Unassigned
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
