import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { formatMinor } from '@partnergraph/shared/money-format';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, isStaleVersion } from '../../api/client';
import { type ConvertedReferral, type Referral, useConvertReferral } from '../../api/referrals';
import { industriesQueryOptions, settingsQueryOptions } from '../../api/settings';
import { countryOptions } from '../../components/countries';
import { ButtonLink } from '../../components/links';
import { closeButtonProps } from '../programs/modal-props';
import { currencyOptions, majorAmountText, parseMajorAmount, todayDate } from '../settings/format';
import { industryOptions } from './industry-options';
import { referralActionError } from './referral-errors';

interface Props {
  referral: Referral;
  opened: boolean;
  onClose: () => void;
}

/** The recipient turns an accepted referral into a deal it registers, with the referrer involved on it. */
export function ConvertReferralModal({ referral, opened, onClose }: Props) {
  const [converted, setConverted] = useState<ConvertedReferral | null>(null);
  const close = () => {
    setConverted(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={converted ? 'Deal registered' : `Convert ${referral.company.name} into a deal`}
      closeButtonProps={closeButtonProps}
      size="lg"
    >
      {opened &&
        (converted ? (
          <Converted result={converted} onClose={close} />
        ) : (
          <ConvertForm referral={referral} onCancel={close} onConverted={setConverted} />
        ))}
    </Modal>
  );
}

function Converted({ result: { deal }, onClose }: { result: ConvertedReferral; onClose: () => void }) {
  return (
    <Stack>
      <Alert color="green" icon={<IconCircleCheck />} title="The referral is now a deal">
        {deal.customer.name}, {formatMinor(deal.amount, deal.currency)}. The deal’s status is the referral’s
        outcome, and both parties see it here.
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Stay on the referral
        </Button>
        <ButtonLink to="/deals/$dealId" params={{ dealId: deal.id }}>
          Open the deal
        </ButtonLink>
      </Group>
    </Stack>
  );
}

interface Values {
  amount: string;
  currency: string | null;
  expectedCloseDate: string;
  country: string | null;
  industry: string | null;
  products: string[];
  notes: string;
}

type Errors = Partial<Record<keyof Values, string>>;
const fields: (keyof Values)[] = [
  'amount',
  'currency',
  'expectedCloseDate',
  'country',
  'industry',
  'products',
  'notes',
];

function serverErrors(error: unknown): Errors {
  if (!(error instanceof ApiError)) return {};
  const placed: Errors = {};
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    if ((fields as string[]).includes(field)) placed[field as keyof Values] ??= message;
  }
  return placed;
}

function ConvertForm({
  referral,
  onCancel,
  onConverted,
}: {
  referral: Referral;
  onCancel: () => void;
  onConverted: (result: ConvertedReferral) => void;
}) {
  const convert = useConvertReferral(referral.id);
  const industries = useQuery(industriesQueryOptions);
  const settings = useQuery(settingsQueryOptions);
  // The estimate is where the deal starts; the recipient corrects it as it knows more.
  const [values, setValues] = useState<Values>({
    amount: referral.estimatedValue
      ? majorAmountText(referral.estimatedValue.amount, referral.estimatedValue.currency)
      : '',
    currency: referral.estimatedValue?.currency ?? null,
    expectedCloseDate: '',
    country: referral.company.country,
    industry: referral.company.industry,
    products: [],
    notes: '',
  });
  const [localErrors, setLocalErrors] = useState<Errors>({});
  const currency = values.currency ?? settings.data?.reportingCurrency ?? 'USD';
  const placed = serverErrors(convert.error);
  const errors: Errors = { ...placed, ...localErrors };
  const formError = convert.error && Object.keys(placed).length === 0 ? convert.error : null;

  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setLocalErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as (keyof Values)[]) delete next[key];
      return next;
    });
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    const amount = parseMajorAmount(values.amount, currency);
    if ('error' in amount) found.amount = amount.error;
    if (!values.expectedCloseDate) found.expectedCloseDate = 'Give the date you expect the deal to close';
    if (!values.country) found.country = 'Give the customer’s country';
    setLocalErrors(found);
    if ('error' in amount || Object.keys(found).length > 0) return;
    convert.mutate(
      {
        version: referral.version,
        amount: amount.minor,
        currency,
        expectedCloseDate: values.expectedCloseDate,
        country: values.country ?? undefined,
        industry: values.industry ?? undefined,
        products: values.products,
        notes: values.notes.trim(),
      },
      { onSuccess: onConverted },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          You register a deal for {referral.company.name}; {referral.referrer?.name ?? 'the referrer'} is
          recorded on it as the referring partner.
        </Text>
        {formError && (
          <Alert color={isStaleVersion(formError) ? 'orange' : 'red'} role="alert">
            {referralActionError(formError)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Amount"
            description="In major units, e.g. 25000 or 1234.56"
            required
            inputMode="decimal"
            data-autofocus
            value={values.amount}
            onChange={(e) => set({ amount: e.currentTarget.value })}
            error={errors.amount}
          />
          <Select
            label="Currency"
            required
            data={currencyOptions}
            value={currency}
            onChange={(value) => set({ currency: value })}
            searchable
            allowDeselect={false}
            error={errors.currency}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Expected close date"
            type="date"
            required
            min={todayDate()}
            value={values.expectedCloseDate}
            onChange={(e) => set({ expectedCloseDate: e.currentTarget.value })}
            error={errors.expectedCloseDate}
          />
          <Select
            label="Country"
            required
            placeholder="Choose a country"
            data={countryOptions}
            value={values.country}
            onChange={(country) => set({ country })}
            searchable
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
        <TagsInput
          label="Products"
          description="Press Enter after each product"
          value={values.products}
          onChange={(products) => set({ products })}
          maxTags={30}
          clearable
          error={errors.products}
        />
        <Textarea
          label="Notes"
          description="Seen by your organization and the vendor"
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          value={values.notes}
          onChange={(e) => set({ notes: e.currentTarget.value })}
          error={errors.notes}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={convert.isPending}>
            Convert to deal
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
