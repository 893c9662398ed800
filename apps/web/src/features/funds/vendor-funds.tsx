import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { allocateBody, createBudgetBody } from '@partnergraph/shared/contracts/funds';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import { errorMessage } from '../../api/client';
import {
  budgetsQueryOptions,
  claimsQueryOptions,
  fundRequestsQueryOptions,
  useAllocate,
  useCreateBudget,
  useDecideFundRequest,
  useReviewClaim,
  type Allocation,
  type Budget,
  type Claim,
} from '../../api/funds';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { OrganizationPicker } from '../deals/organization-picker';
import { parseMajorAmount } from '../settings/format';
import { ActivityReturn } from './activity-return';
import { bodySchema } from './contract-form';
import { FundsMetrics } from './funds-metrics';
import { IncentiveRules } from './incentive-rules';
import { LedgerDesk } from './ledger-desk';
import { statusColor } from './status';

/**
 * The vendor's funds desk, one tab per job: MDF (budgets and allocations, the requests queue with each
 * activity's return, claims review), incentive rules, the ledger and payouts, and the funds metrics.
 */
export function VendorFunds() {
  return (
    <Tabs defaultValue="mdf" keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="mdf">MDF</Tabs.Tab>
        <Tabs.Tab value="rules">Incentive rules</Tabs.Tab>
        <Tabs.Tab value="ledger">Ledger and payouts</Tabs.Tab>
        <Tabs.Tab value="metrics">Metrics</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="mdf">
        <Stack>
          <Budgets />
          <RequestsQueue />
          <ClaimsReview />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="rules">
        <IncentiveRules />
      </Tabs.Panel>
      <Tabs.Panel value="ledger">
        <LedgerDesk />
      </Tabs.Panel>
      <Tabs.Panel value="metrics">
        <FundsMetrics />
      </Tabs.Panel>
    </Tabs>
  );
}

