import {
  Alert,
  Anchor,
  Box,
  Button,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage, isApiError } from '../../api/client';
import { type ContactPartnerInput, useContactPartner } from '../../api/marketplace';
import { countryOptions } from '../../components/countries';

interface Values {
  name: string;
  email: string;
  company: string;
  companyDomain: string;
  country: string | null;
  phone: string;
  message: string;
  /** The spam trap: hidden from people, filled in by bots. */
  homepage: string;
}

const empty: Values = {
  name: '',
  email: '',
  company: '',
  companyDomain: '',
  country: null,
  phone: '',
  message: '',
  homepage: '',
};

const fields = Object.keys(empty);
const MIN_MESSAGE = 10;

function check(values: Values): Record<string, string> {
  const found: Record<string, string> = {};
  if (values.name.trim().length < 2) found.name = 'Give your name';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) found.email = 'Give your email address';
  if (values.company.trim().length < 2) found.company = 'Give your company’s name';
  if (values.message.trim().length < MIN_MESSAGE)
    found.message = `Tell the partner a little more (${MIN_MESSAGE} characters or more)`;
  return found;
}

function bodyOf(values: Values): ContactPartnerInput {
  const optional = (text: string) => text.trim() || undefined;
  return {
    name: values.name.trim(),
    email: values.email.trim(),
    company: values.company.trim(),
    companyDomain: optional(values.companyDomain),
    country: values.country ?? undefined,
    phone: optional(values.phone),
    message: values.message.trim(),
    homepage: values.homepage,
  };
}

function refusal(error: unknown, partnerName: string): string {
  if (isApiError(error, 429)) {
    const wait = error.retryAfterSeconds;
    const when = wait
      ? ` Please try again in ${wait < 120 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`}.`
      : ' Please try again later.';
    return `Too many messages were sent from your address or with your email recently.${when}`;
  }
  if (isApiError(error, 404)) return `${partnerName} no longer takes messages through the partner locator.`;
  return errorMessage(error);
}

/** "Contact this partner": a visitor's message, which reaches the partner as a lead in its inbox. */
export function ContactPartnerForm({ partner }: { partner: { id: string; name: string } }) {
  const contact = useContactPartner(partner.id);
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

  const server = contact.error instanceof ApiError ? contact.error.fieldErrors() : {};
  const errors = { ...server, ...local };
  const unplaced =
    contact.isError && !fields.some((f) => server[f]) ? refusal(contact.error, partner.name) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check(values);
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    contact.mutate(bodyOf(values));
  }

  if (contact.isSuccess) {
    return (
      <Stack>
        <Alert color="green" icon={<IconCircleCheck />} title="Message sent" role="status">
          {contact.data.message}
        </Alert>
        <Text size="sm">
          <Anchor
            component="button"
            type="button"
            onClick={() => {
              contact.reset();
              setValues(empty);
            }}
          >
            Send another message
          </Anchor>
        </Text>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Contact ${partner.name}`}>
      <Stack>
        <Text size="sm" c="dimmed">
          Tell {partner.name} what you need. They receive your message with your contact details and answer by
          email.
        </Text>
        {unplaced && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert" title="The message was not sent">
            {unplaced}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Your name"
            required
            autoComplete="name"
            value={values.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
          />
          <TextInput
            label="Email"
            type="email"
            required
            autoComplete="email"
            value={values.email}
            onChange={(e) => set({ email: e.currentTarget.value })}
            error={errors.email}
          />
          <TextInput
            label="Company"
            required
            autoComplete="organization"
            value={values.company}
            onChange={(e) => set({ company: e.currentTarget.value })}
            error={errors.company}
          />
          <TextInput
            label="Company website"
            placeholder="example.com"
            value={values.companyDomain}
            onChange={(e) => set({ companyDomain: e.currentTarget.value })}
            error={errors.companyDomain}
          />
          <Select
            label="Country"
            placeholder="Choose a country"
            data={countryOptions}
            value={values.country}
            onChange={(country) => set({ country })}
            searchable
            clearable
            autoComplete="off"
            error={errors.country}
          />
          <TextInput
            label="Phone"
            type="tel"
            autoComplete="tel"
            value={values.phone}
            onChange={(e) => set({ phone: e.currentTarget.value })}
            error={errors.phone}
          />
        </SimpleGrid>
        <Textarea
          label="Message"
          required
          autosize
          minRows={4}
          maxLength={3000}
          value={values.message}
          onChange={(e) => set({ message: e.currentTarget.value })}
          error={errors.message}
        />
        {/* A trap for bots: people never see or reach it, so a filled one marks the sender as a bot. */}
        <Box
          aria-hidden="true"
          style={{
            position: 'absolute',
            left: '-10000px',
            top: 'auto',
            width: 1,
            height: 1,
            overflow: 'hidden',
          }}
        >
          <label htmlFor="contact-homepage">Leave this field empty</label>
          <input
            id="contact-homepage"
            name="homepage"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={values.homepage}
            onChange={(e) => set({ homepage: e.currentTarget.value })}
          />
        </Box>
        <Button type="submit" loading={contact.isPending} style={{ alignSelf: 'flex-start' }}>
          Send message
        </Button>
      </Stack>
    </form>
  );
}
