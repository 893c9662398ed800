import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { createLeadRuleBody } from '@partnergraph/shared/contracts/leads';
import { companySizes, leadRoutingStrategies } from '@partnergraph/shared/lead-codes';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { errorMessage } from '../../api/client';
import {
  type CreateLeadRuleInput,
  type LeadRule,
  leadRulesQueryOptions,
  useCreateLeadRule,
  useDeleteLeadRule,
  useTestLeadRule,
  useUpdateLeadRule,
} from '../../api/leads';
import { certificationTypesQueryOptions } from '../../api/enablement';
import { countryOptions } from '../../components/countries';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { ExplanationView } from './routing-history';
import { useBrandTitle } from '../brand/brand-mark';

const strategyLabel: Record<(typeof leadRoutingStrategies)[number], string> = {
  round_robin: 'Weighted round robin (weights by tier)',
  score: 'Best score (acceptance and conversion)',
  by_hand: 'Keep for the vendor to assign by hand',
};

interface Values extends Record<string, unknown> {
  name: string;
  countries: string[];
  industries: string[];
  products: string[];
  sizes: string[];
  types: string[];
  tiers: string[];
  specializations: string[];
  servesLeadCountry: boolean;
  maxOpenLeads: number | string;
  /** A certification type's code, or '' for none. */
  certification: string;
  certifiedAtLeast: number | string;
  strategy: string;
  tierWeights: string;
  deadlineHours: number | string;
  sampleCountry: string;
  sampleIndustry: string;
}

const initial: Values = {
  name: '',
  countries: [],
  industries: [],
  products: [],
  sizes: [],
  types: [],
  tiers: [],
  specializations: [],
  servesLeadCountry: true,
  maxOpenLeads: '',
  certification: '',
  certifiedAtLeast: 1,
  strategy: 'round_robin',
  tierWeights: '',
  deadlineHours: 48,
  sampleCountry: 'DE',
  sampleIndustry: '',
};

/** "Gold=3, Silver=1" → { Gold: 3, Silver: 1 }. */
function weights(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [k, v] = part.split('=').map((s) => s.trim());
    if (k) out[k] = Number(v);
  }
  return out;
}

function toBody(v: Values): CreateLeadRuleInput {
  return {
    name: v.name,
    match: {
      countries: v.countries,
      industries: v.industries,
      products: v.products,
      sizes: v.sizes as never,
    },
    partners: {
      types: v.types,
      tiers: v.tiers,
      specializations: v.specializations,
      servesLeadCountry: v.servesLeadCountry,
      maxOpenLeads: v.maxOpenLeads === '' ? null : Number(v.maxOpenLeads),
      certifications: v.certification ? [{ code: v.certification, atLeast: Number(v.certifiedAtLeast) }] : [],
    },
    strategy: v.strategy as CreateLeadRuleInput['strategy'],
    tierWeights: weights(v.tierWeights),
    deadlineHours: Number(v.deadlineHours),
  };
}

/** The form is checked on the body it would send, so its rules are the contract's. */
const formSchema = z.custom<Values>().superRefine((v, ctx) => {
  const parsed = createLeadRuleBody.safeParse(toBody(v));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [head, ...rest] = issue.path.map(String);
    // The one certification criterion the form edits is two fields: its type and its count.
    const path =
      head === 'partners' && rest[0] === 'certifications'
        ? rest[2] === 'atLeast'
          ? 'certifiedAtLeast'
          : 'certification'
        : head === 'match' || head === 'partners'
          ? rest[0]
          : head;
    ctx.addIssue({ code: 'custom', path: [path ?? 'name'], message: issue.message });
  }
});