function Budgets() {
  const budgets = useQuery(budgetsQueryOptions);
  const canManage = useCan('funds:manage');
  const [allocating, setAllocating] = useState<string | null>(null);
  const allocatingBudget = budgets.data?.find((b) => b.id === allocating);
  return (
    <Card withBorder component="section" aria-labelledby="budgets">
      <Title order={2} size="h4" id="budgets" mb="sm">
        Budgets
      </Title>
      {budgets.isPending && <LoadingState label="Loading budgets…" />}
      {budgets.isError && <ErrorAlert error={budgets.error} />}
      {budgets.data?.length === 0 && <Text c="dimmed">No budget yet.</Text>}
      {!!budgets.data?.length && (
        <Table aria-label="Budgets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Budget</Table.Th>
              <Table.Th>Period</Table.Th>
              <Table.Th>Amount</Table.Th>
              <Table.Th>Allocated</Table.Th>
              <Table.Th>Reserved</Table.Th>
              <Table.Th>Spent</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {budgets.data.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>
                  {b.name} {b.tierName ? <Badge variant="light">{b.tierName}</Badge> : null}
                </Table.Td>
                <Table.Td>
                  {b.periodStart} – {b.periodEnd}
                </Table.Td>
                <Table.Td>{formatMinor(b.amount, b.currency)}</Table.Td>
                <Table.Td>{formatMinor(b.allocated, b.currency)}</Table.Td>
                <Table.Td>{formatMinor(b.reserved, b.currency)}</Table.Td>
                <Table.Td>{formatMinor(b.spent, b.currency)}</Table.Td>
                {canManage && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setAllocating(allocating === b.id ? null : b.id)}
                    >
                      {allocating === b.id ? 'Close' : 'Allocate'}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {allocatingBudget && <AllocationForm budget={allocatingBudget} onDone={() => setAllocating(null)} />}
      {canManage && <BudgetForm />}
    </Card>
  );
}

interface AllocationValues extends Record<string, unknown> {
  method: 'manual' | 'fixed_per_tier' | 'revenue_share';
  partnerId: string | null;
  amount: string;
  percent: string;
  trailingDays: string;
}

function allocationBody(v: AllocationValues, currency: string) {
  const errors: Record<string, string> = {};
  const minor = () => {
    const parsed = parseMajorAmount(v.amount, currency);
    if ('error' in parsed) errors.amount = parsed.error;
    return 'error' in parsed ? 0 : parsed.minor;
  };
  if (v.method === 'revenue_share') {
    const days = Number(v.trailingDays);
    if (!Number.isInteger(days)) errors.trailingDays = 'A whole number of days';
    return { body: { method: v.method, percent: v.percent, trailingDays: days }, errors };
  }
  if (v.method === 'fixed_per_tier') return { body: { method: v.method, amount: minor() }, errors };
  return { body: { method: v.method, partnerId: v.partnerId ?? '', amount: minor() }, errors };
}

/**
 * Allocates a budget to partners: one partner by hand, the same amount to each partner at the budget's
 * tier, or a percent of each such partner's trailing sourced revenue (its basis shown per partner).
 */
function AllocationForm({ budget, onDone }: { budget: Budget; onDone: () => void }) {
  const allocate = useAllocate();
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<Allocation[] | null>(null);
  const form = useContractForm<AllocationValues>(
    bodySchema(allocateBody, (v: AllocationValues) => allocationBody(v, budget.currency)),
    {
      method: budget.tierName ? 'fixed_per_tier' : 'manual',
      partnerId: null,
      amount: '',
      percent: '',
      trailingDays: '365',
    },
  );
  const submit = form.onSubmit((v) => {
    setProblem(null);
    allocate.mutate(
      { id: budget.id, body: allocateBody.parse(allocationBody(v, budget.currency).body) },
      {
        onSuccess: (r) => setResult(r.items),
        onError: (err) => setProblem(showServerErrors(form, err)),
      },
    );
  });
  const method = form.values.method;
  return (
    <form onSubmit={submit} noValidate aria-label={`Allocate ${budget.name}`}>
      <Title order={3} size="h5" mt="md" mb="xs">
        Allocate {budget.name}
      </Title>
      <Stack gap="xs">
        <SegmentedControl
          aria-label="Allocation method"
          data={[
            { value: 'manual', label: 'By hand' },
            { value: 'fixed_per_tier', label: 'Fixed per tier', disabled: !budget.tierName },
            { value: 'revenue_share', label: 'By revenue share', disabled: !budget.tierName },
          ]}
          {...form.getInputProps('method')}
        />
        {!budget.tierName && (
          <Text size="xs" c="dimmed">
            Allocating per tier or by revenue share needs a budget for a tier.
          </Text>
        )}
        <Group grow align="flex-start">
          {method === 'manual' && (
            <OrganizationPicker
              source="partners"
              label="Partner"
              value={form.values.partnerId}
              onChange={(id) => form.setFieldValue('partnerId', id)}
              error={form.errors.partnerId as string | undefined}
            />
          )}
          {method !== 'revenue_share' && (
            <TextInput
              label={`${method === 'manual' ? 'Amount' : `Amount for each ${budget.tierName ?? ''} partner`} (${budget.currency})`}
              {...form.getInputProps('amount')}
            />
          )}
          {method === 'revenue_share' && (
            <>
              <TextInput
                label="Percent of sourced revenue"
                placeholder="10"
                {...form.getInputProps('percent')}
              />
              <TextInput
                label="Trailing days"
                description="Revenue won in these days before the period"
                {...form.getInputProps('trailingDays')}
              />
            </>
          )}
        </Group>
        {problem && <Alert color="red">{problem}</Alert>}
        <Group>
          <Button type="submit" loading={allocate.isPending}>
            Allocate
          </Button>
          <Button variant="subtle" onClick={onDone}>
            Close
          </Button>
        </Group>
        {result && (
          <Table aria-label={`Allocations of ${budget.name}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Partner</Table.Th>
                <Table.Th>Amount</Table.Th>
                <Table.Th>Basis</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>No partner qualifies.</Table.Td>
                </Table.Tr>
              )}
              {result.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.partnerName}</Table.Td>
                  <Table.Td>{formatMinor(a.amount, a.currency)}</Table.Td>
                  <Table.Td>{a.basis}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </form>
  );
}

function BudgetForm() {
  const create = useCreateBudget();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', tierName: '', periodStart: '', periodEnd: '', currency: 'USD', amount: '' },
  });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    const amount = parseMajorAmount(v.amount, v.currency);
    if ('error' in amount) return form.setFieldError('amount', amount.error);
    const checked = createBudgetBody.safeParse({
      ...v,
      tierName: v.tierName || undefined,
      amount: amount.minor,
    });
    if (!checked.success) {
      for (const issue of checked.error.issues) form.setFieldError(String(issue.path[0]), issue.message);
      return;
    }
    create.mutate(checked.data, {
      onSuccess: () => form.reset(),
      onError: (err) => setProblem(errorMessage(err)),
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="New budget">
      <Title order={3} size="h5" mt="md" mb="xs">
        New budget
      </Title>
      <Group grow align="flex-start">
        <TextInput label="Name" {...form.getInputProps('name')} />
        <TextInput label="Tier" placeholder="Gold" {...form.getInputProps('tierName')} />
      </Group>
      <Group grow align="flex-start">
        <TextInput label="Period starts" type="date" {...form.getInputProps('periodStart')} />
        <TextInput label="Period ends" type="date" {...form.getInputProps('periodEnd')} />
        <TextInput label="Currency" {...form.getInputProps('currency')} />
        <TextInput label="Amount" {...form.getInputProps('amount')} />
      </Group>
      {problem && <Alert color="red">{problem}</Alert>}
      <Button type="submit" mt="sm" loading={create.isPending}>
        Create the budget
      </Button>
    </form>
  );
}

function RequestsQueue() {
  const requests = useQuery(fundRequestsQueryOptions);
  const decide = useDecideFundRequest();
  const canReview = useCan('funds:review');
  const [problem, setProblem] = useState<string | null>(null);
  const onError = (err: unknown) => setProblem(errorMessage(err));
  const [showing, setShowing] = useState<string | null>(null);
  return (
    <Card withBorder component="section" aria-labelledby="requests-queue">
      <Title order={2} size="h4" id="requests-queue" mb="sm">
        Fund requests
      </Title>
      {requests.isError && <ErrorAlert error={requests.error} />}
      {requests.data?.length === 0 && <Text c="dimmed">No request yet.</Text>}
      {problem && <Alert color="red">{problem}</Alert>}
      <Stack>
        {requests.data?.map((r) => (
          <div key={r.id} aria-label={`Request ${r.title}`} role="group">
            <Group justify="space-between">
              <div>
                <Text fw={600}>
                  {r.title} · {r.partnerName}
                </Text>
                <Text size="sm">
                  {formatMinor(r.amount, r.currency)} · {r.activityType} {r.startsOn} – {r.endsOn} · approvals{' '}
                  {r.approvals.length}/{r.approvalsNeeded}
                  {r.claimDeadline ? ` · claim by ${r.claimDeadline}` : ''}
                </Text>
              </div>
              <Group gap="xs">
                <Badge color={statusColor(r.status)}>{r.status}</Badge>
                {r.status !== 'submitted' && r.status !== 'rejected' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => setShowing(showing === r.id ? null : r.id)}
                  >
                    {showing === r.id ? 'Hide the return' : 'Return'}
                  </Button>
                )}
                {canReview && r.status === 'submitted' && (
                  <>
                    <Button
                      size="xs"
                      onClick={() => decide.mutate({ id: r.id, version: r.version }, { onError })}
                    >
                      Approve
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => {
                        const reason = window.prompt('Why is it rejected?');
                        if (reason) decide.mutate({ id: r.id, version: r.version, reason }, { onError });
                      }}
                    >
                      Reject
                    </Button>
                  </>
                )}
              </Group>
            </Group>
            {showing === r.id && <ActivityReturn requestId={r.id} />}
          </div>
        ))}
      </Stack>
    </Card>
  );
}

function ClaimsReview() {
  const claims = useQuery(claimsQueryOptions);
  return (
    <Card withBorder component="section" aria-labelledby="claims-review">
      <Title order={2} size="h4" id="claims-review" mb="sm">
        Claims
      </Title>
      {claims.isError && <ErrorAlert error={claims.error} />}
      {claims.data?.length === 0 && <Text c="dimmed">No claim yet.</Text>}
      <Stack>
        {claims.data?.map((c) => (
          <ClaimRow key={c.id} claim={c} />
        ))}
      </Stack>
    </Card>
  );
}

function ClaimRow({ claim: c }: { claim: Claim }) {
  const review = useReviewClaim();
  const canReview = useCan('funds:review');
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const onError = (err: unknown) => setProblem(errorMessage(err));
  return (
    <Card withBorder padding="sm" aria-label={`Claim ${c.requestTitle}`}>
      <Group justify="space-between">
        <Text fw={600}>
          {c.requestTitle} · {c.partnerName}
        </Text>
        <Badge color={statusColor(c.status)}>{c.status.replace('_', ' ')}</Badge>
      </Group>
      <Text size="sm">
        {formatMinor(c.amount, c.currency)} claimed
        {c.approvedAmount !== null ? ` · ${formatMinor(c.approvedAmount, c.currency)} approved` : ''}
      </Text>
      <Group gap="xs">
        {c.files.map((f) => (
          <Anchor key={f.id} href={`/api/v1/claims/${c.id}/files/${f.id}`} size="sm">
            {f.fileName}
          </Anchor>
        ))}
      </Group>
      {canReview && c.status === 'submitted' && (
        <Group align="flex-end" mt="xs">
          <TextInput
            label={`Approve (${c.currency})`}
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
          />
          <Button
            onClick={() => {
              const parsed = parseMajorAmount(amount, c.currency);
              if ('error' in parsed) return setProblem(parsed.error);
              review.mutate({ id: c.id, version: c.version, approvedAmount: parsed.minor }, { onError });
            }}
          >
            Approve
          </Button>
          <Button
            color="red"
            variant="light"
            onClick={() => {
              const reason = window.prompt('Why is it rejected?');
              if (reason) review.mutate({ id: c.id, version: c.version, reason }, { onError });
            }}
          >
            Reject
          </Button>
        </Group>
      )}
      {problem && <Alert color="red">{problem}</Alert>}
    </Card>
  );
}
