import { TagsInput, Textarea, TextInput } from '@mantine/core';
import { ApiError, errorMessage } from '../../api/client';
import { commonEventPatterns, invalidEventType, urlProblem } from './webhook-parts';

export interface WebhookValues {
  url: string;
  description: string;
  eventTypes: string[];
}

export type WebhookErrors = Partial<Record<keyof WebhookValues, string>>;

/** What is wrong with the values before they are sent; the server checks the URL's host itself. */
export function checkWebhookValues(values: WebhookValues): WebhookErrors {
  const found: WebhookErrors = {};
  const url = urlProblem(values.url);
  if (url) found.url = url;
  if (values.description.length > 500) found.description = 'At most 500 characters';
  if (values.eventTypes.length === 0) found.eventTypes = 'Choose at least one event type';
  else if (values.eventTypes.length > 50) found.eventTypes = 'At most 50 event types';
  else {
    const bad = invalidEventType(values.eventTypes);
    if (bad)
      found.eventTypes = `“${bad}” is not an event type: use one such as deal.approved, or deal.* or *`;
  }
  return found;
}

/**
 * The server's field messages (a URL on a private address comes back on `body.url`), and the
 * message for the form as a whole when the refusal names none of these fields.
 */
export function serverErrors(error: Error | null): { fields: WebhookErrors; form: string | null } {
  if (!error) return { fields: {}, form: null };
  const all = error instanceof ApiError ? error.fieldErrors() : {};
  const fields: WebhookErrors = { url: all.url, description: all.description, eventTypes: all.eventTypes };
  const named = Object.values(fields).some(Boolean);
  return { fields, form: named ? null : errorMessage(error) };
}

interface Props {
  values: WebhookValues;
  errors: WebhookErrors;
  onChange: (patch: Partial<WebhookValues>) => void;
  autoFocus?: boolean;
}

export function WebhookFields({ values, errors, onChange, autoFocus }: Props) {
  return (
    <>
      <TextInput
        label="URL"
        description="Where the events are POSTed. It must be reachable from the internet."
        placeholder="https://example.com/webhooks/partnergraph"
        required
        type="url"
        data-autofocus={autoFocus || undefined}
        maxLength={2000}
        value={values.url}
        onChange={(e) => onChange({ url: e.currentTarget.value })}
        error={errors.url}
      />
      <Textarea
        label="Description"
        description="What receives the events, so you recognize it later"
        autosize
        minRows={2}
        maxRows={5}
        maxLength={500}
        value={values.description}
        onChange={(e) => onChange({ description: e.currentTarget.value })}
        error={errors.description}
      />
      <TagsInput
        label="Event types"
        description="Choose or type event types, pressing Enter after each: deal.approved for one event, deal.* for every deal event, * for all"
        required
        data={commonEventPatterns}
        value={values.eventTypes}
        onChange={(eventTypes) => onChange({ eventTypes: eventTypes.map((t) => t.trim()).filter(Boolean) })}
        maxTags={50}
        clearable
        error={errors.eventTypes}
      />
    </>
  );
}
