import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Partner } from '@partnergraph/shared/contracts/organizations';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage, isStaleVersion } from '../../api/client';
import { type PartnerStatusVerb, usePartnerStatusAction } from '../../api/partners';

interface ActionCopy {
  label: string;
  color: string;
  explanation: string;
  reasonRequired: boolean;
  done: string;
}

export function statusActionCopy(verb: PartnerStatusVerb, partner: Partner): ActionCopy {
  switch (verb) {
    case 'activate':
      return partner.status === 'suspended'
        ? {
            label: 'Reactivate',
            color: 'green',
            explanation: 'The partner becomes active again.',
            reasonRequired: false,
            done: 'reactivated',
          }
        : {
            label: 'Activate',
            color: 'green',
            explanation: 'The applicant becomes an active partner.',
            reasonRequired: false,
            done: 'activated',
          };
    case 'suspend':
      return {
        label: 'Suspend',
        color: 'orange',
        explanation: 'The partner is marked suspended until someone reactivates it.',
        reasonRequired: true,
        done: 'suspended',
      };
    case 'terminate':
      return {
        label: 'Terminate',
        color: 'red',
        explanation: 'Terminating ends the partnership for good: its users can no longer sign in.',
        reasonRequired: true,
        done: 'terminated',
      };
  }
}

/** Which status changes make sense from where the partner stands now. */
export function statusVerbsFor(partner: Partner): PartnerStatusVerb[] {
  switch (partner.status) {
    case 'applicant':
      return ['activate', 'terminate'];
    case 'active':
      return ['suspend', 'terminate'];
    case 'suspended':
      return ['activate', 'terminate'];
    case 'terminated':
      return [];
  }
}

interface Props {
  partner: Partner;
  verb: PartnerStatusVerb | null;
  onClose: () => void;
}

export function StatusActionModal({ partner, verb, onClose }: Props) {
  const copy = verb ? statusActionCopy(verb, partner) : null;
  return (
    <Modal
      opened={verb !== null}
      onClose={onClose}
      title={copy ? `${copy.label} ${partner.name}` : ''}
      centered
    >
      {verb && copy && <StatusActionForm partner={partner} verb={verb} copy={copy} onDone={onClose} />}
    </Modal>
  );
}

function StatusActionForm({
  partner,
  verb,
  copy,
  onDone,
}: {
  partner: Partner;
  verb: PartnerStatusVerb;
  copy: ActionCopy;
  onDone: () => void;
}) {
  const action = usePartnerStatusAction(partner.id);
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const reasonError =
    (missingReason ? 'Give a reason' : undefined) ??
    (action.error instanceof ApiError ? action.error.fieldErrors().reason : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The reason is what the audit log will say about this decision, so the drastic steps need one.
    if (copy.reasonRequired && !reason.trim()) {
      setMissingReason(true);
      return;
    }
    action.mutate(
      { verb, version: partner.version, reason: reason.trim() || undefined },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: `${saved.name} was ${copy.done}.` });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{copy.explanation}</Text>
        {action.isError && !reasonError && (
          <Alert color="red" role="alert">
            {isStaleVersion(action.error)
              ? 'This partner was changed by someone else meanwhile. The page now shows the latest version; check it and confirm again.'
              : errorMessage(action.error)}
          </Alert>
        )}
        <Textarea
          label="Reason"
          description="Recorded with the change in the audit log"
          required={copy.reasonRequired}
          data-autofocus
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissingReason(false);
          }}
          error={reasonError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" color={copy.color} loading={action.isPending}>
            {copy.label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
