import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Modal from './invite-modal';

// The invitation form against a stubbed network, as in api/client.test.ts: relative URLs need an origin.
const ORIGIN = 'https://partners.example.test';
class PageRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, ORIGIN) : input, init);
  }
}
const network = vi.fn<(request: Request) => Promise<Response>>();
let InviteModal: typeof Modal.InviteModal;

beforeAll(async () => {
  vi.stubGlobal('Request', PageRequest);
  vi.stubGlobal('fetch', (request: Request) => network(request));
  ({ InviteModal } = await import('./invite-modal'));
});
afterEach(() => network.mockReset());

const problem = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify({ type: 'about:blank', status, ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

function renderModal() {
  const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <InviteModal
          opened
          onClose={() => {}}
          title="Invite a teammate"
          organization={{ id: 'org-1', name: 'Northwind', kind: 'partner' }}
        />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const input = (label: string) => screen.getByLabelText(label, { exact: false, selector: 'input' });
const errorOf = (label: string) => {
  const id = input(label)
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((x) => x.endsWith('-error'));
  return id ? document.getElementById(id)?.textContent : undefined;
};

describe('the invitation form', () => {
  it('says the contract’s word on an address that is not one, and sends nothing', async () => {
    const user = userEvent.setup();
    renderModal();
    await user.type(input('Email'), 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(errorOf('Email')).toBe('Enter a valid email address');
    expect(input('Email').getAttribute('aria-invalid')).toBe('true');
    expect(network).not.toHaveBeenCalled();
  });

  it('shows a server 400 naming the role on the role input', async () => {
    network.mockResolvedValue(
      problem(400, {
        title: 'Invalid request',
        errors: [{ path: 'body.role', message: 'Not a partner role' }],
      }),
    );
    const user = userEvent.setup();
    renderModal();
    await user.type(input('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    await vi.waitFor(() => expect(errorOf('Role')).toBe('Not a partner role'));
    expect(errorOf('Email')).toBeUndefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts a conflict about the address (already invited) under the address', async () => {
    network.mockResolvedValue(
      problem(409, { title: 'Conflict', detail: 'An open invitation for ada@example.com exists' }),
    );
    const user = userEvent.setup();
    renderModal();
    await user.type(input('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    await vi.waitFor(() => expect(errorOf('Email')).toBe('An open invitation for ada@example.com exists'));
  });
});
