import { Alert, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconKey } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/client';
import { CopyableCode } from '../../components/copyable-code';
import { formatDate, formatDateTime } from '../../components/dates';
import { relativeTime } from './relative-time';

// What API tokens (a person's, for scripts) and SCIM tokens (an organization's, for its IdP) share:
// a secret shown once, a table of prefixes with their last use, and a revocation that takes effect at once.

export interface SecretToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export type SecretTokenState = 'active' | 'expired' | 'revoked';

const stateBadges: Record<SecretTokenState, { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  expired: { label: 'Expired', color: 'gray' },
  revoked: { label: 'Revoked', color: 'red' },
};

export interface TokenColumn<T> {
  header: string;
  cell: (token: T) => ReactNode;
  /** Beside the token's prefix, or just before its status. */
  at: 'afterToken' | 'beforeStatus';
}

/** The tokens, newest first as the server lists them; only an active one can be revoked. */
export function SecretTokenTable<T extends SecretToken>({
  label,
  tokens,
  stateOf,
  columns = [],
  createdBy,
  onRevoke,
  minWidth = 720,
}: {
  label: string;
  tokens: T[];
  stateOf: (token: T) => SecretTokenState;
  columns?: TokenColumn<T>[];
  createdBy?: (token: T) => string | null;
  onRevoke: (token: T) => void;
  minWidth?: number;
}) {
  const afterToken = columns.filter((c) => c.at === 'afterToken');
  const beforeStatus = columns.filter((c) => c.at === 'beforeStatus');
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Token</Table.Th>
            {afterToken.map((c) => (
              <Table.Th key={c.header}>{c.header}</Table.Th>
            ))}
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            {beforeStatus.map((c) => (
              <Table.Th key={c.header}>{c.header}</Table.Th>
            ))}
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => {
            const state = stateOf(token);
            const by = createdBy?.(token);
            return (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>
                  <code>{token.prefix}…</code>
                </Table.Td>
                {afterToken.map((c) => (
                  <Table.Td key={c.header}>{c.cell(token)}</Table.Td>
                ))}
                <Table.Td>
                  {formatDate(token.createdAt)}
                  {by ? ` by ${by}` : ''}
                </Table.Td>
                <Table.Td title={token.lastUsedAt ? formatDateTime(token.lastUsedAt) : undefined}>
                  {token.lastUsedAt ? relativeTime(token.lastUsedAt) : 'Never'}
                </Table.Td>
                {beforeStatus.map((c) => (
                  <Table.Td key={c.header}>{c.cell(token)}</Table.Td>
                ))}
                <Table.Td>
                  <Badge variant="light" color={stateBadges[state].color}>
                    {stateBadges[state].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {state === 'active' && (
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      aria-label={`Revoke ${token.name}`}
                      onClick={() => onRevoke(token)}
                    >
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A new token's secret, shown this once: the server keeps only its hash. */
export function SecretReveal({
  title,
  label,
  instruction,
  value,
  valueLabel,
  copyLabel,
  children,
  onDone,
}: {
  title: string;
  label: string;
  instruction: string;
  value: string;
  valueLabel: string;
  copyLabel: string;
  children?: ReactNode;
  onDone: () => void;
}) {
  return (
    <section aria-label={label}>
      <Alert color="green" icon={<IconKey />} title={title}>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {instruction}
          </Text>
          <CopyableCode value={value} label={valueLabel} copyLabel={copyLabel} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              I have copied it
            </Button>
          </Group>
        </Stack>
      </Alert>
    </section>
  );
}

/** Confirms a revocation; `consequence` says what stops working. */
export function RevokeTokenConfirm({
  consequence,
  revoke,
  onRevoke,
  onDone,
}: {
  consequence: ReactNode;
  revoke: { isPending: boolean; isError: boolean; error: unknown };
  onRevoke: () => void;
  onDone: () => void;
}) {
  return (
    <Stack>
      <Text>{consequence}</Text>
      {revoke.isError && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {errorMessage(revoke.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button color="red" loading={revoke.isPending} onClick={onRevoke}>
          Revoke token
        </Button>
      </Group>
    </Stack>
  );
}
