import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { activityTypes, createFundRequestBody } from '@partnergraph/shared/contracts/funds';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import { errorMessage } from '../../api/client';
import {
  allocationsQueryOptions,
  claimsQueryOptions,
  fundRequestsQueryOptions,
  ledgerSummaryQueryOptions,
  statementUrl,
  useCreateClaim,
  useCreateFundRequest,
  useUploadClaimFile,
  type FundRequest,
} from '../../api/funds';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { parseMajorAmount } from '../settings/format';
import { ActivityReturn } from './activity-return';
import { StatementPicker } from './ledger-desk';
import { statusColor } from './status';

/** A partner's funds: what it may request, its requests and claims with deadlines, its earnings and statements. */
export function PartnerFunds() {
  return (
    <Stack>
      <Available />
      <RequestForm />
      <Requests />
      <Earnings />
      <StatementPicker />
    </Stack>
  );
}

function Available() {
  const allocations = useQuery(allocationsQueryOptions);
  return (
    <Card withBorder component="section" aria-labelledby="funds-available">
      <Title order={2} size="h4" id="funds-available" mb="sm">
        Funds available
      </Title>
      {allocations.isPending && <LoadingState label="Loading allocations…" />}
      {allocations.isError && <ErrorAlert error={allocations.error} />}
      {allocations.data?.length === 0 && (
        <Text c="dimmed">No fund is allocated to your organization yet.</Text>
      )}
      {!!allocations.data?.length && (
        <Table aria-label="Funds available">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Budget</Table.Th>
              <Table.Th>Period</Table.Th>
              <Table.Th>Allocated</Table.Th>
              <Table.Th>Available</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {allocations.data.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.budgetName}</Table.Td>
                <Table.Td>
                  {a.periodStart} – {a.periodEnd}
                </Table.Td>
                <Table.Td>{formatMinor(a.amount, a.currency)}</Table.Td>
                <Table.Td>{formatMinor(a.available, a.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function RequestForm() {
  const allocations = useQuery(allocationsQueryOptions);
  const create = useCreateFundRequest();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { budgetId: '', activityType: 'webinar', title: '', startsOn: '', endsOn: '', amount: '' },
  });
  const budget = allocations.data?.find((a) => a.budgetId === form.values.budgetId);
  if (!allocations.data?.length) return null;
  const submit = form.onSubmit((v) => {
    setProblem(null);
    setDone(false);
    const currency = budget?.currency ?? 'USD';
    const amount = parseMajorAmount(v.amount, currency);
    if ('error' in amount) return form.setFieldError('amount', amount.error);
    const body = { ...v, amount: amount.minor, currency };
    // The contract the server applies, checked here first so each field names its own problem.
    const checked = createFundRequestBody.safeParse(body);
    if (!checked.success) {
      for (const issue of checked.error.issues) form.setFieldError(String(issue.path[0]), issue.message);
      return;
    }
    create.mutate(checked.data, {
      onSuccess: () => {
        form.reset();
        setDone(true);
      },
      onError: (err) => setProblem(errorMessage(err)),
    });
  });
  return (
    <Card withBorder component="section" aria-labelledby="request-funds">
      <Title order={2} size="h4" id="request-funds" mb="sm">
        Request funds
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Select
            label="Budget"
            data={allocations.data.map((a) => ({ value: a.budgetId, label: a.budgetName }))}
            {...form.getInputProps('budgetId')}
          />
          <Select
            label="Activity"
            data={activityTypes.map((t) => ({ value: t, label: t.replace('_', ' ') }))}
            {...form.getInputProps('activityType')}
          />
          <TextInput label="Title" {...form.getInputProps('title')} />
          <Group grow>
            <TextInput label="Starts on" type="date" {...form.getInputProps('startsOn')} />
            <TextInput label="Ends on" type="date" {...form.getInputProps('endsOn')} />
          </Group>
          <TextInput
            label={`Amount${budget ? ` (${budget.currency})` : ''}`}
            {...form.getInputProps('amount')}
          />
          {problem && <Alert color="red">{problem}</Alert>}
          {done && <Alert color="teal">Your request was sent for approval.</Alert>}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Send the request
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Requests() {
  const requests = useQuery(fundRequestsQueryOptions);
  const claims = useQuery(claimsQueryOptions);
  return (
    <Card withBorder component="section" aria-labelledby="fund-requests">
      <Title order={2} size="h4" id="fund-requests" mb="sm">
        Requests and claims
      </Title>
      {requests.isError && <ErrorAlert error={requests.error} />}
      {requests.data?.length === 0 && <Text c="dimmed">No request yet.</Text>}
      <Stack>
        {requests.data?.map((r) => {
          const claim = claims.data?.find((c) => c.requestId === r.id && c.status !== 'rejected');
          return (
            <Card key={r.id} withBorder padding="sm" aria-label={`Request ${r.title}`}>
              <Group justify="space-between">
                <Text fw={600}>{r.title}</Text>
                <Badge color={statusColor(r.status)}>{r.status}</Badge>
              </Group>
              <Text size="sm">
                {formatMinor(r.amount, r.currency)} requested
                {r.claimDeadline ? ` · claim by ${r.claimDeadline}` : ''}
              </Text>
              {claim && (
                <Text size="sm">
                  Claim: {formatMinor(claim.amount, claim.currency)} · {claim.status.replace('_', ' ')}
                  {claim.approvedAmount !== null
                    ? ` · ${formatMinor(claim.approvedAmount, claim.currency)} approved`
                    : ''}
                  {claim.files.length > 0 && ' · proof: '}
                  {claim.files.map((f, i) => (
                    <span key={f.id}>
                      {i > 0 && ', '}
                      <Anchor href={`/api/v1/claims/${claim.id}/files/${f.id}`} size="sm">
                        {f.fileName}
                      </Anchor>
                    </span>
                  ))}
                </Text>
              )}
              {r.status === 'approved' && <ClaimForm request={r} />}
              {(r.status === 'approved' || r.status === 'claimed' || r.status === 'closed') && (
                <ActivityReturn requestId={r.id} canTag />
              )}
            </Card>
          );
        })}
      </Stack>
    </Card>
  );
}

function ClaimForm({ request }: { request: FundRequest }) {
  const create = useCreateClaim();
  const upload = useUploadClaimFile();
  const [amount, setAmount] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    const parsed = parseMajorAmount(amount, request.currency);
    if ('error' in parsed) return setProblem(parsed.error);
    if (!file) return setProblem('Attach the proof of performance (an invoice, photos, attendee list)');
    try {
      const claim = await create.mutateAsync({ requestId: request.id, amount: parsed.minor });
      await upload.mutateAsync({ id: claim.id, file });
    } catch (err) {
      setProblem(errorMessage(err));
    }
  }
  return (
    <form onSubmit={submit} aria-label={`Claim ${request.title}`}>
      <Group align="flex-end" mt="xs">
        <TextInput
          label={`Claim amount (${request.currency})`}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
        />
        <FileInput label="Proof of performance" value={file} onChange={setFile} placeholder="Choose a file" />
        <Button type="submit" loading={create.isPending || upload.isPending}>
          Claim
        </Button>
      </Group>
      {problem && (
        <Alert color="red" mt="xs">
          {problem}
        </Alert>
      )}
    </form>
  );
}

function Earnings() {
  const summary = useQuery(ledgerSummaryQueryOptions);
  const year = new Date().getUTCFullYear();
  return (
    <Card withBorder component="section" aria-labelledby="earnings">
      <Title order={2} size="h4" id="earnings" mb="sm">
        Earnings and statements
      </Title>
      {summary.isError && <ErrorAlert error={summary.error} />}
      {summary.data?.balances.length === 0 && <Text c="dimmed">Nothing earned yet.</Text>}
      {summary.data?.balances.map((b) => (
        <Group key={b.currency} justify="space-between">
          <Text>
            {b.currency}: {formatMinor(b.accrued, b.currency)} accrued · {formatMinor(b.approved, b.currency)}{' '}
            approved · {formatMinor(b.paid, b.currency)} paid
          </Text>
          <Group gap="xs">
            <Anchor
              href={statementUrl({
                currency: b.currency,
                from: `${year}-01-01`,
                to: `${year + 1}-01-01`,
                format: 'pdf',
              })}
            >
              Statement {year} (PDF)
            </Anchor>
            <Anchor
              href={statementUrl({
                currency: b.currency,
                from: `${year}-01-01`,
                to: `${year + 1}-01-01`,
                format: 'csv',
              })}
            >
              CSV
            </Anchor>
          </Group>
        </Group>
      ))}
    </Card>
  );
}
