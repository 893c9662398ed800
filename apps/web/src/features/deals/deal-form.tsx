import { Alert, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { currencies } from '@partnergraph/shared/money-format';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, errorMessage, isApiError } from '../../api/client';
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

export interface DealFormValues {
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
}

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

/** Checks made before sending, in the words the server would use, so obvious slips need no round trip. */
export function checkDealForm(values: DealFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.customerName.trim().length < 2)
    errors.customerName = 'Give the customer’s name (2 characters at least)';
  if (!values.country) errors.country = 'Choose the customer’s country';
  const amount = parseMajorAmount(values.amount, values.currency);
  if ('error' in amount) errors.amount = amount.error;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.expectedCloseDate))
    errors.expectedCloseDate = 'Give the expected close date';
  return errors;
}

/** The body of POST /deals; call after checkDealForm found nothing. */
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

const fieldNames = [
  'customerName',
  'customerDomain',
  'country',
  'industry',
  'amount',
  'currency',
  'products',
  'expectedCloseDate',
  'stage',
  'notes',
];

/** Server errors that name no field of the form (a rule, a permission, a missing rate) go above the fields. */
export function unplacedError(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError && Object.keys(error.fieldErrors()).some((f) => fieldNames.includes(f)))
    return null;
  return errorMessage(error);
}

interface Props {
  values: DealFormValues;
  onChange: (values: DealFormValues) => void;
  errors: Record<string, string | undefined>;
  formError: string | null;
  /** Whether the notes field is offered: only the registering organization and the vendor see notes. */
  withNotes?: boolean;
  /** When editing, the deal itself is not a conflict of its own. */
  excludeDealId?: string;
  /** Once approved, the customer is fixed: its protection was granted for that customer. */
  customerFixed?: boolean;
}

export function DealFormFields({
  values,
  onChange,
  errors,
  formError,
  withNotes = true,
  excludeDealId,
  customerFixed = false,
}: Props) {
  const industries = useQuery(industriesQueryOptions);
  const industryOptions = (industries.data ?? []).map((i) => ({ value: i.code, label: i.name }));
  const set = (patch: Partial<DealFormValues>) => onChange({ ...values, ...patch });

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
          value={values.customerName}
          onChange={(e) => set({ customerName: e.currentTarget.value })}
          error={errors.customerName}
          maxLength={200}
        />
        <TextInput
          label="Customer domain"
          placeholder="acme.com"
          description="Their website or an email address at it"
          disabled={customerFixed}
          value={values.customerDomain}
          onChange={(e) => set({ customerDomain: e.currentTarget.value })}
          error={errors.customerDomain}
          maxLength={253}
        />
        <Select
          label="Country"
          placeholder="Choose a country"
          required
          data={countryOptions}
          disabled={customerFixed}
          value={values.country}
          onChange={(country) => set({ country })}
          searchable
          error={errors.country}
        />
        <Select
          label="Industry"
          placeholder={industries.isError ? 'Industries could not be loaded' : 'Choose an industry'}
          data={industryOptions}
          value={values.industry}
          onChange={(industry) => set({ industry })}
          searchable
          clearable
          error={errors.industry}
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
          value={values.amount}
          onChange={(e) => set({ amount: e.currentTarget.value })}
          error={errors.amount}
        />
        <Select
          label="Currency"
          required
          data={currencyOptions}
          value={values.currency}
          onChange={(currency) => currency && set({ currency })}
          searchable
          allowDeselect={false}
          error={errors.currency}
        />
        <TextInput
          label="Expected close date"
          type="date"
          required
          min={localToday()}
          value={values.expectedCloseDate}
          onChange={(e) => set({ expectedCloseDate: e.currentTarget.value })}
          error={errors.expectedCloseDate}
        />
        <Select
          label="Stage"
          placeholder="Not set"
          data={stageOptions}
          value={values.stage}
          onChange={(stage) => set({ stage: stage as DealStage | null })}
          clearable
          error={errors.stage}
        />
      </SimpleGrid>
      <TagsInput
        label="Products"
        description="Press Enter after each product"
        value={values.products}
        onChange={(products) => set({ products })}
        maxTags={30}
        clearable
        error={errors.products}
      />
      {withNotes && (
        <Textarea
          label="Notes"
          description="Seen by your organization and the vendor, never by other partners on the deal"
          autosize
          minRows={3}
          maxRows={10}
          maxLength={5000}
          value={values.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
          error={errors.notes}
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
