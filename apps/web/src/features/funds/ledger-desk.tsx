import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { manualAccrualBody, statementQuery } from '@partnergraph/shared/contracts/funds';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import { errorMessage } from '../../api/client';
import {
  ledgerEntriesQueryOptions,
  ledgerSummaryQueryOptions,
  payoutBatchesQueryOptions,
  payoutExportUrl,
  statementQueryOptions,
  statementUrl,
  useAddAdjustment,
  useApproveEntries,
  useCreatePayoutBatch,
  useImportPayments,
} from '../../api/funds';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { OrganizationPicker } from '../deals/organization-picker';
import { parseMajorAmount, todayDate } from '../settings/format';
import { bodySchema } from './contract-form';
import { statusColor } from './status';
import { UnseenHeader } from '../../components/unseen-header';

// The vendor's ledger desk: accrued entries approved for payment, explained adjustments, payout batches
// with the file for accounts payable and the payment status read back from its CSV, and statements
// for any partner and period.

export function LedgerDesk() {
  const canPay = useCan('ledger:manage');
  return (
    <Stack>
      <Balances />
      <Entries canApprove={canPay} />
      {canPay && <AdjustmentForm />}
      <PayoutBatches canPay={canPay} />
      <StatementPicker vendor />
    </Stack>
  );
}

