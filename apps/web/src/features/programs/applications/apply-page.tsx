import {
  Alert,
  Anchor,
  Button,
  Center,
  Checkbox,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../../api/client';
import {
  type ApplicationReceipt,
  partnerTypesOrNullQueryOptions,
  publicProgramsQueryOptions,
  useSubmitApplication,
} from '../../../api/programs';
import { countryOptions } from '../../../components/countries';
import { AnchorLink } from '../../../components/links';
import { LoadingState } from '../../../components/query-state';
import { normalizeWebsite } from '../../partners/partner-form';
import { humanizeCode } from '../labels';
import { BrandMark, PoweredBy, SupportContact, useBrandTitle } from '../../brand/brand-mark';

interface Values {
  companyName: string;
  website: string;
  country: string | null;
  partnerTypes: string[];
  programIds: string[];
  contactName: string;
  contactEmail: string;
  message: string;
}

const empty: Values = {
  companyName: '',
  website: '',
  country: null,
  partnerTypes: [],
  programIds: [],
  contactName: '',
  contactEmail: '',
  message: '',
};

const fields = Object.keys(empty);

/** The public "become a partner" form: no sign-in. */
export function ApplyPage() {
  useBrandTitle('Become a partner');
  const [receipt, setReceipt] = useState<ApplicationReceipt | null>(null);

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={720} my="xl">
        <Stack>
          <div>
            <BrandMark size="md" />
            <Title order={1} size="h2">
              Become a partner
            </Title>
          </div>
          {receipt ? (
            <ThankYou receipt={receipt} onAgain={() => setReceipt(null)} />
          ) : (
            <ApplyForm onDone={setReceipt} />
          )}
          <SupportContact />
          <PoweredBy />
        </Stack>
      </Paper>
    </Center>
  );
}

function ThankYou({ receipt, onAgain }: { receipt: ApplicationReceipt; onAgain: () => void }) {
  return (
    <Stack>
      <Alert color="green" icon={<IconCircleCheck />} title="Application received" role="status">
        {receipt.message}
      </Alert>
      <Text size="sm" c="dimmed">
        Reference: {receipt.id}
      </Text>
      <Text size="sm">
        <Anchor component="button" type="button" onClick={onAgain}>
          Apply for another company
        </Anchor>{' '}
        · <AnchorLink to="/login">Sign in</AnchorLink>
      </Text>
    </Stack>
  );
}

