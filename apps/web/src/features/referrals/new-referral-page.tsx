import {
  Alert,
  Breadcrumbs,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { type CreateReferralInput, counterpartsQueryOptions, useCreateReferral } from '../../api/referrals';
import { industriesQueryOptions, settingsQueryOptions } from '../../api/settings';
import { countryOptions } from '../../components/countries';
import { AnchorLink } from '../../components/links';
import { currencyOptions, parseMajorAmount } from '../settings/format';
import { industryOptions } from './industry-options';
import { useBrandTitle } from '../brand/brand-mark';

/** The recipient select's value for "the vendor": the API takes no organization id for it. */
const VENDOR = 'vendor';

interface Values {
  recipient: string | null;
  companyName: string;
  companyDomain: string;
  country: string | null;
  industry: string | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  need: string;
  estimatedAmount: string;
  estimatedCurrency: string | null;
}

// The server names fields as the body does; the form shows each message at the field it concerns.
const fieldOf: Record<string, keyof Values> = {
  recipientOrganizationId: 'recipient',
  companyName: 'companyName',
  companyDomain: 'companyDomain',
  country: 'country',
  industry: 'industry',
  contactName: 'contactName',
  contactEmail: 'contactEmail',
  contactPhone: 'contactPhone',
  need: 'need',
  estimatedAmount: 'estimatedAmount',
  estimatedCurrency: 'estimatedCurrency',
};

type Errors = Partial<Record<keyof Values, string>>;

function serverErrors(error: unknown): Errors {
  if (!(error instanceof ApiError)) return {};
  const placed: Errors = {};
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    const key = fieldOf[field];
    if (key) placed[key] ??= message;
  }
  return placed;
}

/** A failure that names no field of the form (the recipient cannot take referrals, a permission…). */
function unplacedError(error: unknown): string | null {
  if (!error) return null;
  return Object.keys(serverErrors(error)).length > 0 ? null : errorMessage(error);
}

/** Checks made before sending, in the words the server would use, so obvious slips need no round trip. */
function check(values: Values, currency: string): { errors: Errors; amount?: number } {
  const errors: Errors = {};
  if (!values.recipient) errors.recipient = 'Choose who receives the referral';
  if (values.companyName.trim().length < 2) errors.companyName = 'Give the company’s name';
  if (values.contactName.trim().length < 2) errors.contactName = 'Give the contact’s name';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.contactEmail.trim()))
    errors.contactEmail = 'Give the contact’s email address';
  if (values.need.trim().length < 3) errors.need = 'Describe what the prospect needs';
  let amount: number | undefined;
  if (values.estimatedAmount.trim()) {
    const parsed = parseMajorAmount(values.estimatedAmount, currency);
    if ('error' in parsed) errors.estimatedAmount = parsed.error;
    else amount = parsed.minor;
  }
  return { errors, amount };
}

function bodyFrom(
  values: Values,
  currency: string,
  amount: number | undefined,
  connectionId: string | undefined,
): CreateReferralInput {
  const optional = (text: string) => text.trim() || undefined;
  return {
    recipientOrganizationId: values.recipient === VENDOR ? undefined : (values.recipient ?? undefined),
    companyName: values.companyName.trim(),
    companyDomain: optional(values.companyDomain),
    country: values.country ?? undefined,
    industry: values.industry ?? undefined,
    contactName: values.contactName.trim(),
    contactEmail: values.contactEmail.trim(),
    contactPhone: optional(values.contactPhone),
    need: values.need.trim(),
    ...(connectionId ? { connectionId } : {}),
    ...(amount === undefined ? {} : { estimatedAmount: amount, estimatedCurrency: currency }),
  };
}

