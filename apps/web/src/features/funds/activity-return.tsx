import { Alert, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import { errorMessage } from '../../api/client';
import {
  activityReturnQueryOptions,
  taggableDealsQueryOptions,
  taggableLeadsQueryOptions,
  useTagDeal,
  useTagLead,
} from '../../api/funds';
import { ErrorAlert, LoadingState } from '../../components/query-state';

/**
 * A funded activity's return (docs/METRICS.md, "MDF return"): the leads tagged to it, its
 * opportunities, their pipeline and won revenue in the request's currency and the cost per
 * opportunity. The partner that ran the activity tags its deals and accepted leads here.
 */
export function ActivityReturn({ requestId, canTag = false }: { requestId: string; canTag?: boolean }) {
  const ret = useQuery(activityReturnQueryOptions(requestId));
  const r = ret.data;
  return (
    <Stack gap="xs" mt="xs" aria-label="Activity return" role="group">
      {ret.isPending && <LoadingState label="Loading the return…" />}
      {ret.isError && <ErrorAlert error={ret.error} />}
      {r && (
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Figure label="Leads" value={String(r.leads)} />
          <Figure label="Opportunities" value={String(r.deals)} />
          <Figure label="Pipeline (as registered)" value={formatMinor(r.pipeline, r.currency)} />
          <Figure label="Won revenue" value={formatMinor(r.wonRevenue, r.currency)} />
          <Figure
            label="Cost per opportunity"
            value={
              r.costPerOpportunity.value === null
                ? (r.costPerOpportunity.reason ?? '—')
                : formatMinor(r.costPerOpportunity.value, r.currency)
            }
          />
        </SimpleGrid>
      )}
      {r && r.notConverted.length > 0 && (
        <Text size="xs" c="orange">
          {r.notConverted.length} deal{r.notConverted.length === 1 ? ' is' : 's are'} in a currency with no
          exchange rate in force: counted as opportunities, left out of pipeline and won revenue.
        </Text>
      )}
      {canTag && <TagForm requestId={requestId} />}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

function TagForm({ requestId }: { requestId: string }) {
  const [dealSearch, setDealSearch] = useState('');
  const [leadSearch, setLeadSearch] = useState('');
  const [dealQ] = useDebouncedValue(dealSearch.trim(), 250);
  const [leadQ] = useDebouncedValue(leadSearch.trim(), 250);
  const deals = useQuery({ ...taggableDealsQueryOptions(dealQ), placeholderData: keepPreviousData });
  const leads = useQuery({ ...taggableLeadsQueryOptions(leadQ), placeholderData: keepPreviousData });
  const [dealId, setDealId] = useState<string | null>(null);
  const [leadId, setLeadId] = useState<string | null>(null);
  const tagDeal = useTagDeal();
  const tagLead = useTagLead();
  const failed = tagDeal.error ?? tagLead.error;
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          label="Tag a deal"
          placeholder="Search your deals"
          searchable
          searchValue={dealSearch}
          onSearchChange={setDealSearch}
          filter={({ options }) => options}
          data={(deals.data ?? []).map((d) => ({
            value: d.id,
            label: `${d.customer.name} · ${formatMinor(d.amount, d.currency)}`,
          }))}
          value={dealId}
          onChange={setDealId}
          nothingFoundMessage="No deal matches"
        />
        <Button
          variant="light"
          disabled={!dealId}
          loading={tagDeal.isPending}
          onClick={() =>
            dealId && tagDeal.mutate({ id: requestId, dealId }, { onSuccess: () => setDealId(null) })
          }
        >
          Tag the deal
        </Button>
        <Select
          label="Tag a lead"
          placeholder="Search your accepted leads"
          searchable
          searchValue={leadSearch}
          onSearchChange={setLeadSearch}
          filter={({ options }) => options}
          data={(leads.data ?? []).map((l) => ({ value: l.id, label: l.company?.name ?? l.id }))}
          value={leadId}
          onChange={setLeadId}
          nothingFoundMessage="No accepted lead matches"
        />
        <Button
          variant="light"
          disabled={!leadId}
          loading={tagLead.isPending}
          onClick={() =>
            leadId && tagLead.mutate({ id: requestId, leadId }, { onSuccess: () => setLeadId(null) })
          }
        >
          Tag the lead
        </Button>
      </Group>
      {failed && <Alert color="red">{errorMessage(failed)}</Alert>}
    </Stack>
  );
}
