import { Alert, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { currencies } from '@partnergraph/shared/money-format';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type UseFormReturnType } from '@mantine/form';
import { createDealBody } from '@partnergraph/shared/contracts/deals';
import { z } from 'zod';
import { errorMessage, isApiError } from '../../api/client';
import {
  conflictCheckQueryOptions,
  type CreateDealInput,
  type Deal,
  type UpdateDealInput,
} from '../../api/deals';
import { industriesQueryOptions } from '../../api/settings';
import { countryOptions } from '../../components/countries';
import { useSession } from '../auth/session';
import { ConflictList, ProtectedElsewhereNotice } from './conflict-list';
import { localToday, parseMajorAmount, toMajorInput } from './format';
import { type DealStage, dealStages, stageLabels } from './labels';

// A type, not an interface: the form library wants values it can index by field name.
export type DealFormValues = {
  customerName: string;
  customerDomain: string;
  country: string | null;
  industry: string | null;
  /** In major units, as typed ("12500.00"). */
  amount: string;
  currency: string;
  products: string[];
  expectedCloseDate: string;
  stage: DealStage | null;
  notes: string;
};

export const emptyDealForm: DealFormValues = {
  customerName: '',
  customerDomain: '',
  country: null,
  industry: null,
  amount: '',
  currency: 'USD',
  products: [],
  expectedCloseDate: '',
  stage: null,
  notes: '',
};

export function dealFormFrom(deal: Deal): DealFormValues {
  return {
    customerName: deal.customer.name,
    customerDomain: deal.customer.domain ?? '',
    country: deal.customer.country,
    industry: deal.customer.industry,
    amount: toMajorInput(deal.amount, deal.currency),
    currency: deal.currency,
    products: deal.products,
    expectedCloseDate: deal.expectedCloseDate,
    stage: deal.stage,
    notes: deal.notes ?? '',
  };
}

const currencyOptions = currencies.map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }));
const stageOptions = dealStages.map((value) => ({ value, label: stageLabels[value] }));

/**
 * The form checked by the API's own contract (`createDealBody`) on the body it would send, so the rules
 * a person meets here are the server's, written once. Two things only the form knows: an amount typed
 * in major units ("48,250.50") and a country not chosen yet.
 */
export const dealFormSchema = z.custom<DealFormValues>().superRefine((values, ctx) => {
  const formOnly: Record<string, string> = {};
  const amount = parseMajorAmount(values.amount, values.currency);
  if ('error' in amount) formOnly.amount = amount.error;
  if (!values.country) formOnly.country = 'Choose the customer’s country';
  for (const [field, message] of Object.entries(formOnly))
    ctx.addIssue({ code: 'custom', path: [field], message });
  const body = createDealBody.safeParse(createBodyFrom(values));
  if (body.success) return;
  for (const issue of body.error.issues) {
    // An element of a list (one product) is shown on the list's input.
    const field = String(issue.path[0]);
    if (!(field in formOnly)) ctx.addIssue({ code: 'custom', path: [field], message: issue.message });
  }
});

/** The body of POST /deals from what the form holds. */
export function createBodyFrom(
  values: DealFormValues,
): CreateDealInput & { products: string[]; notes: string } {
  const amount = parseMajorAmount(values.amount, values.currency);
  return {
    customerName: values.customerName.trim(),
    customerDomain: values.customerDomain.trim() || undefined,
    country: values.country ?? '',
    industry: values.industry ?? undefined,
    amount: 'minor' in amount ? amount.minor : 0,
    currency: values.currency,
    products: values.products,
    expectedCloseDate: values.expectedCloseDate,
    stage: values.stage ?? undefined,
    notes: values.notes.trim(),
  };
}

/** Only what the person changed, for PATCH: the audit entry then records just that change. */
export function changedDealFields(
  before: DealFormValues,
  after: DealFormValues,
): Omit<UpdateDealInput, 'version'> {
  const changes: Omit<UpdateDealInput, 'version'> = {};
  const from = createBodyFrom(before);
  const to = createBodyFrom(after);
  if (to.customerName !== from.customerName) changes.customerName = to.customerName;
  if (to.customerDomain !== from.customerDomain) changes.customerDomain = to.customerDomain ?? null;
  if (to.country !== from.country) changes.country = to.country;
  if (to.industry !== from.industry) changes.industry = to.industry ?? null;
  // An amount is only meaningful in its currency: a change of either sends both.
  if (to.amount !== from.amount || to.currency !== from.currency) {
    changes.amount = to.amount;
    changes.currency = to.currency;
  }
  if (to.products.join('\n') !== from.products.join('\n')) changes.products = to.products;
  if (to.expectedCloseDate !== from.expectedCloseDate) changes.expectedCloseDate = to.expectedCloseDate;
  if (to.stage !== from.stage) changes.stage = to.stage ?? null;
  if (to.notes !== from.notes) changes.notes = to.notes;
  return changes;
}

interface Props {
  form: UseFormReturnType<DealFormValues>;
  /** What went wrong that no field shows (a rule, a permission, a missing rate). */
  formError: string | null;
  /** Whether the notes field is offered: only the registering organization and the vendor see notes. */
  withNotes?: boolean;
  /** When editing, the deal itself is not a conflict of its own. */
  excludeDealId?: string;
  /** Once approved, the customer is fixed: its protection was granted for that customer. */
  customerFixed?: boolean;
}

