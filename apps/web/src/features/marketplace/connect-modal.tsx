import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage, isApiError } from '../../api/client';
import { type ConnectionKind, useConnectWithPartner } from '../../api/marketplace';
import { connectionKindCopy, connectionKindList } from './labels';

interface ConnectModalProps {
  opened: boolean;
  onClose: () => void;
  partner: { id: string; name: string };
  /** Kinds with a request or an active connection already: one of each per pair of partners. */
  openKinds: ReadonlySet<ConnectionKind>;
}

/** Asks a partner for a connection of some kind, with a message and, for referrals, a fee. */
export function ConnectModal({ opened, onClose, partner, openKinds }: ConnectModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Connect with ${partner.name}`} size="lg">
      <ConnectForm partner={partner} openKinds={openKinds} onDone={onClose} />
    </Modal>
  );
}

type Field = 'kind' | 'message' | 'referralFeePct' | 'notes';

/** Server messages by the field they concern (`body.terms.referralFeePct` → referralFeePct). */
function serverErrors(error: unknown): Partial<Record<Field, string>> {
  if (!(error instanceof ApiError)) return {};
  const placed: Partial<Record<Field, string>> = {};
  for (const e of error.errors) {
    const path = e.path.replace(/^body\./, '');
    const field: Field | undefined =
      path === 'kind'
        ? 'kind'
        : path === 'message'
          ? 'message'
          : path.startsWith('terms.referralFeePct')
            ? 'referralFeePct'
            : path.startsWith('terms.notes')
              ? 'notes'
              : undefined;
    if (field) placed[field] ??= e.message;
  }
  return placed;
}

function ConnectForm({
  partner,
  openKinds,
  onDone,
}: {
  partner: { id: string; name: string };
  openKinds: ReadonlySet<ConnectionKind>;
  onDone: () => void;
}) {
  const connect = useConnectWithPartner();
  const firstFree = connectionKindList.find((k) => !openKinds.has(k)) ?? null;
  const [kind, setKind] = useState<ConnectionKind | null>(firstFree);
  const [message, setMessage] = useState('');
  const [fee, setFee] = useState<number | string>('');
  const [notes, setNotes] = useState('');
  const [missingKind, setMissingKind] = useState(false);

  const errors = serverErrors(connect.error);
  const unplaced =
    connect.isError && Object.keys(errors).length === 0
      ? isApiError(connect.error, 409)
        ? (connect.error.detail ?? `You already have an open connection of this kind with ${partner.name}.`)
        : errorMessage(connect.error)
      : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!kind) {
      setMissingKind(true);
      return;
    }
    const referralFeePct = kind === 'referral' && typeof fee === 'number' ? fee : undefined;
    connect.mutate(
      {
        organizationId: partner.id,
        kind,
        message: message.trim(),
        terms: {
          ...(referralFeePct === undefined ? {} : { referralFeePct }),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
        },
      },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: `Your request for a ${connectionKindCopy[kind].label.toLowerCase()} was sent to ${partner.name}.`,
          });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={`Connection request to ${partner.name}`}>
      <Stack>
        <Text size="sm" c="dimmed">
          {partner.name} sees your request and your message, and accepts or declines it. Once accepted, the
          connection and its terms are visible to both of you and to the vendor.
        </Text>
        {unplaced && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert" title="The request was not sent">
            {unplaced}
          </Alert>
        )}
        <Select
          label="Kind of partnership"
          required
          data={connectionKindList.map((k) => ({
            value: k,
            label: openKinds.has(k)
              ? `${connectionKindCopy[k].label} (already open)`
              : connectionKindCopy[k].label,
            disabled: openKinds.has(k),
          }))}
          value={kind}
          onChange={(value) => {
            setKind(value as ConnectionKind | null);
            setMissingKind(false);
          }}
          description={kind ? connectionKindCopy[kind].description : undefined}
          error={missingKind ? 'Choose the kind of partnership' : errors.kind}
          allowDeselect={false}
        />
        <Textarea
          label="Message"
          placeholder={`Why ${partner.name} and you should work together`}
          autosize
          minRows={3}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={errors.message}
        />
        {kind === 'referral' && (
          <NumberInput
            label="Referral fee %"
            description="Optional: the share of a won deal's value the referring partner earns"
            min={0}
            max={100}
            decimalScale={2}
            suffix=" %"
            value={fee}
            onChange={setFee}
            error={errors.referralFeePct}
          />
        )}
        <Textarea
          label="Terms"
          description="Optional: anything else you propose (payment terms, territories…)"
          autosize
          minRows={2}
          maxLength={2000}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={errors.notes}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={connect.isPending}>
            Send request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
