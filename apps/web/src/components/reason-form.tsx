import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { z } from 'zod';
import { errorMessage, isStaleVersion } from '../api/client';
import { showServerErrors, useContractForm } from './forms';

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

// The API's reason fields: trimmed text of at most 1,000 characters (the status and decision contracts).
const reasonText = z.string().trim().max(1000, 'Keep the reason under 1,000 characters');

/**
 * The confirm step of a status change that carries a reason (suspend, terminate…):
 * the reason is what the audit log says about the decision, so the drastic steps require one.
 */
export function ReasonForm(props: Props) {
  const schema = useMemo(
    () => z.object({ reason: props.reasonRequired ? reasonText.min(1, 'Give a reason') : reasonText }),
    [props.reasonRequired],
  );
  const form = useContractForm(schema, { reason: '' });
  const { setErrors, getValues } = form;
  // The server's word on the reason goes under the field; anything else goes in the alert.
  const alert = useMemo(() => (props.error ? errorMessage(props.error) : null), [props.error]);
  useEffect(() => {
    if (props.error) showServerErrors({ setErrors, getValues }, props.error);
  }, [props.error, setErrors, getValues]);
  const reasonError = form.errors.reason;

  return (
    <form onSubmit={form.onSubmit(({ reason }) => props.onSubmit(reason.trim() || undefined))} noValidate>
      <Stack>
        <Text>{props.explanation}</Text>
        {props.error && !reasonError && (
          <Alert color="red" role="alert">
            {isStaleVersion(props.error) ? props.staleMessage : alert}
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
          key={form.key('reason')}
          {...form.getInputProps('reason')}
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