export function LeadRulesPage() {
  useBrandTitle('Lead routing');
  const rules = useQuery(leadRulesQueryOptions);
  const canManage = useCan('lead-rules:manage');
  return (
    <Stack>
      <div>
        <Title order={1}>Lead routing</Title>
        <Text c="dimmed" size="sm">
          Rules in order: the first that matches a lead and finds an eligible partner assigns it, with its
          explanation.
        </Text>
      </div>
      {rules.isPending && <LoadingState label="Loading rules…" />}
      {rules.isError && <ErrorAlert error={rules.error} title="The rules could not be loaded" />}
      {rules.data?.length === 0 && (
        <Text c="dimmed">No rules yet: every lead waits in the vendor’s queue.</Text>
      )}
      {rules.data?.map((r, i) => (
        <RuleCard
          key={r.id}
          rule={r}
          first={i === 0}
          last={i === rules.data.length - 1}
          canManage={canManage}
        />
      ))}
      {canManage && <RuleBuilder />}
    </Stack>
  );
}

function RuleCard({
  rule: r,
  first,
  last,
  canManage,
}: {
  rule: LeadRule;
  first: boolean;
  last: boolean;
  canManage: boolean;
}) {
  const update = useUpdateLeadRule();
  const remove = useDeleteLeadRule();
  const cond = [
    r.match.countries.length ? `country in ${r.match.countries.join(', ')}` : null,
    r.match.industries.length ? `industry in ${r.match.industries.join(', ')}` : null,
    r.match.products.length ? `products ${r.match.products.join(', ')}` : null,
    r.match.sizes.length ? `size ${r.match.sizes.join(', ')}` : null,
  ].filter(Boolean);
  const who = [
    r.partners.types.length ? `types ${r.partners.types.join(', ')}` : null,
    r.partners.tiers.length ? `tiers ${r.partners.tiers.join(', ')}` : null,
    r.partners.specializations.length ? `specializing in ${r.partners.specializations.join(', ')}` : null,
    r.partners.servesLeadCountry ? 'serving the lead’s country' : null,
    r.partners.maxOpenLeads !== null ? `under ${r.partners.maxOpenLeads} open leads` : null,
    ...r.partners.certifications.map((c) => `≥ ${c.atLeast} certified in ${c.code}`),
  ].filter(Boolean);
  return (
    <Card withBorder padding="md" aria-label={`Rule ${r.position}: ${r.name}`}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>
              {r.position}. {r.name}
            </Text>
            {!r.enabled && <Badge color="gray">Disabled</Badge>}
          </Group>
          <Text size="sm">Matches {cond.length ? cond.join('; ') : 'every lead'}.</Text>
          <Text size="sm">
            {strategyLabel[r.strategy]} among partners {who.length ? who.join('; ') : 'of any kind'}; accept
            within {r.deadlineHours} h.
          </Text>
          {r.warnings.map((w) => (
            <Alert key={w.kind + w.message} color="orange" p="xs">
              {w.message}
            </Alert>
          ))}
        </Stack>
        {canManage && (
          <Group gap={4}>
            <Switch
              aria-label={`Enable ${r.name}`}
              checked={r.enabled}
              onChange={(e) =>
                update.mutate({ id: r.id, version: r.version, enabled: e.currentTarget.checked })
              }
            />
            <ActionIcon
              variant="subtle"
              aria-label={`Move ${r.name} up`}
              disabled={first}
              onClick={() => update.mutate({ id: r.id, version: r.version, position: r.position - 1 })}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={`Move ${r.name} down`}
              disabled={last}
              onClick={() => update.mutate({ id: r.id, version: r.version, position: r.position + 1 })}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete ${r.name}`}
              onClick={() => remove.mutate(r.id)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        )}
      </Group>
      {update.error && <Alert color="red">{errorMessage(update.error)}</Alert>}
    </Card>
  );
}

function RuleBuilder() {
  const form = useContractForm(formSchema, initial);
  const create = useCreateLeadRule();
  const test = useTestLeadRule();
  const certificationTypes = useQuery(certificationTypesQueryOptions);
  const [alert, setAlert] = useState<string | null>(null);
  const save = form.onSubmit((v) => {
    setAlert(null);
    create.mutate(toBody(v), {
      onSuccess: () => form.reset(),
      onError: (error) => setAlert(showServerErrors(form, error)),
    });
  });
  const preview = () => {
    if (form.validate().hasErrors) return;
    const v = form.getValues();
    test.mutate({
      rule: toBody(v),
      lead: { country: v.sampleCountry, ...(v.sampleIndustry ? { industry: v.sampleIndustry } : {}) },
    });
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="new-rule">
      <form onSubmit={save} noValidate>
        <Stack>
          <Title order={2} size="h4" id="new-rule">
            New rule
          </Title>
          {alert && <Alert color="red">{alert}</Alert>}
          <TextInput label="Name" required {...form.getInputProps('name')} />
          <Text fw={500} size="sm">
            Leads it matches (empty = any)
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label="Countries"
              data={countryOptions}
              searchable
              {...form.getInputProps('countries')}
            />
            <TagsInput
              label="Industries (NAICS sectors)"
              placeholder="e.g. 51"
              {...form.getInputProps('industries')}
            />
            <TagsInput label="Products" {...form.getInputProps('products')} />
            <MultiSelect label="Company sizes" data={[...companySizes]} {...form.getInputProps('sizes')} />
          </SimpleGrid>
          <Text fw={500} size="sm">
            Partners who may receive them
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TagsInput label="Partner types" placeholder="e.g. msp" {...form.getInputProps('types')} />
            <TagsInput label="Tiers" placeholder="e.g. Gold" {...form.getInputProps('tiers')} />
            <TagsInput label="Specializations" {...form.getInputProps('specializations')} />
            <NumberInput
              label="Capacity (open leads at most)"
              min={1}
              {...form.getInputProps('maxOpenLeads')}
            />
            <Select
              label="Certification"
              description="Partners with enough people holding it"
              placeholder="Any"
              clearable
              data={(certificationTypes.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
              {...form.getInputProps('certification')}
            />
            <NumberInput
              label="Certified people at least"
              min={1}
              {...form.getInputProps('certifiedAtLeast')}
            />
          </SimpleGrid>
          <Checkbox
            label="Only partners serving the lead’s country"
            {...form.getInputProps('servesLeadCountry', { type: 'checkbox' })}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Choose by"
              data={leadRoutingStrategies.map((s) => ({ value: s, label: strategyLabel[s] }))}
              allowDeselect={false}
              {...form.getInputProps('strategy')}
            />
            <TextInput
              label="Tier weights"
              placeholder="Gold=3, Silver=1"
              {...form.getInputProps('tierWeights')}
            />
            <NumberInput label="Hours to accept" min={1} {...form.getInputProps('deadlineHours')} />
          </SimpleGrid>
          <Card withBorder padding="sm" bg="gray.0">
            <Stack gap="xs">
              <Text fw={500} size="sm">
                Test this rule on a sample lead
              </Text>
              <Group align="flex-end">
                <Select
                  label="Sample country"
                  data={countryOptions}
                  searchable
                  {...form.getInputProps('sampleCountry')}
                />
                <TextInput
                  label="Sample industry"
                  placeholder="e.g. 51"
                  {...form.getInputProps('sampleIndustry')}
                />
                <Button variant="light" onClick={preview} loading={test.isPending}>
                  Test
                </Button>
              </Group>
              {test.error && <Alert color="red">{errorMessage(test.error)}</Alert>}
              {test.data && (
                <Stack gap="xs" aria-label="Rule preview">
                  <ExplanationView explanation={test.data.alone} label="Partners for the sample lead" />
                  <Text size="xs" c="dimmed">
                    Among the saved rules: {test.data.amongRules.summary}
                  </Text>
                  {test.data.warnings.map((w) => (
                    <Alert key={w.message} color="orange" p="xs">
                      {w.message}
                    </Alert>
                  ))}
                </Stack>
              )}
            </Stack>
          </Card>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Add rule
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