export function DealFormFields({
  form,
  formError,
  withNotes = true,
  excludeDealId,
  customerFixed = false,
}: Props) {
  const industries = useQuery(industriesQueryOptions);
  const industryOptions = (industries.data ?? []).map((i) => ({ value: i.code, label: i.name }));
  const values = form.getValues();

  return (
    <Stack>
      {formError && (
        <Alert color="red" role="alert">
          {formError}
        </Alert>
      )}
      <Title order={2} size="h4">
        Customer
      </Title>
      {customerFixed && (
        <Text size="sm" c="dimmed">
          The customer of an approved deal is fixed: its protection was granted for that customer.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Customer name"
          required
          data-autofocus
          disabled={customerFixed}
          key={form.key('customerName')}
          {...form.getInputProps('customerName')}
          maxLength={200}
        />
        <TextInput
          label="Customer domain"
          placeholder="acme.com"
          description="Their website or an email address at it"
          disabled={customerFixed}
          key={form.key('customerDomain')}
          {...form.getInputProps('customerDomain')}
          maxLength={253}
        />
        <Select
          label="Country"
          placeholder="Choose a country"
          required
          data={countryOptions}
          disabled={customerFixed}
          key={form.key('country')}
          {...form.getInputProps('country')}
          searchable
        />
        <Select
          label="Industry"
          placeholder={industries.isError ? 'Industries could not be loaded' : 'Choose an industry'}
          data={industryOptions}
          key={form.key('industry')}
          {...form.getInputProps('industry')}
          searchable
          clearable
        />
      </SimpleGrid>
      {!customerFixed && (
        <ConflictHints
          customerName={values.customerName}
          customerDomain={values.customerDomain}
          excludeDealId={excludeDealId}
        />
      )}
      <Title order={2} size="h4" mt="sm">
        Opportunity
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Amount"
          required
          inputMode="decimal"
          placeholder="12500.00"
          description={`In ${values.currency}, e.g. 12500.00`}
          key={form.key('amount')}
          {...form.getInputProps('amount')}
        />
        <Select
          label="Currency"
          required
          data={currencyOptions}
          key={form.key('currency')}
          {...form.getInputProps('currency')}
          searchable
          allowDeselect={false}
        />
        <TextInput
          label="Expected close date"
          type="date"
          required
          min={localToday()}
          key={form.key('expectedCloseDate')}
          {...form.getInputProps('expectedCloseDate')}
        />
        <Select
          label="Stage"
          placeholder="Not set"
          data={stageOptions}
          key={form.key('stage')}
          {...form.getInputProps('stage')}
          clearable
        />
      </SimpleGrid>
      <TagsInput
        label="Products"
        description="Press Enter after each product"
        key={form.key('products')}
        {...form.getInputProps('products')}
        maxTags={30}
        clearable
      />
      {withNotes && (
        <Textarea
          label="Notes"
          description="Seen by your organization and the vendor, never by other partners on the deal"
          autosize
          minRows={3}
          maxRows={10}
          maxLength={5000}
          key={form.key('notes')}
          {...form.getInputProps('notes')}
        />
      )}
    </Stack>
  );
}

/**
 * Whether a typed domain is worth sending with the conflict check: the server refuses (400) what is
 * not a public web domain, and a half-typed one ("acme.c") is not worth a refusal on every pause.
 */
function plausibleDomain(input: string): string | undefined {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^.*@/, '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#]/)[0];
  return host && /^([a-z0-9-]+\.)+[a-z]{2,}$/.test(host) ? input.trim() : undefined;
}

/** Asks the server, once typing pauses, whether open deals look like the same customer. */
function ConflictHints({
  customerName,
  customerDomain,
  excludeDealId,
}: {
  customerName: string;
  customerDomain: string;
  excludeDealId?: string;
}) {
  const partner = useSession().organization.kind === 'partner';
  // Debounced as one string: a fresh object each render would restart the wait forever.
  const [typed] = useDebouncedValue(JSON.stringify([customerName.trim(), customerDomain.trim()]), 400);
  const [name, domain] = JSON.parse(typed) as [string, string];
  const enabled = name.length >= 2;
  const withDomain = useQuery({
    ...conflictCheckQueryOptions({
      customerName: name,
      customerDomain: plausibleDomain(domain),
      excludeDealId,
    }),
    enabled,
    placeholderData: keepPreviousData,
    retry: (count, error) => !isApiError(error, 400) && count < 2,
  });
  // A domain the server does not take (the field says why on submit): match by the name alone meanwhile.
  const domainRefused = isApiError(withDomain.error, 400);
  const byName = useQuery({
    ...conflictCheckQueryOptions({ customerName: name, excludeDealId }),
    enabled: enabled && domainRefused,
  });
  const check = domainRefused ? byName : withDomain;

  if (!enabled) return null;
  if (check.isError) {
    return (
      <Text size="sm" c="dimmed" role="status">
        Possible conflicts could not be checked: {errorMessage(check.error)}
      </Text>
    );
  }
  const conflicts = check.data?.items ?? [];
  // Vendor staff see the protecting deal itself among the conflicts; a partner learns only that it exists.
  const taken = partner && (check.data?.protectedByAnotherPartner ?? false);
  if (conflicts.length === 0) {
    return taken ? (
      <ProtectedElsewhereNotice />
    ) : (
      <Text size="sm" c="dimmed" role="status">
        {check.isFetching
          ? 'Checking for open deals with this customer…'
          : 'No open deals with this customer.'}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {taken && <ProtectedElsewhereNotice />}
      <Alert color="orange" title="Possible conflicts" role="status">
        <Stack gap="xs">
          <Text size="sm">
            {conflicts.length === 1 ? 'An open deal looks' : `${conflicts.length} open deals look`} like the
            same customer. You can still go ahead; the reviewer sees these matches too.
          </Text>
          <ConflictList conflicts={conflicts} label="Possible conflicts" newTab />
        </Stack>
      </Alert>
    </Stack>
  );
}
