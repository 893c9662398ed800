import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError, isApiError, isStaleVersion } from '../../api/client';
import {
  type Deal,
  dealConflictsQueryOptions,
  dealKeys,
  type DealAction,
  useDealAction,
  useUpdateDeal,
} from '../../api/deals';
import { settingsQueryOptions } from '../../api/settings';
import { formatDate } from '../../components/dates';
import { ReasonForm } from '../../components/reason-form';
import { useSession } from '../auth/session';
import { ActionError, fieldError, STALE_DEAL } from './action-error';
import { ConflictList } from './conflict-list';
import {
  changedDealFields,
  checkDealForm,
  dealFormFrom,
  DealFormFields,
  type DealFormValues,
  unplacedError,
} from './deal-form';
import { formatMinor, localToday, parseMajorAmount, toMajorInput } from './format';

export type DealModal = 'approve' | 'reject' | 'request-extension' | 'extend' | 'close' | 'edit';

const titles: Record<DealModal, string> = {
  approve: 'Approve deal',
  reject: 'Reject deal',
  'request-extension': 'Request a protection extension',
  extend: 'Extend protection',
  close: 'Close deal',
  edit: 'Edit deal',
};

interface Props {
  deal: Deal;
  modal: DealModal | null;
  onClose: () => void;
}

export function DealActionModal({ deal, modal, onClose }: Props) {
  return (
    <Modal
      opened={modal !== null}
      onClose={onClose}
      title={modal ? `${titles[modal]}: ${deal.customer.name}` : ''}
      size={modal === 'edit' ? 'xl' : 'md'}
      closeButtonProps={{ 'aria-label': 'Close dialog' }}
    >
      {/* Mounted per opening: each form starts from the deal as it is now. */}
      {modal === 'approve' && <ApproveForm deal={deal} onDone={onClose} />}
      {modal === 'reject' && <RejectForm deal={deal} onDone={onClose} />}
      {modal === 'request-extension' && <RequestExtensionForm deal={deal} onDone={onClose} />}
      {modal === 'extend' && <ExtendForm deal={deal} onDone={onClose} />}
      {modal === 'close' && <CloseForm deal={deal} onDone={onClose} />}
      {modal === 'edit' && <EditDealForm deal={deal} onDone={onClose} />}
    </Modal>
  );
}

interface FormProps {
  deal: Deal;
  onDone: () => void;
}

/** Runs one action with the version the page shows now, and says so when it went through. */
function useRun(deal: Deal, onDone: () => void) {
  const action = useDealAction(deal.id);
  const run = (body: DealAction, done: string) =>
    action.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: done });
        onDone();
      },
    });
  return { action, run };
}

function FormButtons({
  label,
  color,
  pending,
  onCancel,
}: {
  label: string;
  color?: string;
  pending: boolean;
  onCancel: () => void;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" color={color} loading={pending}>
        {label}
      </Button>
    </Group>
  );
}

