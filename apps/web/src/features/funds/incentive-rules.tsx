import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { addRuleVersionBody, createRuleBody, type RuleParams } from '@partnergraph/shared/contracts/funds';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import { errorMessage } from '../../api/client';
import {
  incentiveRulesQueryOptions,
  ledgerEntriesQueryOptions,
  useAddRuleVersion,
  useCreateRule,
  useRunRebate,
  type IncentiveRule,
} from '../../api/funds';
import { settingsQueryOptions } from '../../api/settings';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { formatDay, majorAmountText, parseMajorAmount, todayDate } from '../settings/format';
import { bodySchema } from './contract-form';
import { statusColor } from './status';

// Incentive rules, the vendor's: each a list of effective-dated versions that are never edited, so a
// past accrual replays exactly. A new version is a new row from its date; the accruals a rule booked
// are shown with the explanation each carries.

interface ParamValues extends Record<string, unknown> {
  kind: 'rebate' | 'spiff';
  tierName: string;
  percent: string;
  threshold: string;
  acceleratorAbove: string;
  acceleratorPercent: string;
  product: string;
  currency: string;
  amount: string;
  from: string;
  to: string;
}

type RuleFormValues = ParamValues & { name: string; effectiveFrom: string };

/** The rule's params from the inputs; amounts are typed in major units of their currency. */
function paramsFrom(v: ParamValues, reporting: string): { params: unknown; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const minor = (field: string, text: string, currency: string, optional = false) => {
    if (optional && !text.trim()) return undefined;
    const parsed = parseMajorAmount(text, currency);
    if ('error' in parsed) {
      errors[field] = parsed.error;
      return 0;
    }
    return parsed.minor;
  };
  if (v.kind === 'spiff') {
    return {
      params: {
        kind: 'spiff',
        currency: v.currency,
        amountMinor: minor('amount', v.amount, v.currency || reporting),
        product: v.product,
        from: v.from,
        to: v.to,
      },
      errors,
    };
  }
  const above = minor('acceleratorAbove', v.acceleratorAbove, reporting, true);
  return {
    params: {
      kind: 'rebate',
      tiers: [
        {
          tierName: v.tierName,
          percent: v.percent,
          thresholdMinor: minor('threshold', v.threshold || '0', reporting),
          accelerators: above === undefined ? [] : [{ aboveMinor: above, percent: v.acceleratorPercent }],
        },
      ],
    },
    errors,
  };
}

/** Where a contract problem in `params` is shown: the input it came from. */
function paramField(path: string): string | undefined {
  if (path.endsWith('thresholdMinor')) return 'threshold';
  if (path.endsWith('amountMinor')) return 'amount';
  if (/accelerators\.\d+\.aboveMinor$/.test(path)) return 'acceleratorAbove';
  if (/accelerators\.\d+\.percent$/.test(path)) return 'acceleratorPercent';
  return undefined;
}

const emptyParams = (kind: 'rebate' | 'spiff', currency: string): ParamValues => ({
  kind,
  tierName: '',
  percent: '',
  threshold: '',
  acceleratorAbove: '',
  acceleratorPercent: '',
  product: '',
  currency,
  amount: '',
  from: '',
  to: '',
});

/** A version's params as the inputs hold them, to start the next version from the one in force. */
function valuesOf(params: Record<string, unknown>, fallbackCurrency: string): ParamValues {
  const p = params as RuleParams;
  if (p.kind === 'spiff') {
    return {
      ...emptyParams('spiff', p.currency),
      product: p.product,
      amount: majorAmountText(p.amountMinor, p.currency),
      from: p.from,
      to: p.to,
    };
  }
  const tier = p.tiers[0]!;
  const acc = tier.accelerators[0];
  return {
    ...emptyParams('rebate', fallbackCurrency),
    tierName: tier.tierName,
    percent: tier.percent,
    threshold: majorAmountText(tier.thresholdMinor, fallbackCurrency),
    acceleratorAbove: acc ? majorAmountText(acc.aboveMinor, fallbackCurrency) : '',
    acceleratorPercent: acc?.percent ?? '',
  };
}

/** A version's terms in words, as the table of versions shows them. */
export function describeParams(params: Record<string, unknown>, reporting: string): string {
  const p = params as RuleParams;
  if (p.kind === 'spiff') {
    return `${formatMinor(p.amountMinor, p.currency)} per won deal listing ${p.product}, closed ${p.from} to ${p.to}`;
  }
  return p.tiers
    .map(
      (t) =>
        `${t.tierName}: ${t.percent}% of quarterly sourced revenue from ${formatMinor(t.thresholdMinor, reporting)}` +
        t.accelerators.map((a) => `, ${a.percent}% above ${formatMinor(a.aboveMinor, reporting)}`).join(''),
    )
    .join('; ');
}