function Balances() {
  const summary = useQuery(ledgerSummaryQueryOptions);
  return (
    <Card withBorder component="section" aria-labelledby="ledger">
      <Title order={2} size="h4" id="ledger" mb="sm">
        Partner balances
      </Title>
      {summary.isPending && <LoadingState label="Loading the ledger…" />}
      {summary.isError && <ErrorAlert error={summary.error} />}
      {summary.data?.balances.length === 0 && <Text c="dimmed">Nothing accrued yet.</Text>}
      {!!summary.data?.balances.length && (
        <Table aria-label="Partner balances">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Partner</Table.Th>
              <Table.Th>Currency</Table.Th>
              <Table.Th>Accrued</Table.Th>
              <Table.Th>Approved</Table.Th>
              <Table.Th>Paid</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.data.balances.map((b) => (
              <Table.Tr key={`${b.partnerId}-${b.currency}`}>
                <Table.Td>{b.partnerName}</Table.Td>
                <Table.Td>{b.currency}</Table.Td>
                <Table.Td>{formatMinor(b.accrued, b.currency)}</Table.Td>
                <Table.Td>{formatMinor(b.approved, b.currency)}</Table.Td>
                <Table.Td>{formatMinor(b.paid, b.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {summary.data && (
        <Text size="sm" c="dimmed" mt="xs">
          Trial balance (debits less credits, per currency; zero when the books tie out):{' '}
          {[...new Set(summary.data.trialBalance.map((t) => t.currency))]
            .map(
              (c) =>
                `${c} ${formatMinor(
                  summary.data.trialBalance
                    .filter((t) => t.currency === c)
                    .reduce((s, t) => s + t.balance, 0),
                  c,
                )}`,
            )
            .join(' · ') || 'no postings yet'}
        </Text>
      )}
    </Card>
  );
}

/** The ledger's entries, oldest first; accrued ones can be picked and approved for payment together. */
function Entries({ canApprove }: { canApprove: boolean }) {
  const entries = useQuery(ledgerEntriesQueryOptions);
  const approve = useApproveEntries();
  const [picked, setPicked] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const accrued = entries.data?.filter((e) => e.state === 'accrued') ?? [];
  const toggle = (id: string, on: boolean) =>
    setPicked((all) => (on ? [...all, id] : all.filter((x) => x !== id)));
  return (
    <Card withBorder component="section" aria-labelledby="ledger-entries">
      <Title order={2} size="h4" id="ledger-entries" mb="sm">
        Ledger entries
      </Title>
      {entries.isError && <ErrorAlert error={entries.error} />}
      {entries.data?.length === 0 && <Text c="dimmed">No entry yet.</Text>}
      {!!entries.data?.length && (
        <Table aria-label="Ledger entries">
          <Table.Thead>
            <Table.Tr>
              {canApprove && <UnseenHeader>Pick</UnseenHeader>}
              <Table.Th>Date</Table.Th>
              <Table.Th>Partner</Table.Th>
              <Table.Th>Source</Table.Th>
              <Table.Th>Amount</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Explanation</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.data.map((e) => (
              <Table.Tr key={e.id}>
                {canApprove && (
                  <Table.Td>
                    {e.state === 'accrued' && (
                      <Checkbox
                        aria-label={`Approve ${e.partnerName} ${formatMinor(e.amount, e.currency)} ${e.source.replace('_', ' ')}`}
                        checked={picked.includes(e.id)}
                        onChange={(ev) => toggle(e.id, ev.currentTarget.checked)}
                      />
                    )}
                  </Table.Td>
                )}
                <Table.Td>{e.occurredOn}</Table.Td>
                <Table.Td>{e.partnerName}</Table.Td>
                <Table.Td>{e.source.replace('_', ' ')}</Table.Td>
                <Table.Td>{formatMinor(e.amount, e.currency)}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor(e.state)}>{e.state}</Badge>
                </Table.Td>
                <Table.Td>{e.explanation}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canApprove && accrued.length > 0 && (
        <Group mt="sm">
          <Button
            variant="light"
            onClick={() => setPicked(picked.length === accrued.length ? [] : accrued.map((e) => e.id))}
          >
            {picked.length === accrued.length ? 'Pick none' : 'Pick every accrued entry'}
          </Button>
          <Button
            disabled={!picked.length}
            loading={approve.isPending}
            onClick={() =>
              approve.mutate(picked, {
                onSuccess: (r) => {
                  setPicked([]);
                  setDone(`${r.items.length} entr${r.items.length === 1 ? 'y' : 'ies'} approved for payment`);
                },
              })
            }
          >
            Approve {picked.length || ''} for payment
          </Button>
        </Group>
      )}
      {done && (
        <Text size="sm" role="status" mt="xs">
          {done}
        </Text>
      )}
      {approve.isError && (
        <Alert color="red" mt="xs">
          {errorMessage(approve.error)}
        </Alert>
      )}
    </Card>
  );
}

interface AdjustmentValues extends Record<string, unknown> {
  partnerId: string | null;
  amount: string;
  currency: string;
  occurredOn: string;
  explanation: string;
}

function adjustmentBody(v: AdjustmentValues) {
  const errors: Record<string, string> = {};
  // A negative adjustment (a correction downwards) is typed with a minus sign.
  const negative = v.amount.trim().startsWith('-');
  const parsed = parseMajorAmount(v.amount.trim().replace(/^-/, ''), v.currency || 'USD');
  if ('error' in parsed) errors.amount = parsed.error;
  const amount = 'error' in parsed ? 0 : negative ? -parsed.minor : parsed.minor;
  return {
    body: {
      partnerId: v.partnerId ?? '',
      amount,
      currency: v.currency,
      occurredOn: v.occurredOn,
      explanation: v.explanation,
    },
    errors,
  };
}

function AdjustmentForm() {
  const add = useAddAdjustment();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useContractForm<AdjustmentValues>(bodySchema(manualAccrualBody, adjustmentBody), {
    partnerId: null,
    amount: '',
    currency: 'USD',
    occurredOn: todayDate(),
    explanation: '',
  });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    setDone(null);
    add.mutate(manualAccrualBody.parse(adjustmentBody(v).body), {
      onSuccess: (entry) => {
        form.reset();
        setDone(`Adjustment of ${formatMinor(entry.amount, entry.currency)} accrued to ${entry.partnerName}`);
      },
      onError: (err) => setProblem(showServerErrors(form, err)),
    });
  });
  return (
    <Card withBorder component="section" aria-labelledby="adjustment">
      <Title order={2} size="h4" id="adjustment" mb="sm">
        Manual adjustment
      </Title>
      <form onSubmit={submit} noValidate aria-label="Manual adjustment">
        <Stack gap="xs">
          <Group grow align="flex-start">
            <OrganizationPicker
              source="partners"
              label="Partner"
              value={form.values.partnerId}
              onChange={(id) => form.setFieldValue('partnerId', id)}
              error={form.errors.partnerId as string | undefined}
            />
            <TextInput
              label="Amount"
              description="A minus sign for a correction downwards"
              {...form.getInputProps('amount')}
            />
            <TextInput label="Currency" {...form.getInputProps('currency')} />
            <TextInput label="Date" type="date" {...form.getInputProps('occurredOn')} />
          </Group>
          <TextInput
            label="Explanation"
            description="Shown on the partner’s statement"
            {...form.getInputProps('explanation')}
          />
          {problem && <Alert color="red">{problem}</Alert>}
          {done && (
            <Text size="sm" role="status">
              {done}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={add.isPending}>
              Accrue the adjustment
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function PayoutBatches({ canPay }: { canPay: boolean }) {
  const batches = useQuery(payoutBatchesQueryOptions);
  const create = useCreatePayoutBatch();
  const [currency, setCurrency] = useState('USD');
  return (
    <Card withBorder component="section" aria-labelledby="payout-batches">
      <Title order={2} size="h4" id="payout-batches" mb="sm">
        Payout batches
      </Title>
      {batches.isError && <ErrorAlert error={batches.error} />}
      {batches.data?.length === 0 && <Text c="dimmed">No payout batch yet.</Text>}
      <Stack>
        {batches.data?.map((b) => (
          <Card
            key={b.id}
            withBorder
            padding="sm"
            aria-label={`Payout batch ${b.createdAt.slice(0, 10)} ${b.currency}`}
          >
            <Group justify="space-between">
              <Text fw={600}>
                {formatMinor(b.total, b.currency)} · {b.lines.length} partner{b.lines.length === 1 ? '' : 's'}{' '}
                · {b.createdAt.slice(0, 10)}
              </Text>
              <Group gap="xs">
                <Badge color={b.status === 'settled' ? 'teal' : 'yellow'}>{b.status}</Badge>
                <Anchor href={payoutExportUrl(b.id)}>Export for accounts payable (CSV)</Anchor>
              </Group>
            </Group>
            <Table aria-label={`Payments of batch ${b.createdAt.slice(0, 10)} ${b.currency}`} mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Partner</Table.Th>
                  <Table.Th>Partner id</Table.Th>
                  <Table.Th>Amount</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Reference</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {b.lines.map((l) => (
                  <Table.Tr key={l.partnerId}>
                    <Table.Td>{l.partnerName}</Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {l.partnerId}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatMinor(l.amount, b.currency)}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColor(l.status === 'failed' ? 'rejected' : l.status)}>
                        {l.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{l.reference ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {canPay && b.status === 'open' && (
              <PaymentImport
                batchId={b.id}
                version={b.version}
                label={`${b.createdAt.slice(0, 10)} ${b.currency}`}
              />
            )}
          </Card>
        ))}
      </Stack>
      {canPay && (
        <Group align="flex-end" mt="sm">
          <TextInput
            label="Currency"
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value)}
            w={100}
          />
          <Button
            variant="light"
            loading={create.isPending}
            onClick={() => create.mutate(currency.trim().toUpperCase())}
          >
            Create a payout batch
          </Button>
        </Group>
      )}
      {create.isError && (
        <Alert color="red" mt="xs">
          {errorMessage(create.error)}
        </Alert>
      )}
    </Card>
  );
}

/** The payment status accounts payable sends back, as the CSV `partner_id,status,reference`. */
function PaymentImport({ batchId, version, label }: { batchId: string; version: number; label: string }) {
  const importPayments = useImportPayments();
  const [file, setFile] = useState<File | null>(null);
  return (
    <form
      aria-label={`Payment status for batch ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (file) importPayments.mutate({ id: batchId, version, file }, { onSuccess: () => setFile(null) });
      }}
    >
      <Group align="flex-end" mt="xs">
        <FileInput
          label="Payment status (CSV: partner_id,status,reference)"
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          placeholder="Choose the file"
          clearable
        />
        <Button type="submit" disabled={!file} loading={importPayments.isPending}>
          Import the payment status
        </Button>
      </Group>
      {importPayments.isError && (
        <Alert color="red" mt="xs">
          {errorMessage(importPayments.error)}
        </Alert>
      )}
    </form>
  );
}

/** The first day of this year and of the next, as a statement's default period. */
function thisYear() {
  const y = new Date().getFullYear();
  return { from: `${y}-01-01`, to: `${y + 1}-01-01` };
}

/**
 * A statement for a chosen period, line by line, with its CSV and PDF. The vendor names the partner;
 * a partner reads its own.
 */
export function StatementPicker({
  vendor = false,
  currencies = ['USD'],
}: {
  vendor?: boolean;
  currencies?: string[];
}) {
  const [partnerId, setPartnerId] = useState<string | null>(null);
  const [period, setPeriod] = useState({ currency: currencies[0] ?? 'USD', ...thisYear() });
  const checked = statementQuery.safeParse({ ...period, partnerId: partnerId ?? undefined });
  const ready = checked.success && (!vendor || partnerId !== null);
  const query = { ...period, ...(partnerId ? { partnerId } : {}) };
  const statement = useQuery({ ...statementQueryOptions(query), enabled: ready });
  const problem = checked.success ? undefined : checked.error.issues[0]?.message;
  return (
    <Card withBorder component="section" aria-labelledby="statement">
      <Title order={2} size="h4" id="statement" mb="sm">
        Statement
      </Title>
      <Group align="flex-start" grow>
        {vendor && (
          <OrganizationPicker source="partners" label="Partner" value={partnerId} onChange={setPartnerId} />
        )}
        <TextInput
          label="Currency"
          value={period.currency}
          onChange={(e) => setPeriod({ ...period, currency: e.currentTarget.value.toUpperCase() })}
        />
        <TextInput
          label="From"
          type="date"
          value={period.from}
          onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
        />
        <TextInput
          label="Until (not included)"
          type="date"
          value={period.to}
          onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
          error={problem}
        />
      </Group>
      {statement.isFetching && <LoadingState label="Loading the statement…" />}
      {statement.isError && <ErrorAlert error={statement.error} />}
      {ready && statement.data && (
        <>
          <Group justify="space-between" mt="sm">
            <Text size="sm">
              {statement.data.partnerName} · opening{' '}
              {formatMinor(statement.data.openingBalance, statement.data.currency)} · closing{' '}
              {formatMinor(statement.data.closingBalance, statement.data.currency)} · earned to date{' '}
              {formatMinor(statement.data.earnedToDate, statement.data.currency)}
            </Text>
            <Group gap="xs">
              <Anchor href={statementUrl({ ...query, format: 'pdf' })}>PDF</Anchor>
              <Anchor href={statementUrl({ ...query, format: 'csv' })}>CSV</Anchor>
            </Group>
          </Group>
          {statement.data.lines.length === 0 ? (
            <Text c="dimmed" size="sm">
              Nothing in this period.
            </Text>
          ) : (
            <Table aria-label="Statement lines" mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Amount</Table.Th>
                  <Table.Th>Owed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {statement.data.lines.map((l) => (
                  <Table.Tr key={`${l.entryId}-${l.kind}`}>
                    <Table.Td>{l.date}</Table.Td>
                    <Table.Td>{l.description}</Table.Td>
                    <Table.Td>{formatMinor(l.amount, statement.data.currency)}</Table.Td>
                    <Table.Td>{formatMinor(l.balance, statement.data.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Card>
  );
}
