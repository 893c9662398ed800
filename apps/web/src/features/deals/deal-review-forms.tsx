// Deciding a registration: approving it (with protection and any overrides) or rejecting it with a reason.
import { Alert, Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isApiError, isStaleVersion } from '../../api/client';
import { dealConflictsQueryOptions } from '../../api/deals';
import { settingsQueryOptions } from '../../api/settings';
import { ReasonForm } from '../../components/reason-form';
import { useSession } from '../auth/session';
import { ActionError, fieldError, STALE_DEAL } from './action-error';
import { ConflictList } from './conflict-list';
import { type FormProps, useRun, wholeOrUndefined } from './deal-action-parts';

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