function ApplyForm({ onDone }: { onDone: (receipt: ApplicationReceipt) => void }) {
  const programs = useQuery(publicProgramsQueryOptions);
  const types = useQuery(partnerTypesOrNullQueryOptions);
  const submitApplication = useSubmitApplication();
  const [values, setValues] = useState<Values>(empty);
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setLocal((l) => {
      const next = { ...l };
      for (const key of Object.keys(patch)) delete next[key];
      return next;
    });
  };

  const server = submitApplication.error instanceof ApiError ? submitApplication.error.fieldErrors() : {};
  const errors = { ...server, ...local };
  const unplaced =
    submitApplication.isError && !fields.some((f) => server[f])
      ? submitApplication.error instanceof ApiError && submitApplication.error.status === 429
        ? 'Too many applications were sent from your address in the last hour. Please try again later.'
        : errorMessage(submitApplication.error)
      : null;

  // The types on offer: the vendor's list, or (from a server that wants sign-in for it) those the programs take.
  const chosenPrograms = (programs.data ?? []).filter((p) => values.programIds.includes(p.id));
  const eligible = new Set(
    (chosenPrograms.length ? chosenPrograms : (programs.data ?? [])).flatMap((p) => p.eligibleTypes),
  );
  const typeOptions =
    types.data === undefined
      ? []
      : types.data === null
        ? [...new Set((programs.data ?? []).flatMap((p) => p.eligibleTypes))].map((code) => ({
            value: code,
            label: humanizeCode(code),
          }))
        : types.data
            .filter((t) => !t.retired && (eligible.has(t.code) || values.partnerTypes.includes(t.code)))
            .map((t) => ({ value: t.code, label: t.name }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (values.companyName.trim().length < 2) found.companyName = 'Give the company name';
    if (!values.website.trim()) found.website = 'Give the company website';
    if (!values.country) found.country = 'Choose a country';
    if (values.programIds.length === 0) found.programIds = 'Choose at least one program';
    if (values.partnerTypes.length === 0) found.partnerTypes = 'Choose at least one partner type';
    if (!values.contactName.trim()) found.contactName = 'Give your name';
    if (!values.contactEmail.trim()) found.contactEmail = 'Give your email';
    setLocal(found);
    if (Object.keys(found).length || !values.country) return;
    submitApplication.mutate(
      {
        companyName: values.companyName.trim(),
        website: normalizeWebsite(values.website) ?? '',
        country: values.country,
        partnerTypes: values.partnerTypes,
        programIds: values.programIds,
        contactName: values.contactName.trim(),
        contactEmail: values.contactEmail.trim(),
        ...(values.message.trim() ? { message: values.message.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  }

  if (programs.isPending) return <LoadingState label="Loading programs…" />;
  if (programs.isError) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} role="alert" title="The programs could not be loaded">
        {errorMessage(programs.error)}
      </Alert>
    );
  }
  if (programs.data.length === 0) {
    return <Text>No program is open for applications at the moment. Please come back later.</Text>;
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Partner application">
      <Stack>
        <Text size="sm" c="dimmed">
          Tell us about your company. A channel manager reviews every application and answers by email.
          Already a partner? <AnchorLink to="/login">Sign in</AnchorLink>.
        </Text>
        {unplaced && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert" title="The application was not sent">
            {unplaced}
          </Alert>
        )}
        <Checkbox.Group
          label="Programs"
          description="The programs you would like to join"
          withAsterisk
          value={values.programIds}
          onChange={(programIds) => set({ programIds })}
          error={errors.programIds}
        >
          <Stack gap="sm" mt="xs">
            {programs.data.map((p) => (
              <Checkbox key={p.id} value={p.id} label={p.name} description={p.description || undefined} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput
          label="Company name"
          required
          autoComplete="organization"
          value={values.companyName}
          onChange={(e) => set({ companyName: e.currentTarget.value })}
          error={errors.companyName}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Website"
            required
            placeholder="https://example.com"
            autoComplete="url"
            value={values.website}
            onChange={(e) => set({ website: e.currentTarget.value })}
            error={errors.website}
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
        </SimpleGrid>
        <MultiSelect
          label="Partner types"
          description="What kind of partner your company is"
          required
          placeholder={values.partnerTypes.length ? undefined : 'Choose one or more'}
          data={typeOptions}
          value={values.partnerTypes}
          onChange={(partnerTypes) => set({ partnerTypes })}
          searchable
          error={errors.partnerTypes ?? (types.isError ? 'The partner types could not be loaded' : undefined)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Your name"
            required
            autoComplete="name"
            value={values.contactName}
            onChange={(e) => set({ contactName: e.currentTarget.value })}
            error={errors.contactName}
          />
          <TextInput
            label="Your email"
            type="email"
            required
            autoComplete="email"
            value={values.contactEmail}
            onChange={(e) => set({ contactEmail: e.currentTarget.value })}
            error={errors.contactEmail}
          />
        </SimpleGrid>
        <Textarea
          label="Message"
          description="Optional: your customers, regions, what you would like to build with us"
          autosize
          minRows={3}
          maxRows={8}
          maxLength={5000}
          value={values.message}
          onChange={(e) => set({ message: e.currentTarget.value })}
          error={errors.message}
        />
        <Button type="submit" loading={submitApplication.isPending}>
          Send application
        </Button>
      </Stack>
    </form>
  );
}
