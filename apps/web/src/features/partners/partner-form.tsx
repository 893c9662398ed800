import { Alert, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Partner } from '@partnergraph/shared/contracts/organizations';
import { useQuery } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../api/client';
import { partnerTypesQueryOptions } from '../../api/partner-types';
import { countryOptions } from '../../components/countries';

export interface PartnerFormValues {
  name: string;
  website: string;
  country: string | null;
  description: string;
  types: string[];
  primaryType: string | null;
}

export const emptyPartnerForm: PartnerFormValues = {
  name: '',
  website: '',
  country: null,
  description: '',
  types: [],
  primaryType: null,
};

export function partnerFormFrom(partner: Partner): PartnerFormValues {
  return {
    name: partner.name,
    website: partner.website ?? '',
    country: partner.country,
    description: partner.description,
    types: partner.types.map((t) => t.code),
    primaryType: partner.primaryType,
  };
}

/** People type "northwind.example"; the API wants a full http(s) URL, so assume https. */
export function normalizeWebsite(website: string): string | null {
  const trimmed = website.trim();
  if (!trimmed) return null;
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

export function partnerBodyFrom(values: PartnerFormValues) {
  return {
    name: values.name.trim(),
    website: normalizeWebsite(values.website),
    country: values.country,
    description: values.description,
    types: values.types,
    primaryType: values.primaryType ?? values.types[0],
  };
}

export type PartnerBody = ReturnType<typeof partnerBodyFrom>;

/**
 * Only the fields the person changed. The audit log then records just that change, and a
 * partner admin, who may not send name or types at all, can still save the rest.
 */
export function changedFields(before: PartnerFormValues, after: PartnerFormValues): Partial<PartnerBody> {
  const from = partnerBodyFrom(before);
  const to = partnerBodyFrom(after);
  const changed: Partial<PartnerBody> = {};
  if (to.name !== from.name) changed.name = to.name;
  if (to.website !== from.website) changed.website = to.website;
  if (to.country !== from.country) changed.country = to.country;
  if (to.description !== from.description) changed.description = to.description;
  if (to.types.join() !== from.types.join() || to.primaryType !== from.primaryType) {
    changed.types = to.types;
    changed.primaryType = to.primaryType;
  }
  return changed;
}

/** Checks made before sending, in the words the server would use, so obvious slips need no round trip. */
export function checkPartnerForm(values: PartnerFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.name.trim().length < 2) errors.name = 'Give a name of at least 2 characters';
  if (values.types.length === 0) errors.types = 'Give at least one partner type';
  return errors;
}

const fieldNames = ['name', 'website', 'country', 'description', 'types', 'primaryType'];

/** Server errors that name no field of the form (a conflict, a permission) go above the fields. */
export function unplacedError(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiError && Object.keys(error.fieldErrors()).some((f) => fieldNames.includes(f)))
    return null;
  return errorMessage(error);
}

interface Props {
  values: PartnerFormValues;
  onChange: (values: PartnerFormValues) => void;
  errors: Record<string, string | undefined>;
  formError: string | null;
  /** A partner editing itself: its name and types are the vendor's to govern, so they are shown, not editable. */
  governedByVendor?: boolean;
}

export function PartnerFormFields({ values, onChange, errors, formError, governedByVendor = false }: Props) {
  const types = useQuery(partnerTypesQueryOptions);
  // Retired types are not offered, except those this partner already holds.
  const typeOptions = (types.data ?? [])
    .filter((t) => !t.retired || values.types.includes(t.code))
    .map((t) => ({ value: t.code, label: t.name }));
  const primaryOptions = typeOptions.filter((o) => values.types.includes(o.value));
  const set = (patch: Partial<PartnerFormValues>) => onChange({ ...values, ...patch });

  return (
    <Stack>
      {formError && (
        <Alert color="red" role="alert">
          {formError}
        </Alert>
      )}
      <TextInput
        label="Name"
        required
        disabled={governedByVendor}
        description={governedByVendor ? 'Name and partner types are managed by the vendor' : undefined}
        data-autofocus
        value={values.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={errors.name}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Website"
          placeholder="https://example.com"
          value={values.website}
          onChange={(e) => set({ website: e.currentTarget.value })}
          error={errors.website}
        />
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
      </SimpleGrid>
      <MultiSelect
        label="Partner types"
        placeholder={values.types.length ? undefined : 'Choose one or more'}
        required
        data={typeOptions}
        value={values.types}
        onChange={(next) =>
          // The primary type must stay one of the chosen types.
          set({
            types: next,
            primaryType:
              values.primaryType && next.includes(values.primaryType)
                ? values.primaryType
                : (next[0] ?? null),
          })
        }
        searchable
        disabled={governedByVendor}
        error={errors.types ?? (types.isError ? 'The partner types could not be loaded' : undefined)}
      />
      <Select
        label="Primary type"
        description="The type this partner is listed under first"
        data={primaryOptions}
        value={values.primaryType}
        onChange={(primaryType) => set({ primaryType })}
        disabled={governedByVendor || values.types.length === 0}
        allowDeselect={false}
        error={errors.primaryType}
      />
      <Textarea
        label="Description"
        autosize
        minRows={3}
        maxRows={8}
        value={values.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        error={errors.description}
      />
    </Stack>
  );
}
