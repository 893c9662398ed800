import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { Partner } from '@partnergraph/shared/contracts/organizations';
import type { ReactNode } from 'react';
import { countryName } from '../../components/countries';
import { formatDate } from '../../components/dates';
import { PartnerStatusBadge } from './partner-status-badge';

const none = (
  <Text c="dimmed" size="sm">
    Not set
  </Text>
);

export function PartnerDetails({ partner }: { partner: Partner }) {
  const rows: [string, ReactNode][] = [
    ['Name', partner.name],
    [
      'Status',
      <Group gap="xs" key="status">
        <PartnerStatusBadge status={partner.status} />
        {partner.statusReason && (
          <Text size="sm" c="dimmed">
            {partner.statusReason}
          </Text>
        )}
      </Group>,
    ],
    [
      'Website',
      partner.website ? (
        <Anchor href={partner.website} target="_blank" rel="noopener noreferrer" size="sm">
          {partner.website}
        </Anchor>
      ) : (
        none
      ),
    ],
    ['Domain', partner.domain ?? none],
    ['Country', partner.country ? countryName(partner.country) : none],
    [
      'Partner types',
      <Group gap="xs" key="types">
        {partner.types.map((t) => (
          <Badge key={t.code} variant={t.primary ? 'filled' : 'outline'}>
            {t.name}
            {t.primary ? ' (primary)' : ''}
          </Badge>
        ))}
      </Group>,
    ],
    [
      'Channel manager',
      partner.channelManager ? (
        <span>
          {partner.channelManager.name}{' '}
          <Anchor href={`mailto:${partner.channelManager.email}`} size="sm">
            {partner.channelManager.email}
          </Anchor>
        </span>
      ) : (
        <Text c="dimmed" size="sm">
          Unassigned
        </Text>
      ),
    ],
    ['Partner since', formatDate(partner.createdAt)],
    [
      'Description',
      partner.description ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {partner.description}
        </Text>
      ) : (
        none
      ),
    ],
  ];

  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label="Partner details">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={180}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
