import { Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import {
  type ReferralBox,
  type ReferralFilters as Filters,
  referralsQueryOptions,
} from '../../api/referrals';
import { ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { ReferralFilters } from './referral-filters';
import { hasFilters } from './referral-search';
import { ReferralsTable } from './referrals-table';
import { useBrandTitle } from '../brand/brand-mark';

interface Tab {
  box: ReferralBox;
  label: string;
  empty: string;
}

// A partner works from its inbox and looks back at what it sent. Vendor staff see every referral in
// the ecosystem; "To the vendor" is the vendor's own inbox (partner referrals and locator leads).
const partnerTabs: Tab[] = [
  { box: 'inbox', label: 'Inbox', empty: 'No referrals have come in yet.' },
  { box: 'outbox', label: 'Sent', empty: 'You have not sent any referrals yet.' },
];
const vendorTabs: Tab[] = [
  { box: 'all', label: 'All referrals', empty: 'No referrals in the ecosystem yet.' },
  { box: 'inbox', label: 'To the vendor', empty: 'No referrals have come to the vendor yet.' },
];

interface Props {
  filters: Filters;
  onFiltersChange: (filters: Filters) => void;
}

export function ReferralsPage({ filters, onFiltersChange }: Props) {
  useBrandTitle('Referrals');
  const { organization } = useSession();
  const canSend = useCan('referrals:send');
  const isVendor = organization.kind === 'vendor';
  const tabs = isVendor ? vendorTabs : partnerTabs;
  const defaultBox = tabs[0]?.box ?? 'all';
  const box = tabs.some((t) => t.box === filters.box) ? (filters.box ?? defaultBox) : defaultBox;

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1}>Referrals</Title>
          <Text c="dimmed" size="sm">
            {isVendor
              ? 'Prospects partners pass to each other and to the vendor, and leads from the public partner locator.'
              : 'Prospects passed between your organization, other partners and the vendor.'}
          </Text>
        </div>
        {canSend && (
          <ButtonLink to="/referrals/new" search={{}} leftSection={<IconPlus size={16} />}>
            New referral
          </ButtonLink>
        )}
      </Group>
      <Tabs
        value={box}
        keepMounted={false}
        onChange={(value) => {
          const next = tabs.find((t) => t.box === value)?.box;
          if (next) onFiltersChange({ ...filters, box: next === defaultBox ? undefined : next });
        }}
      >
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.box} value={t.box}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.box} value={t.box} pt="md">
            <Stack>
              <ReferralFilters filters={filters} onChange={onFiltersChange} showSource={isVendor} />
              <ReferralList filters={{ ...filters, box: t.box }} empty={t.empty} />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function ReferralList({ filters, empty }: { filters: Filters; empty: string }) {
  // While a new filter loads, the old rows stay (dimmed) instead of the table jumping to a spinner.
  const list = useInfiniteQuery({ ...referralsQueryOptions(filters), placeholderData: keepPreviousData });
  const referrals = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) return <LoadingState label="Loading referrals…" />;
  if (list.isError) return <ErrorAlert error={list.error} title="The referrals could not be loaded" />;
  if (referrals.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {hasFilters(filters) ? 'No referrals match these filters.' : empty}
      </Text>
    );
  }
  return (
    <>
      <div style={{ opacity: list.isPlaceholderData ? 0.5 : 1 }} aria-busy={list.isPlaceholderData}>
        <ReferralsTable referrals={referrals} />
      </div>
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        shown={referrals.length}
        noun={referrals.length === 1 ? 'referral' : 'referrals'}
      />
    </>
  );
}
