import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MfaChallenge } from '../../api/mfa';
import { MfaSignInStep } from './mfa-sign-in-step';

const challenge: MfaChallenge = {
  step: 'mfa_verify',
  token: 'pgm_pending',
  expiresAt: '2026-03-14T09:40:00Z',
  methods: ['totp', 'recovery_code'],
};

function renderStep(c = challenge) {
  const onSignedIn = vi.fn();
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <MfaSignInStep challenge={c} onSignedIn={onSignedIn} onCancel={() => {}} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { onSignedIn };
}

afterEach(() => vi.unstubAllGlobals());

describe('MfaSignInStep', () => {
  it('checks the code with the shared contract before sending anything', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    renderStep();
    await user.type(screen.getByLabelText('Code from your authenticator app'), '12345');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Enter the 6-digit code from your authenticator app')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('offers only the methods the person has', async () => {
    const user = userEvent.setup();
    renderStep();
    expect(screen.queryByText('Passkey')).toBeNull();
    await user.click(screen.getByText('Recovery code'));
    expect(screen.getByRole('textbox', { name: /Recovery code/ })).toBeTruthy();
  });

  it('asks a person without a factor to set up an authenticator app first', () => {
    renderStep({ ...challenge, step: 'mfa_enroll', methods: [] });
    expect(screen.getByRole('heading', { name: 'Set up a second factor' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Set up an authenticator app' })).toBeTruthy();
    expect(screen.queryByLabelText('Code from your authenticator app')).toBeNull();
  });

  it('offers a passkey as the first factor too, named before it is created', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    renderStep({ ...challenge, step: 'mfa_enroll', methods: [] });
    await user.click(screen.getByText('Passkey'));
    expect(screen.queryByRole('button', { name: 'Set up an authenticator app' })).toBeNull();
    const name = screen.getByLabelText(/Passkey name/);
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Create a passkey and sign in' }));
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/Passkey name/).getAttribute('aria-invalid')).toBe('true');
  });
});
