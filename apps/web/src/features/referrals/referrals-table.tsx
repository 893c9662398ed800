import { Group, Table, Text } from '@mantine/core';
import { formatMinor } from '@partnergraph/shared/money-format';
import { IconArrowRight } from '@tabler/icons-react';
import type { Referral } from '../../api/referrals';
import { formatDate } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { OutcomeBadge, recipientName, ReferralStatusBadge, referrerName } from './referral-badges';

export function ReferralsTable({ referrals }: { referrals: Referral[] }) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Referrals">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Company</Table.Th>
            <Table.Th>From → to</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Outcome</Table.Th>
            <Table.Th ta="right">Estimated value</Table.Th>
            <Table.Th>Sent</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {referrals.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <AnchorLink to="/referrals/$referralId" params={{ referralId: r.id }} fw={500}>
                  {r.company.name}
                </AnchorLink>
                {r.company.domain && (
                  <Text size="xs" c="dimmed">
                    {r.company.domain}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{referrerName(r)}</Text>
                  <IconArrowRight size={14} aria-label="to" style={{ flexShrink: 0 }} />
                  <Text size="sm">{recipientName(r)}</Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <ReferralStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <OutcomeBadge deal={r.deal} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {r.estimatedValue ? (
                  formatMinor(r.estimatedValue.amount, r.estimatedValue.currency)
                ) : (
                  <Text c="dimmed" size="sm" span>
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