function ParamInputs({
  form,
  reporting,
  lockKind,
}: {
  form: UseFormReturnType<RuleFormValues>;
  reporting: string;
  lockKind?: boolean;
}) {
  const kind = form.values.kind;
  return (
    <>
      {!lockKind && (
        <SegmentedControl
          aria-label="Kind of incentive"
          data={[
            { value: 'rebate', label: 'Rebate' },
            { value: 'spiff', label: 'SPIFF' },
          ]}
          {...form.getInputProps('kind')}
        />
      )}
      {kind === 'rebate' ? (
        <>
          <Group grow align="flex-start">
            <TextInput label="Tier" placeholder="Gold" {...form.getInputProps('tierName')} />
            <TextInput label="Percent" placeholder="2" {...form.getInputProps('percent')} />
            <TextInput
              label={`Threshold (${reporting})`}
              description="Quarterly sourced revenue below it earns nothing"
              {...form.getInputProps('threshold')}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={`Accelerator above (${reporting})`}
              description="Optional: the revenue above it earns its own percent"
              {...form.getInputProps('acceleratorAbove')}
            />
            <TextInput label="Accelerator percent" {...form.getInputProps('acceleratorPercent')} />
          </Group>
        </>
      ) : (
        <>
          <Group grow align="flex-start">
            <TextInput label="Product" {...form.getInputProps('product')} />
            <TextInput label="Currency" {...form.getInputProps('currency')} />
            <TextInput label="Amount per deal" {...form.getInputProps('amount')} />
          </Group>
          <Group grow align="flex-start">
            <TextInput label="Deals closed from" type="date" {...form.getInputProps('from')} />
            <TextInput label="Deals closed until" type="date" {...form.getInputProps('to')} />
          </Group>
        </>
      )}
    </>
  );
}

export function IncentiveRules() {
  const rules = useQuery(incentiveRulesQueryOptions);
  const settings = useQuery(settingsQueryOptions);
  const canManage = useCan('funds:manage');
  const reporting = settings.data?.reportingCurrency ?? 'USD';
  return (
    <Stack>
      <Card withBorder component="section" aria-labelledby="incentive-rules">
        <Title order={2} size="h4" id="incentive-rules" mb="xs">
          Incentive rules
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Referral fees need no rule: the percent fixed when a referral becomes a deal accrues when it is won.
          Rebate thresholds and revenue are in {reporting}, the reporting currency.
        </Text>
        {rules.isPending && <LoadingState label="Loading incentive rules…" />}
        {rules.isError && <ErrorAlert error={rules.error} />}
        {rules.data?.length === 0 && <Text c="dimmed">No rebate or SPIFF rule yet.</Text>}
        <Stack>
          {rules.data?.map((r) => (
            <RuleCard key={r.id} rule={r} reporting={reporting} canManage={canManage} />
          ))}
        </Stack>
      </Card>
      {canManage && <NewRuleForm reporting={reporting} />}
    </Stack>
  );
}

