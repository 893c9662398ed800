import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { showServerErrors, useContractForm } from '../../components/forms';
import { type Session, SessionContext } from '../auth/session';
import {
  createBodyFrom,
  DealFormFields,
  dealFormSchema,
  type DealFormValues,
  emptyDealForm,
} from './deal-form';

// The registration form as the new-deal page uses it; `send` stands for the request.
function Registration({ send }: { send: (body: ReturnType<typeof createBodyFrom>) => Promise<void> }) {
  const form = useContractForm<DealFormValues>(dealFormSchema, emptyDealForm);
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        send(createBodyFrom(values)).catch((error: unknown) => setFormError(showServerErrors(form, error))),
      )}
    >
      <DealFormFields form={form} formError={formError} />
      <button type="submit">Register deal</button>
    </form>
  );
}

function renderForm(send = vi.fn(() => Promise.resolve())) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const session = { organization: { kind: 'partner' } } as unknown as Session;
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <SessionContext value={session}>
          <Registration send={send} />
        </SessionContext>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return send;
}

const field = (label: string) => screen.getByLabelText(label, { exact: false, selector: 'input, textarea' });
const errorOf = (label: string) => {
  const input = field(label);
  const id = input
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((x) => x.endsWith('-error'));
  return id ? document.getElementById(id)?.textContent : undefined;
};

// The valid values are entered at once (no keystroke by keystroke): they are not what a test here is about.
async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  fireEvent.change(field('Customer name'), { target: { value: 'Acme Corporation' } });
  await user.click(field('Country'));
  await user.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'United States' }));
  fireEvent.change(field('Amount'), { target: { value: '48,250.50' } });
  fireEvent.change(field('Expected close date'), { target: { value: '2030-06-30' } });
}

describe('the deal registration form', () => {
  // Conflict hints and industries ask the server; here there is none to ask.
  beforeEach(() =>
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    ),
  );
  afterEach(() => vi.unstubAllGlobals());

  it('shows the contract’s rules on the fields they concern, and sends nothing', async () => {
    const user = userEvent.setup();
    const send = renderForm();
    await user.type(field('Customer name'), 'A');
    await user.type(field('Amount'), '12.345');
    await user.click(screen.getByRole('button', { name: 'Register deal' }));

    // createDealBody: a customer name of 2 characters at least.
    expect(errorOf('Customer name')).toBe('Give 2 characters at least');
    expect(errorOf('Country')).toBe('Choose the customer’s country');
    expect(errorOf('Amount')).toMatch(/USD .*2 decimal/);
    expect(errorOf('Expected close date')).toBe('Give a date');
    expect(field('Customer name').getAttribute('aria-invalid')).toBe('true');
    expect(send).not.toHaveBeenCalled();
  });

  it('sends the body the contract takes, amounts in minor units', async () => {
    const user = userEvent.setup();
    const send = renderForm();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Register deal' }));
    expect(send).toHaveBeenCalledWith(
      expect.objectContaining({
        customerName: 'Acme Corporation',
        country: 'US',
        amount: 4825050,
        currency: 'USD',
      }),
    );
  });

  it('puts the server’s word on a field under that field', async () => {
    const user = userEvent.setup();
    const refused = new ApiError({
      type: 'https://partnergraph.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      errors: [{ path: 'body.customerDomain', message: 'Not a public web domain' }],
    });
    renderForm(vi.fn(() => Promise.reject(refused)));
    await fillValid(user);
    fireEvent.change(field('Customer domain'), { target: { value: 'intranet' } });
    await user.click(screen.getByRole('button', { name: 'Register deal' }));

    await vi.waitFor(() => expect(errorOf('Customer domain')).toBe('Not a public web domain'));
    expect(field('Customer domain').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf('Customer name')).toBeUndefined();
    // A field error is not repeated above the form.
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
