import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage, isStaleVersion } from '../api/client';

interface Props {
  explanation: string;
  /** Shown under the field: where the reason ends up. */
  reasonDescription: string;
  reasonRequired: boolean;
  /** What to say when someone changed the record first (a stale version). */
  staleMessage: string;
  label: string;
  color: string;
  error: Error | null;
  pending: boolean;
  onCancel: () => void;
  onSubmit: (reason: string | undefined) => void;
}

/**
 * The confirm step of a status change that carries a reason (suspend, terminate…):
 * the reason is what the audit log says about the decision, so the drastic steps require one.
 */
export function ReasonForm(props: Props) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonError =
    (missing ? 'Give a reason' : undefined) ??
    (props.error instanceof ApiError ? props.error.fieldErrors().reason : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (props.reasonRequired && !reason.trim()) return setMissing(true);
    props.onSubmit(reason.trim() || undefined);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{props.explanation}</Text>
        {props.error && !reasonError && (
          <Alert color="red" role="alert">
            {isStaleVersion(props.error) ? props.staleMessage : errorMessage(props.error)}
          </Alert>
        )}
        <Textarea
          label="Reason"
          description={props.reasonDescription}
          required={props.reasonRequired}
          data-autofocus
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setMissing(false);
          }}
          error={reasonError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
          <Button type="submit" color={props.color} loading={props.pending}>
            {props.label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