/** A whole number from a NumberInput, or undefined when left empty. */
const wholeOrUndefined = (value: string | number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : undefined;

const overriderWords: Record<string, string> = {
  admin: 'vendor admins',
  channel_manager: 'channel managers',
};

/**
 * Approval starts the registrant's protection. A customer another partner already holds under
 * protection (the same domain or name) is approved only with a written override, by the roles the
 * settings allow; similar names alone are shown as a warning.
 */
export function ApproveForm({ deal, onDone }: FormProps) {
  const { action, run } = useRun(deal, onDone);
  const { user } = useSession();
  const conflicts = useQuery(dealConflictsQueryOptions(deal.id));
  const settings = useQuery(settingsQueryOptions);
  const [days, setDays] = useState<string | number>('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const items = conflicts.data ?? [];
  const blocking = items.filter((c) => c.blocking);
  const warnings = items.filter((c) => !c.blocking);
  const overriders = settings.data?.protectionOverrideRoles ?? ['admin'];
  const mayOverride = (overriders as string[]).includes(user.role);
  const who = overriders.map((r) => overriderWords[r] ?? r).join(' and ');
  // A protection granted after the dialog opened is refused by the server all the same (409).
  const refused = isApiError(action.error, 409) && !isStaleVersion(action.error);
  const needsOverride = blocking.length > 0 || refused;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (needsOverride) {
      if (!mayOverride) return;
      if (reason.trim().length < 3) {
        setReasonError('Give the reason for overriding the other partner’s protection');
        return;
      }
    }
    run(
      {
        verb: 'approve',
        version: deal.version,
        protectionDays: wholeOrUndefined(days),
        ...(needsOverride ? { overrideReason: reason.trim() } : {}),
      },
      needsOverride
        ? `The deal with ${deal.customer.name} was approved over another partner’s protection.`
        : `The deal with ${deal.customer.name} was approved.`,
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {deal.registeredBy.name} gets the customer protected: while the protection runs, another partner’s
          registration of the same customer is refused unless {who} override it with a written reason.
        </Text>
        {blocking.length > 0 && (
          <Alert color="red" title="Protected for another partner" role="alert">
            <Stack gap="xs">
              <Text size="sm">
                {blocking.length === 1
                  ? `${blocking[0]!.deal.registeredBy.name} holds this customer under protection.`
                  : 'Other partners hold this customer under protection.'}{' '}
                Approving overrides it: their deal keeps its protection, and the override is recorded on both
                deals for the vendor to see.
                {!mayOverride && ` Only ${who} may override.`}
              </Text>
              <ConflictList conflicts={blocking} label="Protecting deals" newTab />
            </Stack>
          </Alert>
        )}
        {warnings.length > 0 && (
          <Alert color="orange" title="Possible conflicts" role="status">
            <Stack gap="xs">
              <Text size="sm">
                These open deals look like the same customer but do not stop the approval: check them first.
              </Text>
              <ConflictList conflicts={warnings} label="Possible conflicts" newTab />
            </Stack>
          </Alert>
        )}
        <ActionError error={action.error} fields={['protectionDays', 'overrideReason']} />
        <NumberInput
          label="Protection days"
          description="Leave empty for the days the partner’s best active tier grants (or the default)"
          min={1}
          max={730}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          onChange={setDays}
          error={fieldError(action.error, 'protectionDays')}
          data-autofocus
        />
        {needsOverride && mayOverride && (
          <Textarea
            label="Reason for the override"
            description="Recorded on both deals; the partners do not see it"
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(null);
            }}
            error={reasonError ?? fieldError(action.error, 'overrideReason')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button
            type="submit"
            color={needsOverride ? 'red' : 'green'}
            loading={action.isPending}
            disabled={needsOverride && !mayOverride}
          >
            {needsOverride ? 'Approve with override' : 'Approve'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RejectForm({ deal, onDone }: FormProps) {
  const { action, run } = useRun(deal, onDone);
  return (
    <ReasonForm
      explanation={`${deal.registeredBy.name} is told the deal was rejected, with your reason.`}
      reasonDescription="Shown to the registering partner and recorded in the deal's history"
      reasonRequired
      staleMessage={STALE_DEAL}
      label="Reject"
      color="red"
      error={action.error}
      pending={action.isPending}
      onCancel={onDone}
      onSubmit={(reason) =>
        run(
          { verb: 'reject', version: deal.version, reason: reason ?? '' },
          `The deal with ${deal.customer.name} was rejected.`,
        )
      }
    />
  );
}

function RequestExtensionForm({ deal, onDone }: FormProps) {
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

function ExtendForm({ deal, onDone }: FormProps) {
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

function CloseForm({ deal, onDone }: FormProps) {
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

function EditDealForm({ deal, onDone }: FormProps) {
  const queryClient = useQueryClient();
  const update = useUpdateDeal(deal.id);
  const [initial] = useState<DealFormValues>(() => dealFormFrom(deal));
  const [values, setValues] = useState(initial);
  // The version this edit is based on. It moves only when the person has seen the newer deal.
  const [baseVersion, setBaseVersion] = useState(deal.version);
  const [staleNotice, setStaleNotice] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const serverErrors = update.error instanceof ApiError ? update.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkDealForm(values);
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const changes = changedDealFields(initial, values);
    if (Object.keys(changes).length === 0) return onDone();
    setStaleNotice(false);
    update.mutate(
      { ...changes, version: baseVersion },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: 'The deal was saved.' });
          onDone();
        },
        onError: (error) => {
          if (!isStaleVersion(error)) return;
          // useUpdateDeal has reloaded the deal before this runs; the page behind shows that version.
          const fresh = queryClient.getQueryData<Deal>(dealKeys.detail(deal.id));
          if (fresh) setBaseVersion(fresh.version);
          setStaleNotice(true);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      {staleNotice && (
        <Alert color="yellow" title="This deal was changed by someone else" role="alert" mb="md">
          The page now shows the latest version behind this form. Your edits are still here: check them
          against it and save again.
        </Alert>
      )}
      <DealFormFields
        values={values}
        onChange={setValues}
        errors={{ ...serverErrors, ...localErrors }}
        formError={isStaleVersion(update.error) ? null : unplacedError(update.error)}
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
