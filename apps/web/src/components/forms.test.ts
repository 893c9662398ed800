import type { FormErrors } from '@mantine/form';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { showServerErrors } from './forms';

function fakeForm(values: Record<string, unknown>) {
  const form = {
    errors: {} as FormErrors,
    getValues: () => values,
    setErrors(errors: FormErrors) {
      form.errors = { ...errors };
    },
  };
  return form;
}

const invalid = (errors: { path: string; message: string }[]) =>
  new ApiError({
    type: 'https://partnergraph.dev/problems/validation',
    title: 'Invalid request',
    status: 400,
    errors,
  });

describe('showServerErrors', () => {
  it('puts each field error on the input the request path names', () => {
    const form = fakeForm({ name: '', tiers: [{ name: 'Gold', threshold: '' }] });
    const leftover = showServerErrors(
      form,
      invalid([
        { path: 'body.name', message: 'Give the program a name' },
        { path: 'body.tiers.0.threshold', message: 'Enter an amount' },
      ]),
    );
    expect(form.errors).toEqual({ name: 'Give the program a name', 'tiers.0.threshold': 'Enter an amount' });
    expect(leftover).toBeNull();
  });

  it('places an error on the nearest field the form has, keeping the first message', () => {
    const form = fakeForm({ types: [] });
    showServerErrors(
      form,
      invalid([
        { path: 'body.types.2', message: 'Unknown partner type' },
        { path: 'body.types.3', message: 'Another one' },
      ]),
    );
    expect(form.errors).toEqual({ types: 'Unknown partner type' });
  });

  it('answers what no input can show, for an alert', () => {
    const form = fakeForm({ name: '' });
    const conflict = new ApiError({
      type: 'https://partnergraph.dev/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'The customer is protected by another partner',
    });
    expect(showServerErrors(form, conflict)).toBe('The customer is protected by another partner');
    expect(showServerErrors(form, invalid([{ path: 'query.cursor', message: 'Bad cursor' }]))).toBe(
      'Invalid request',
    );
    expect(showServerErrors(form, new Error('Network down'))).toBe('Network down');
  });
});
