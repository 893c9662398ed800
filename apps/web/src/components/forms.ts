import { type FormErrors, schemaResolver, useForm, type UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import './zod-messages';

/**
 * A form validated by a shared Zod contract: the rules a person sees in the browser are the rules the
 * server applies, written once. `initialValues` are what the inputs hold (strings for text, etc.).
 */
export function useContractForm<Values extends Record<string, unknown>>(
  schema: z.ZodType,
  initialValues: Values,
): UseFormReturnType<Values> {
  return useForm<Values>({
    mode: 'controlled',
    initialValues,
    validate: schemaResolver(schema, { sync: true }),
  });
}

/**
 * Places a failed request's field errors on the inputs they name. The server names a field by where it
 * sits in the request (`body.tiers.0.name`); the form by its path in the values (`tiers.0.name`). A field
 * the form has no input for is placed on its nearest ancestor that it has. Answers what could not be
 * placed on any input (a message for an alert), or null when everything was.
 */
export function showServerErrors<Values extends Record<string, unknown>>(
  form: { setErrors(errors: FormErrors): void; getValues(): Values },
  error: unknown,
): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong';
  const placed: FormErrors = {};
  const values = form.getValues();
  for (const e of error.errors) {
    const path = fieldPathIn(values, e.path.replace(/^(body|query|params)\./, '').split('.'));
    if (path && !(path in placed)) placed[path] = e.message;
  }
  form.setErrors(placed);
  if (error.errors.length > 0 && Object.keys(placed).length > 0) return null;
  return error.detail ?? error.title;
}

function fieldPathIn(values: unknown, segments: string[]): string | null {
  let node = values;
  const found: string[] = [];
  for (const segment of segments) {
    if (node === null || typeof node !== 'object' || !(segment in node)) break;
    found.push(segment);
    node = (node as Record<string, unknown>)[segment];
  }
  return found.length > 0 ? found.join('.') : null;
}
