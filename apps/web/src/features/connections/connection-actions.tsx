import { Button, Group, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlugConnectedX, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage, isStaleVersion } from '../../api/client';
import { type Connection, type ConnectionVerb, otherParty, useConnectionAction } from '../../api/connections';
import { ReasonForm } from '../../components/reason-form';
import { useCan, useSession } from '../auth/session';
import { closeButtonProps } from '../programs/modal-props';
import { connectionKindLabel } from './labels';

export const STALE_CONNECTION =
  'This connection was changed by someone else meanwhile. It has been reloaded: check where it stands and try again.';

type Step = 'decline' | 'withdraw' | 'end';

const stepCopy: Record<
  Step,
  { verb: ConnectionVerb; button: string; title: string; color: string; required: boolean; done: string }
> = {
  decline: {
    verb: 'decline',
    button: 'Decline',
    title: 'Decline the request',
    color: 'red',
    required: false,
    done: 'You declined the request',
  },
  withdraw: {
    verb: 'end',
    button: 'Withdraw',
    title: 'Withdraw your request',
    color: 'orange',
    required: false,
    done: 'You withdrew the request',
  },
  end: {
    verb: 'end',
    button: 'End',
    title: 'End the connection',
    color: 'red',
    required: true,
    done: 'You ended the connection',
  },
};

/** Which steps the signed-in person may take on a connection now. */
export function useConnectionSteps(c: Connection) {
  const canManage = useCan('connections:manage');
  const party = canManage && c.direction !== 'none';
  return {
    accept: party && c.status === 'requested' && c.direction === 'incoming',
    decline: party && c.status === 'requested' && c.direction === 'incoming',
    withdraw: party && c.status === 'requested' && c.direction === 'outgoing',
    end: party && c.status === 'active',
  };
}

/**
 * The buttons of a connection for one of its parties: accept or decline a request that came in,
 * withdraw one that went out, end an active relationship. A stale version is said in plain words;
 * the connection has been reloaded by then.
 */
export function ConnectionActions({
  connection: c,
  size = 'sm',
}: {
  connection: Connection;
  size?: 'xs' | 'sm';
}) {
  const { organization } = useSession();
  const steps = useConnectionSteps(c);
  const action = useConnectionAction();
  const [step, setStep] = useState<Step | null>(null);
  const other = otherParty(c, organization.id);
  const what = `${connectionKindLabel[c.kind].toLowerCase()} with ${other.name}`;

  function failed(error: Error) {
    notifications.show({
      color: isStaleVersion(error) ? 'orange' : 'red',
      title: isStaleVersion(error) ? 'Changed meanwhile' : 'That did not work',
      message: isStaleVersion(error) ? STALE_CONNECTION : errorMessage(error),
    });
  }

  function accept() {
    action.mutate(
      { id: c.id, verb: 'accept', version: c.version },
      {
        onSuccess: () => notifications.show({ color: 'green', message: `You accepted the ${what}.` }),
        onError: failed,
      },
    );
  }

  if (!steps.accept && !steps.decline && !steps.withdraw && !steps.end) return null;
  const copy = step ? stepCopy[step] : null;

  return (
    <>
      <Group gap="xs" wrap="nowrap">
        {steps.accept && (
          <Button
            size={size}
            color="green"
            leftSection={<IconCheck size={16} />}
            onClick={accept}
            loading={action.isPending && action.variables?.verb === 'accept'}
          >
            Accept
          </Button>
        )}
        {steps.decline && (
          <Button
            size={size}
            variant="light"
            color="red"
            leftSection={<IconX size={16} />}
            onClick={() => {
              action.reset();
              setStep('decline');
            }}
          >
            Decline
          </Button>
        )}
        {steps.withdraw && (
          <Button
            size={size}
            variant="light"
            color="orange"
            onClick={() => {
              action.reset();
              setStep('withdraw');
            }}
          >
            Withdraw
          </Button>
        )}
        {steps.end && (
          <Button
            size={size}
            variant="light"
            color="red"
            leftSection={<IconPlugConnectedX size={16} />}
            onClick={() => {
              action.reset();
              setStep('end');
            }}
          >
            End
          </Button>
        )}
      </Group>
      <Modal
        opened={copy !== null}
        onClose={() => setStep(null)}
        title={copy ? `${copy.title}: ${other.name}` : ''}
        closeButtonProps={closeButtonProps}
        centered
      >
        {copy && (
          <ReasonForm
            explanation={
              step === 'decline'
                ? `${other.name} sees that you declined their request, and your reason if you give one.`
                : step === 'withdraw'
                  ? `${other.name} will no longer be asked; they see that you withdrew the request.`
                  : `The ${what} ends for both sides. ${other.name} sees your reason.`
            }
            reasonDescription="Shown to both parties and recorded in the audit log"
            reasonRequired={copy.required}
            staleMessage={STALE_CONNECTION}
            label={copy.button}
            color={copy.color}
            // A stale version closes the dialog (see below); other failures stay in it.
            error={action.error && !isStaleVersion(action.error) ? action.error : null}
            pending={action.isPending}
            onCancel={() => setStep(null)}
            onSubmit={(reason) =>
              action.mutate(
                { id: c.id, verb: copy.verb, version: c.version, reason },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: `${copy.done} (${what}).` });
                    setStep(null);
                  },
                  onError: (error) => {
                    if (!isStaleVersion(error)) return;
                    setStep(null);
                    failed(error);
                  },
                },
              )
            }
          />
        )}
      </Modal>
    </>
  );
}
