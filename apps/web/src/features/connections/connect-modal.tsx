import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import {
  type Connection,
  type ConnectionKind,
  type OrgRef,
  useRequestConnection,
} from '../../api/connections';
import { closeButtonProps } from '../programs/modal-props';
import { connectionKindHint, connectionKindLabel, connectionKindList } from './labels';

const kindOptions = connectionKindList.map((value) => ({ value, label: connectionKindLabel[value] }));

interface Props {
  /** The partner to ask; null keeps the dialog closed. */
  partner: OrgRef | null;
  onClose: () => void;
  /** After the request went out (the dialog closes itself). */
  onSent?: (connection: Connection) => void;
}

/** Ask another partner for a relationship of a kind, with a message and terms (POST /connections). */
export function ConnectModal({ partner, onClose, onSent }: Props) {
  return (
    <Modal
      opened={partner !== null}
      onClose={onClose}
      title={partner ? `Connect with ${partner.name}` : ''}
      closeButtonProps={closeButtonProps}
      centered
      size="lg"
    >
      {/* Keyed by the partner: a new partner starts a fresh form. */}
      {partner && <ConnectForm key={partner.id} partner={partner} onClose={onClose} onSent={onSent} />}
    </Modal>
  );
}

function ConnectForm({
  partner,
  onClose,
  onSent,
}: {
  partner: OrgRef;
  onClose: () => void;
  onSent?: Props['onSent'];
}) {
  const request = useRequestConnection();
  const [kind, setKind] = useState<ConnectionKind | null>('referral');
  const [message, setMessage] = useState('');
  const [fee, setFee] = useState<string | number>('');
  const [kindMissing, setKindMissing] = useState(false);

  const serverFields = request.error instanceof ApiError ? request.error.fieldErrors() : {};
  const placed = ['kind', 'message', 'terms'].some((f) => serverFields[f]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!kind) return setKindMissing(true);
    const referralFeePct = typeof fee === 'number' ? fee : undefined;
    request.mutate(
      {
        organizationId: partner.id,
        kind,
        message: message.trim(),
        terms: referralFeePct === undefined ? {} : { referralFeePct },
      },
      {
        onSuccess: (connection) => {
          notifications.show({
            color: 'green',
            message: `Your request went to ${partner.name}. It waits under Connections › Outgoing until they answer.`,
          });
          onClose();
          onSent?.(connection);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {partner.name} is told of your request and can accept or decline it. Once accepted, the connection
          is listed for both of you.
        </Text>
        {request.error && !placed && (
          <Alert color="red" role="alert">
            {errorMessage(request.error)}
          </Alert>
        )}
        <Select
          label="Kind of relationship"
          data={kindOptions}
          value={kind}
          onChange={(value) => {
            setKind(value as ConnectionKind | null);
            setKindMissing(false);
          }}
          description={kind ? connectionKindHint[kind] : undefined}
          error={kindMissing ? 'Choose a kind of relationship' : serverFields.kind}
          required
          allowDeselect={false}
          data-autofocus
        />
        <Textarea
          label="Message"
          description={`What you have in mind: ${partner.name} reads it with the request`}
          autosize
          minRows={3}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={serverFields.message}
        />
        <NumberInput
          label="Referral fee %"
          description="Optional: the share of a won deal the referrer earns on prospects passed under this connection"
          min={0}
          max={100}
          decimalScale={2}
          clampBehavior="strict"
          suffix="%"
          value={fee}
          onChange={setFee}
          error={serverFields.terms}
          w={{ base: '100%', sm: 240 }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={request.isPending}>
            Send request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
