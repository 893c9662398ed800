import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { ReasonForm } from './reason-form';

function renderForm(overrides: Partial<Parameters<typeof ReasonForm>[0]> = {}) {
  const onSubmit = vi.fn();
  const props = {
    explanation: 'Suspend Northwind?',
    reasonDescription: 'Recorded in the audit log',
    reasonRequired: true,
    staleMessage: 'Someone changed this partner first',
    label: 'Suspend',
    color: 'red',
    error: null,
    pending: false,
    onCancel: () => {},
    onSubmit,
    ...overrides,
  };
  const view = render(
    <MantineProvider>
      <ReasonForm {...props} />
    </MantineProvider>,
  );
  return { onSubmit, props, view };
}

describe('ReasonForm', () => {
  it('asks for a reason when one is required, and sends it trimmed', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(screen.getByText('Give a reason')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/Reason/), '  Unpaid invoices  ');
    expect(screen.queryByText('Give a reason')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(onSubmit).toHaveBeenCalledWith('Unpaid invoices');
  });

  it('sends no reason when an optional one is left blank', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm({ reasonRequired: false });
    await user.type(screen.getByLabelText(/Reason/), '   ');
    await user.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(onSubmit).toHaveBeenCalledWith(undefined);
  });

  it("shows the server's word on the reason under the field, and anything else in an alert", () => {
    const fieldError = new ApiError({
      type: 'https://partnergraph.dev/problems/validation',
      title: 'Invalid request',
      status: 400,
      errors: [{ path: 'body.reason', message: 'The reason names a person' }],
    });
    const { props, view } = renderForm({ error: fieldError });
    expect(screen.getByText('The reason names a person')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    const stale = new ApiError({
      type: 'https://partnergraph.dev/problems/stale-version',
      title: 'Changed by someone else',
      status: 409,
    });
    view.rerender(
      <MantineProvider>
        <ReasonForm {...props} error={stale} />
      </MantineProvider>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Someone changed this partner first');
  });
});
