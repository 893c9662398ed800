import {
  Alert,
  Badge,
  Button,
  Card,
  FileButton,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  accountFields,
  createPopulationBody,
  populationKinds,
  sharingLevels,
  type PopulationFilter,
} from '@partnergraph/shared/contracts/mapping';
import { errorMessage } from '../../api/client';
import {
  populationsQueryOptions,
  useCreatePopulation,
  useRefreshPopulation,
  useUpdatePopulation,
  useUploadAccounts,
  type Population,
} from '../../api/mapping';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { DealFilterFields, describeFilter, EditDealFilter, emptyDraft, filterOf } from './deal-filter-fields';
import { loadLocalAccounts, readAccounts, saveLocalAccounts } from './local-accounts';

export const levelLabels: Record<string, string> = {
  hidden: 'Hidden',
  counts: 'Counts only',
  overlaps: 'Overlapping accounts',
  full: 'Everything',
};
export const kindLabels: Record<string, string> = {
  customers: 'Customers',
  open_opportunities: 'Open opportunities',
  prospects: 'Prospects',
  custom: 'Custom',
};
const sourceLabels: Record<string, string> = {
  won_deals: 'Won deals',
  open_deals: 'Open deals',
  deal_filter: 'Deals matching a filter',
  upload: 'Uploaded CSV',
  browser: 'In this browser only',
};

