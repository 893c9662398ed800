import { Badge, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Deal } from '../../api/deals';
import { industriesQueryOptions } from '../../api/settings';
import { countryName } from '../../components/countries';
import { formatDate } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { formatDay, formatMinor } from './format';
import { roleLabels, stageLabels } from './labels';

const none = (
  <Text c="dimmed" size="sm">
    Not set
  </Text>
);

export function DealDetails({ deal }: { deal: Deal }) {
  const industries = useQuery(industriesQueryOptions);
  const industry = deal.customer.industry
    ? (industries.data?.find((i) => i.code === deal.customer.industry)?.name ?? deal.customer.industry)
    : null;
  const closed = deal.status === 'won' || deal.status === 'lost';

  const rows: [string, ReactNode][] = [
    ['Customer', deal.customer.name],
    ['Domain', deal.customer.domain ?? none],
    ['Country', countryName(deal.customer.country)],
    ['Industry', industry ?? none],
    [deal.status === 'won' ? 'Final amount' : 'Amount', formatMinor(deal.amount, deal.currency)],
    [
      `In ${deal.reporting?.currency ?? 'reporting currency'}`,
      deal.reporting ? (
        <span>
          {formatMinor(deal.reporting.amount, deal.reporting.currency)}{' '}
          <Text span size="xs" c="dimmed">
            at {deal.reporting.rate} on {formatDay(deal.reporting.rateDate)}
          </Text>
        </span>
      ) : (
        <Text c="dimmed" size="sm">
          No exchange rate for {deal.currency}
        </Text>
      ),
    ],
    ['Stage', deal.stage ? stageLabels[deal.stage] : none],
    [
      'Products',
      deal.products.length ? (
        <Group gap={4}>
          {deal.products.map((p) => (
            <Badge key={p} variant="outline" tt="none">
              {p}
            </Badge>
          ))}
        </Group>
      ) : (
        none
      ),
    ],
    ['Expected close', formatDay(deal.expectedCloseDate)],
    [
      'Registered by',
      <span key="registered">
        {deal.registeredBy.name}
        {deal.registeredByUser && ` (${deal.registeredByUser.name})`}
        {deal.vendorRecorded && (
          <Text span size="sm" c="dimmed">
            {' '}
            · vendor-sourced
          </Text>
        )}
        <Text span size="sm" c="dimmed">
          {' '}
          on {formatDate(deal.createdAt)}
        </Text>
      </span>,
    ],
  ];
  if (deal.myRole) rows.push(['Your role', roleLabels[deal.myRole]]);
  if (deal.referralId) {
    rows.push([
      'Source',
      <AnchorLink
        key="referral"
        to="/referrals/$referralId"
        params={{ referralId: deal.referralId }}
        size="sm"
      >
        Converted from a referral
      </AnchorLink>,
    ]);
  }
  if (deal.decidedAt) {
    rows.push([deal.status === 'rejected' ? 'Rejected on' : 'Approved on', formatDate(deal.decidedAt)]);
  }
  if (deal.decisionReason) rows.push(['Rejection reason', deal.decisionReason]);
  if (closed && deal.closeDate) rows.push(['Closed on', formatDay(deal.closeDate)]);
  if (deal.lostReason) rows.push(['Lost because', deal.lostReason]);

  return (
    <Table variant="vertical" layout="fixed" withTableBorder aria-label="Deal details">
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