function RuleCard({
  rule,
  reporting,
  canManage,
}: {
  rule: IncentiveRule;
  reporting: string;
  canManage: boolean;
}) {
  const [versioning, setVersioning] = useState(false);
  const versions = [...rule.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const today = todayDate();
  const inForce = versions.find((v) => v.effectiveFrom <= today);
  return (
    <Card withBorder padding="sm" aria-label={`Rule ${rule.name}`}>
      <Group justify="space-between">
        <Text fw={600}>{rule.name}</Text>
        <Badge variant="light">{rule.kind === 'spiff' ? 'SPIFF' : 'Rebate'}</Badge>
      </Group>
      <Table aria-label={`Versions of ${rule.name}`} mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>In force from</Table.Th>
            <Table.Th>Terms</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>
                {formatDay(v.effectiveFrom)} {v.id === inForce?.id && <Badge size="xs">in force</Badge>}
              </Table.Td>
              <Table.Td>{describeParams(v.params, reporting)}</Table.Td>
              <Table.Td>{formatDay(v.createdAt.slice(0, 10))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {canManage && (
        <Group mt="xs">
          <Button size="xs" variant="light" onClick={() => setVersioning((x) => !x)}>
            {versioning ? 'Cancel the new version' : 'New version'}
          </Button>
          {rule.kind === 'rebate' && <RunRebate rule={rule} />}
        </Group>
      )}
      {versioning && (
        <NewVersionForm
          rule={rule}
          start={valuesOf((inForce ?? versions[0]!).params, reporting)}
          reporting={reporting}
          onDone={() => setVersioning(false)}
        />
      )}
      <RuleAccruals rule={rule} />
    </Card>
  );
}

/** The quarter before the current one, as `2026-Q3`: the latest a rebate can be run for. */
function lastEndedQuarter(): string {
  const now = new Date();
  const q = Math.floor(now.getUTCMonth() / 3);
  return q === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q}`;
}

function RunRebate({ rule }: { rule: IncentiveRule }) {
  const run = useRunRebate();
  const [quarter, setQuarter] = useState(lastEndedQuarter);
  const [result, setResult] = useState<string | null>(null);
  return (
    <Group gap="xs" align="flex-end">
      <TextInput
        size="xs"
        label="Quarter"
        value={quarter}
        onChange={(e) => setQuarter(e.currentTarget.value)}
        error={run.isError ? errorMessage(run.error) : undefined}
      />
      <Button
        size="xs"
        loading={run.isPending}
        onClick={() =>
          run.mutate(
            { id: rule.id, quarter },
            {
              onSuccess: (r) =>
                setResult(
                  r.entries.length
                    ? `${r.entries.length} accrual${r.entries.length === 1 ? '' : 's'} booked for ${r.quarter}`
                    : `Nothing new to accrue for ${r.quarter}`,
                ),
            },
          )
        }
      >
        Run the rebate
      </Button>
      {result && (
        <Text size="sm" role="status">
          {result}
        </Text>
      )}
    </Group>
  );
}

/** The accruals a rule booked, each with its explanation in words. */
function RuleAccruals({ rule }: { rule: IncentiveRule }) {
  const entries = useQuery(ledgerEntriesQueryOptions);
  const mine = entries.data?.filter((e) => e.ruleId === rule.id) ?? [];
  if (!mine.length) return null;
  return (
    <Table aria-label={`Accruals of ${rule.name}`} mt="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Partner</Table.Th>
          <Table.Th>Date</Table.Th>
          <Table.Th>Amount</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Explanation</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {mine.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{e.partnerName}</Table.Td>
            <Table.Td>{e.occurredOn}</Table.Td>
            <Table.Td>{formatMinor(e.amount, e.currency)}</Table.Td>
            <Table.Td>
              <Badge color={statusColor(e.state)}>{e.state}</Badge>
            </Table.Td>
            <Table.Td>{e.explanation}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function NewRuleForm({ reporting }: { reporting: string }) {
  const create = useCreateRule();
  const [problem, setProblem] = useState<string | null>(null);
  const schema = bodySchema<RuleFormValues>(
    createRuleBody,
    (v) => {
      const { params, errors } = paramsFrom(v, reporting);
      return { body: { name: v.name, effectiveFrom: v.effectiveFrom, params }, errors };
    },
    paramField,
  );
  const form = useContractForm<RuleFormValues>(schema, {
    ...emptyParams('rebate', reporting),
    name: '',
    effectiveFrom: todayDate(),
  });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    const { params } = paramsFrom(v, reporting);
    create.mutate(createRuleBody.parse({ name: v.name, effectiveFrom: v.effectiveFrom, params }), {
      onSuccess: () => form.reset(),
      onError: (err) => setProblem(showServerErrors(form, err)),
    });
  });
  return (
    <Card withBorder component="section" aria-labelledby="new-rule">
      <Title order={2} size="h4" id="new-rule" mb="sm">
        New incentive rule
      </Title>
      <form onSubmit={submit} noValidate aria-label="New incentive rule">
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput label="Name" {...form.getInputProps('name')} />
            <TextInput label="In force from" type="date" {...form.getInputProps('effectiveFrom')} />
          </Group>
          <ParamInputs form={form} reporting={reporting} />
          {problem && <Alert color="red">{problem}</Alert>}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create the rule
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function NewVersionForm({
  rule,
  start,
  reporting,
  onDone,
}: {
  rule: IncentiveRule;
  start: ParamValues;
  reporting: string;
  onDone: () => void;
}) {
  const add = useAddRuleVersion();
  const [problem, setProblem] = useState<string | null>(null);
  const schema = bodySchema<RuleFormValues>(
    addRuleVersionBody,
    (v) => {
      const { params, errors } = paramsFrom(v, reporting);
      return { body: { version: rule.version, effectiveFrom: v.effectiveFrom, params }, errors };
    },
    paramField,
  );
  const form = useContractForm<RuleFormValues>(schema, { ...start, name: rule.name, effectiveFrom: '' });
  const submit = form.onSubmit((v) => {
    setProblem(null);
    const { params } = paramsFrom(v, reporting);
    add.mutate(
      {
        id: rule.id,
        body: addRuleVersionBody.parse({ version: rule.version, effectiveFrom: v.effectiveFrom, params }),
      },
      { onSuccess: onDone, onError: (err) => setProblem(showServerErrors(form, err)) },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label={`New version of ${rule.name}`}>
      <Stack gap="xs" mt="sm">
        <Text size="sm" c="dimmed">
          A version is never edited: the new terms apply from their date, and accruals before it keep the
          terms they were booked under. A date on or before a paid period is refused.
        </Text>
        <TextInput label="In force from" type="date" {...form.getInputProps('effectiveFrom')} />
        <ParamInputs form={form} reporting={reporting} lockKind />
        {problem && <Alert color="red">{problem}</Alert>}
        <Group>
          <Button type="submit" loading={add.isPending}>
            Add the version
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
