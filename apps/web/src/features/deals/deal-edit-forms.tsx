// Closing a deal (won or lost) and editing its details.
import { Alert, Button, Group, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { isStaleVersion } from '../../api/client';
import { type Deal, dealKeys, useUpdateDeal } from '../../api/deals';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ActionError, fieldError } from './action-error';
import {
  changedDealFields,
  dealFormFrom,
  DealFormFields,
  dealFormSchema,
  type DealFormValues,
} from './deal-form';
import { formatMinor, localToday, parseMajorAmount, toMajorInput } from './format';
import { type FormProps, useRun, FormButtons } from './deal-action-parts';

export function CloseForm({ deal, onDone }: FormProps) {
  const { action, run } = useRun(deal, onDone);
  const [outcome, setOutcome] = useState<'won' | 'lost'>('won');
  const [amount, setAmount] = useState(() => toMajorInput(deal.amount, deal.currency));
  const [closeDate, setCloseDate] = useState(localToday);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(closeDate)) found.closeDate = 'Give the close date';
    const parsed = parseMajorAmount(amount, deal.currency);
    if (outcome === 'won' && 'error' in parsed) found.amount = parsed.error;
    if (outcome === 'lost' && reason.trim().length < 3)
      found.reason = 'Give a reason (3 characters at least)';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (outcome === 'won' && 'minor' in parsed) {
      run(
        { verb: 'close', outcome: 'won', version: deal.version, amount: parsed.minor, closeDate },
        `The deal with ${deal.customer.name} was closed as won.`,
      );
    } else {
      run(
        { verb: 'close', outcome: 'lost', version: deal.version, closeDate, reason: reason.trim() },
        `The deal with ${deal.customer.name} was closed as lost.`,
      );
    }
  }

  let fields: ReactNode;
  if (outcome === 'won') {
    fields = (
      <TextInput
        label="Final amount"
        required
        inputMode="decimal"
        description={`In ${deal.currency}; registered at ${formatMinor(deal.amount, deal.currency)}`}
        value={amount}
        onChange={(e) => setAmount(e.currentTarget.value)}
        error={errors.amount ?? fieldError(action.error, 'amount')}
      />
    );
  } else {
    fields = (
      <Textarea
        label="Reason"
        required
        description="Why the customer did not buy"
        autosize
        minRows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason ?? fieldError(action.error, 'reason')}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SegmentedControl
          aria-label="Outcome"
          data={[
            { value: 'won', label: 'Won' },
            { value: 'lost', label: 'Lost' },
          ]}
          value={outcome}
          onChange={(value) => setOutcome(value as 'won' | 'lost')}
          fullWidth
        />
        <ActionError error={action.error} fields={['amount', 'closeDate', 'reason']} />
        {fields}
        <TextInput
          label="Close date"
          type="date"
          required
          max={localToday()}
          value={closeDate}
          onChange={(e) => setCloseDate(e.currentTarget.value)}
          error={errors.closeDate ?? fieldError(action.error, 'closeDate')}
        />
        <FormButtons
          label={outcome === 'won' ? 'Close as won' : 'Close as lost'}
          color={outcome === 'won' ? 'green' : 'gray'}
          pending={action.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

export function EditDealForm({ deal, onDone }: FormProps) {
  const queryClient = useQueryClient();
  const update = useUpdateDeal(deal.id);
  const [initial] = useState<DealFormValues>(() => dealFormFrom(deal));
  const form = useContractForm<DealFormValues>(dealFormSchema, initial);
  const [formError, setFormError] = useState<string | null>(null);
  // The version this edit is based on. It moves only when the person has seen the newer deal.
  const [baseVersion, setBaseVersion] = useState(deal.version);
  const [staleNotice, setStaleNotice] = useState(false);

  function submit(values: DealFormValues) {
    const changes = changedDealFields(initial, values);
    if (Object.keys(changes).length === 0) return onDone();
    setStaleNotice(false);
    setFormError(null);
    update.mutate(
      { ...changes, version: baseVersion },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: 'The deal was saved.' });
          onDone();
        },
        onError: (error) => {
          if (!isStaleVersion(error)) return setFormError(showServerErrors(form, error));
          // useUpdateDeal has reloaded the deal before this runs; the page behind shows that version.
          const fresh = queryClient.getQueryData<Deal>(dealKeys.detail(deal.id));
          if (fresh) setBaseVersion(fresh.version);
          setStaleNotice(true);
        },
      },
    );
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      {staleNotice && (
        <Alert color="yellow" title="This deal was changed by someone else" role="alert" mb="md">
          The page now shows the latest version behind this form. Your edits are still here: check them
          against it and save again.
        </Alert>
      )}
      <DealFormFields
        form={form}
        formError={formError}
        withNotes={deal.notes !== null}
        excludeDealId={deal.id}
        customerFixed={deal.status !== 'registered'}
      />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={update.isPending}>
          Save changes
        </Button>
      </Group>
    </form>
  );
}