/** A partner passes a prospect to another partner or to the vendor. `to` preselects the recipient. */
export function NewReferralPage({ to, connection }: { to?: string; connection?: string }) {
  useBrandTitle('New referral');
  const navigate = useNavigate();
  const counterparts = useQuery(counterpartsQueryOptions);
  const industries = useQuery(industriesQueryOptions);
  // Estimates default to the ecosystem's reporting currency; the person may pick any other.
  const settings = useQuery(settingsQueryOptions);
  const create = useCreateReferral();
  const [values, setValues] = useState<Values>({
    recipient: to ?? null,
    companyName: '',
    companyDomain: '',
    country: null,
    industry: null,
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    need: '',
    estimatedAmount: '',
    estimatedCurrency: null,
  });
  const [localErrors, setLocalErrors] = useState<Errors>({});
  const currency = values.estimatedCurrency ?? settings.data?.reportingCurrency ?? 'USD';
  const errors: Errors = { ...serverErrors(create.error), ...localErrors };
  const formError = unplacedError(create.error);

  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    // A field the person touches again loses its complaint until the next try.
    setLocalErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as (keyof Values)[]) delete next[key];
      return next;
    });
  };

  const partnerOptions = (counterparts.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  // A link may name a partner this organization has not worked with yet (from the marketplace).
  if (to && counterparts.data && !partnerOptions.some((o) => o.value === to)) {
    partnerOptions.unshift({ value: to, label: 'The partner you chose' });
  }
  const recipientData = [
    { value: VENDOR, label: 'The vendor' },
    ...(partnerOptions.length > 0 ? [{ group: 'Partners', items: partnerOptions }] : []),
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { errors: found, amount } = check(values, currency);
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    // The connection applies only to the partner it was made with.
    const under = connection && values.recipient === to ? connection : undefined;
    create.mutate(bodyFrom(values, currency, amount, under), {
      onSuccess: (referral) => {
        notifications.show({
          color: 'green',
          message: `${referral.company.name} was referred to ${referral.toVendor ? 'the vendor' : referral.recipient.name}.`,
        });
        void navigate({ to: '/referrals/$referralId', params: { referralId: referral.id } });
      },
    });
  }

  return (
    <Stack maw={760}>
      <Breadcrumbs>
        <AnchorLink to="/referrals">Referrals</AnchorLink>
        <Text size="sm">New referral</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>New referral</Title>
        <Text c="dimmed" size="sm">
          Pass a prospect to a partner who can serve them, or to the vendor. The recipient sees the company,
          the contact and the need, and accepts or declines it.
        </Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert" title="The referral was not sent">
              {formError}
            </Alert>
          )}
          <Select<string>
            label="Refer to"
            required
            placeholder="Choose the recipient"
            description={
              counterparts.isError
                ? 'Your partners could not be loaded; you can still refer to the vendor.'
                : 'The vendor, or a partner your organization has exchanged referrals or deals with'
            }
            data={recipientData}
            value={values.recipient}
            onChange={(recipient) => set({ recipient })}
            searchable
            nothingFoundMessage="No partner by that name"
            error={errors.recipient}
          />
          <Fieldset legend="Company">
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Company name"
                  required
                  value={values.companyName}
                  onChange={(e) => set({ companyName: e.currentTarget.value })}
                  error={errors.companyName}
                />
                <TextInput
                  label="Domain"
                  placeholder="example.com"
                  value={values.companyDomain}
                  onChange={(e) => set({ companyDomain: e.currentTarget.value })}
                  error={errors.companyDomain}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label="Country"
                  placeholder="Choose a country"
                  data={countryOptions}
                  value={values.country}
                  onChange={(country) => set({ country })}
                  searchable
                  clearable
                  error={errors.country}
                />
                <Select
                  label="Industry"
                  placeholder={industries.isError ? 'Industries could not be loaded' : 'Choose an industry'}
                  data={industryOptions(industries.data)}
                  value={values.industry}
                  onChange={(industry) => set({ industry })}
                  searchable
                  clearable
                  error={errors.industry}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <Fieldset legend="Contact">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Contact name"
                required
                value={values.contactName}
                onChange={(e) => set({ contactName: e.currentTarget.value })}
                error={errors.contactName}
              />
              <TextInput
                label="Contact email"
                type="email"
                required
                value={values.contactEmail}
                onChange={(e) => set({ contactEmail: e.currentTarget.value })}
                error={errors.contactEmail}
              />
              <TextInput
                label="Contact phone"
                type="tel"
                value={values.contactPhone}
                onChange={(e) => set({ contactPhone: e.currentTarget.value })}
                error={errors.contactPhone}
              />
            </SimpleGrid>
          </Fieldset>
          <Textarea
            label="Need"
            description="What the prospect is looking for, and anything the recipient should know"
            required
            autosize
            minRows={3}
            maxRows={10}
            maxLength={5000}
            value={values.need}
            onChange={(e) => set({ need: e.currentTarget.value })}
            error={errors.need}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Estimated value"
              description="Optional; in major units, e.g. 25000 or 1234.56"
              inputMode="decimal"
              value={values.estimatedAmount}
              onChange={(e) => set({ estimatedAmount: e.currentTarget.value })}
              error={errors.estimatedAmount}
            />
            <Select
              label="Currency"
              description="Of the estimated value"
              data={currencyOptions}
              value={currency}
              onChange={(estimatedCurrency) => set({ estimatedCurrency })}
              searchable
              allowDeselect={false}
              error={errors.estimatedCurrency}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate({ to: '/referrals' })}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Send referral
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
