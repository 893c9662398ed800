// Protection time: a partner asks for more, the vendor grants it.
import { Alert, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { formatDate } from '../../components/dates';
import { ActionError, fieldError } from './action-error';
import { type FormProps, useRun, FormButtons, wholeOrUndefined } from './deal-action-parts';

export function RequestExtensionForm({ deal, onDone }: FormProps) {
  const { action, run } = useRun(deal, onDone);
  const [days, setDays] = useState<string | number>(30);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const n = wholeOrUndefined(days);
    if (n === undefined || n < 1 || n > 365) found.days = 'Give 1 to 365 days';
    if (reason.trim().length < 3) found.reason = 'Give a reason (3 characters at least)';
    setErrors(found);
    if (Object.keys(found).length > 0 || n === undefined) return;
    run(
      { verb: 'request-extension', version: deal.version, days: n, reason: reason.trim() },
      'Your extension request was sent to the vendor.',
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {deal.protection && (
          <Text size="sm">The protection ends on {formatDate(deal.protection.expiresAt)}.</Text>
        )}
        <ActionError error={action.error} fields={['days', 'reason']} />
        <NumberInput
          label="Extra days"
          required
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          onChange={setDays}
          error={errors.days ?? fieldError(action.error, 'days')}
          data-autofocus
        />
        <Textarea
          label="Reason"
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={errors.reason ?? fieldError(action.error, 'reason')}
        />
        <FormButtons label="Request extension" pending={action.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

export function ExtendForm({ deal, onDone }: FormProps) {
  const { action, run } = useRun(deal, onDone);
  const request = deal.protection?.extensionRequest ?? null;
  const [days, setDays] = useState<string | number>(request ? request.days : '');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const n = wholeOrUndefined(days);
    // Without a request there is no number of days to default to.
    if ((n === undefined && !request) || (n !== undefined && (n < 1 || n > 365))) {
      setError('Give 1 to 365 days');
      return;
    }
    setError(null);
    run({ verb: 'extend', version: deal.version, days: n }, 'The protection was extended.');
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {deal.protection && (
          <Text size="sm">The protection ends on {formatDate(deal.protection.expiresAt)}.</Text>
        )}
        {request && (
          <Alert color="blue" title={`${deal.registeredBy.name} asks for ${request.days} more days`}>
            {request.reason}
          </Alert>
        )}
        <ActionError error={action.error} fields={['days']} />
        <NumberInput
          label="Extra days"
          required={!request}
          description={request ? 'Defaults to the days requested' : undefined}
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          onChange={setDays}
          error={error ?? fieldError(action.error, 'days')}
          data-autofocus
        />
        <FormButtons label="Extend protection" pending={action.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
