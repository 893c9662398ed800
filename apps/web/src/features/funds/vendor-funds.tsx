import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { createBudgetBody } from '@partnergraph/shared/contracts/funds';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import { errorMessage } from '../../api/client';
import {
  budgetsQueryOptions,
  claimsQueryOptions,
  fundRequestsQueryOptions,
  ledgerSummaryQueryOptions,
  statementUrl,
  useAllocate,
  useCreateBudget,
  useCreatePayoutBatch,
  useDecideFundRequest,
  useReviewClaim,
  type Claim,
} from '../../api/funds';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { parseMajorAmount } from '../settings/format';
import { statusColor } from './status';

/** The vendor's funds desk: budgets, the requests queue, claims review and the ledger. */
export function VendorFunds() {
  return (
    <Stack>
      <Budgets />
      <RequestsQueue />
      <ClaimsReview />
      <Ledger />
    </Stack>
  );
}

function Budgets() {
  const budgets = useQuery(budgetsQueryOptions);
  const canManage = useCan('funds:manage');
  const allocate = useAllocate();
  const [problem, setProblem] = useState<string | null>(null);
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
                {canManage && b.tierName && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => {
                        const each = window.prompt(`Amount for each ${b.tierName} partner (${b.currency})`);
                        if (!each) return;
                        const parsed = parseMajorAmount(each, b.currency);
                        if ('error' in parsed) return setProblem(parsed.error);
                        allocate.mutate(
                          { id: b.id, body: { method: 'fixed_per_tier', amount: parsed.minor } },
                          { onError: (err) => setProblem(errorMessage(err)) },
                        );
                      }}
                    >
                      Allocate per tier
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {problem && <Alert color="red">{problem}</Alert>}
      {canManage && <BudgetForm />}
    </Card>
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
          <Group key={r.id} justify="space-between" aria-label={`Request ${r.title}`}>
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

function Ledger() {
  const summary = useQuery(ledgerSummaryQueryOptions);
  const payout = useCreatePayoutBatch();
  const canPay = useCan('ledger:manage');
  const [problem, setProblem] = useState<string | null>(null);
  const year = new Date().getUTCFullYear();
  return (
    <Card withBorder component="section" aria-labelledby="ledger">
      <Title order={2} size="h4" id="ledger" mb="sm">
        Ledger and payouts
      </Title>
      {summary.isError && <ErrorAlert error={summary.error} />}
      {summary.data && (
        <Table aria-label="Partner balances">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Partner</Table.Th>
              <Table.Th>Accrued</Table.Th>
              <Table.Th>Approved</Table.Th>
              <Table.Th>Paid</Table.Th>
              <Table.Th>Statement</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.data.balances.map((b) => (
              <Table.Tr key={`${b.partnerId}-${b.currency}`}>
                <Table.Td>{b.partnerName}</Table.Td>
                <Table.Td>{formatMinor(b.accrued, b.currency)}</Table.Td>
                <Table.Td>{formatMinor(b.approved, b.currency)}</Table.Td>
                <Table.Td>{formatMinor(b.paid, b.currency)}</Table.Td>
                <Table.Td>
                  <Anchor
                    href={statementUrl({
                      partnerId: b.partnerId,
                      currency: b.currency,
                      from: `${year}-01-01`,
                      to: `${year + 1}-01-01`,
                      format: 'csv',
                    })}
                  >
                    CSV
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {summary.data && (
        <Text size="sm" c="dimmed" mt="xs">
          Trial balance:{' '}
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
      {problem && <Alert color="red">{problem}</Alert>}
      {canPay && (
        <Button
          mt="sm"
          variant="light"
          loading={payout.isPending}
          onClick={() => payout.mutate('USD', { onError: (err) => setProblem(errorMessage(err)) })}
        >
          Create a USD payout batch
        </Button>
      )}
    </Card>
  );
}