function CreatePopulationForm({ vendor }: { vendor: boolean }) {
  const create = useCreatePopulation();
  const [message, setMessage] = useState<string | null>(null);
  const [draft, setDraft] = useState(emptyDraft);
  const form = useContractForm(createPopulationBody, {
    name: '',
    kind: 'customers' as (typeof populationKinds)[number],
    source: (vendor ? 'won_deals' : 'browser') as Population['source'],
    defaultLevel: 'counts' as (typeof sharingLevels)[number],
    sharedFields: ['name'] as Population['sharedFields'],
    filter: undefined as PopulationFilter | undefined,
  });
  const byFilter = form.getValues().source === 'deal_filter';
  return (
    <form
      onSubmit={(event) => {
        // The filter's inputs hold major units: they become the body's filter just before it is checked.
        const made = byFilter ? filterOf(draft) : null;
        if (made && 'error' in made) {
          event.preventDefault();
          setMessage(made.error);
          return;
        }
        form.setFieldValue('filter', made?.filter);
        form.onSubmit((values) => {
          setMessage(null);
          create.mutate(
            { ...values, filter: values.source === 'deal_filter' ? made?.filter : undefined },
            {
              onSuccess: () => (form.reset(), setDraft(emptyDraft)),
              onError: (err) => setMessage(showServerErrors(form, err)),
            },
          );
        })(event);
      }}
    >
      <Stack gap="sm">
        <Title order={2}>New population</Title>
        <Group grow align="flex-start">
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <Select
            label="Kind"
            data={populationKinds.map((k) => ({ value: k, label: kindLabels[k]! }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          {vendor && (
            <Select
              label="Accounts from"
              data={(['won_deals', 'open_deals', 'deal_filter', 'upload'] as const).map((s) => ({
                value: s,
                label: sourceLabels[s]!,
              }))}
              allowDeselect={false}
              {...form.getInputProps('source')}
            />
          )}
        </Group>
        {vendor && byFilter && <DealFilterFields value={draft} onChange={setDraft} />}
        <Group grow align="flex-start">
          <Select
            label="Default sharing level"
            description="What every counterpart gets unless you override it for them"
            data={sharingLevels.map((l) => ({ value: l, label: levelLabels[l]! }))}
            allowDeselect={false}
            {...form.getInputProps('defaultLevel')}
          />
          <MultiSelect
            label="Fields shared at “overlapping accounts”"
            data={[...accountFields]}
            {...form.getInputProps('sharedFields')}
          />
        </Group>
        {message && <Alert color="red">{message}</Alert>}
        <Group>
          <Button type="submit" loading={create.isPending}>
            Add population
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A partner's accounts: read here from a CSV or a paste, kept in this browser; only the count goes up. */
function LocalAccounts({ population }: { population: Population }) {
  const update = useUpdatePopulation();
  const [paste, setPaste] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [held, setHeld] = useState(() => loadLocalAccounts(population.id).length);
  const canManage = useCan('mapping:manage');
  const keep = (text: string) => {
    const { accounts, skipped } = readAccounts(text);
    if (!saveLocalAccounts(population.id, accounts)) {
      setNote('This browser’s storage is full: use a smaller file.');
      return;
    }
    setHeld(accounts.length);
    setNote(
      `${accounts.length} accounts kept in this browser${skipped ? `; ${skipped} rows without a public domain skipped` : ''}.`,
    );
    if (canManage)
      update.mutate({ id: population.id, version: population.version, accountCount: accounts.length });
  };
  return (
    <Stack gap="xs">
      <Text size="sm">
        {held} accounts in this browser. They never leave it: mapping sends only blinded points.
      </Text>
      <Group align="flex-end">
        <FileButton accept=".csv,text/csv,text/plain" onChange={(f) => void f?.text().then(keep)}>
          {(props) => (
            <Button variant="default" size="xs" {...props}>
              Load a CSV
            </Button>
          )}
        </FileButton>
        <Textarea
          aria-label={`Paste accounts for ${population.name}`}
          placeholder="Paste a CSV, or one domain per line"
          autosize
          minRows={1}
          maxRows={6}
          value={paste}
          onChange={(e) => setPaste(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Button
          size="xs"
          variant="default"
          disabled={!paste.trim()}
          onClick={() => (keep(paste), setPaste(''))}
        >
          Keep pasted accounts
        </Button>
      </Group>
      {note && (
        <Text size="sm" role="status">
          {note}
        </Text>
      )}
      {update.error && <ErrorAlert error={update.error} />}
    </Stack>
  );
}

/** The vendor's upload: the CSV is read here and sent as rows (name, domains, fields). */
function VendorUpload({ population }: { population: Population }) {
  const upload = useUploadAccounts();
  const refresh = useRefreshPopulation();
  const [note, setNote] = useState<string | null>(null);
  if (population.source !== 'upload')
    return (
      <Group>
        <Button
          size="xs"
          variant="default"
          loading={refresh.isPending}
          onClick={() => refresh.mutate(population.id)}
        >
          Rebuild from deals
        </Button>
        {refresh.error && <Text c="red">{errorMessage(refresh.error)}</Text>}
      </Group>
    );
  return (
    <Group>
      <FileButton
        accept=".csv,text/csv"
        onChange={(f) =>
          void f?.text().then((text) => {
            const { accounts, skipped } = readAccounts(text);
            upload.mutate(
              {
                id: population.id,
                version: population.version,
                accounts: accounts.map((a) => ({ name: a.name, domains: a.keys, fields: a.fields })),
              },
              {
                onSuccess: () =>
                  setNote(`${accounts.length} accounts uploaded${skipped ? `, ${skipped} skipped` : ''}.`),
              },
            );
          })
        }
      >
        {(props) => (
          <Button size="xs" variant="default" loading={upload.isPending} {...props}>
            Upload a CSV
          </Button>
        )}
      </FileButton>
      {note && <Text size="sm">{note}</Text>}
      {upload.error && <Text c="red">{errorMessage(upload.error)}</Text>}
    </Group>
  );
}

export function PopulationsSection() {
  const { organization } = useSession();
  const vendor = organization.kind === 'vendor';
  const canManage = useCan('mapping:manage');
  const canUpload = useCan('mapping:accounts');
  const query = useQuery(populationsQueryOptions);
  if (query.isPending) return <LoadingState label="Loading populations" />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return (
    <Stack gap="md">
      <Table aria-label="Populations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Population</Table.Th>
            <Table.Th>Accounts</Table.Th>
            <Table.Th>Default level</Table.Th>
            <Table.Th>Shared fields</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text fw={500}>{p.name}</Text>
                <Text size="xs" c="dimmed">
                  {kindLabels[p.kind]} · {sourceLabels[p.source]}
                </Text>
                {p.filter && (
                  <Text size="xs" c="dimmed">
                    {describeFilter(p.filter)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{p.accountCount}</Table.Td>
              <Table.Td>
                <Badge variant="light">{levelLabels[p.defaultLevel]}</Badge>
              </Table.Td>
              <Table.Td>{p.sharedFields.join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {query.data.length === 0 && <Text c="dimmed">No populations yet.</Text>}
      {query.data.map((p) =>
        p.source === 'browser' ? (
          <Card key={p.id} withBorder>
            <Text fw={500} mb="xs">
              {p.name}
            </Text>
            <LocalAccounts population={p} />
          </Card>
        ) : canUpload ? (
          <Card key={p.id} withBorder>
            <Text fw={500} mb="xs">
              {p.name}
            </Text>
            <Stack gap="sm">
              {p.source === 'deal_filter' && canManage && <EditDealFilter population={p} />}
              <VendorUpload population={p} />
            </Stack>
          </Card>
        ) : null,
      )}
      {canManage && (
        <Card withBorder>
          <CreatePopulationForm vendor={vendor} />
        </Card>
      )}
    </Stack>
  );
}
