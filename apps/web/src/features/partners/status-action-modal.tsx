import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Partner } from '@partnergraph/shared/contracts/organizations';
import { type PartnerStatusVerb, usePartnerStatusAction } from '../../api/partners';
import { ReasonForm } from '../../components/reason-form';

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
  return (
    <ReasonForm
      explanation={copy.explanation}
      reasonDescription="Recorded with the change in the audit log"
      reasonRequired={copy.reasonRequired}
      staleMessage="This partner was changed by someone else meanwhile. The page now shows the latest version; check it and confirm again."
      label={copy.label}
      color={copy.color}
      error={action.error}
      pending={action.isPending}
      onCancel={onDone}
      onSubmit={(reason) =>
        action.mutate(
          { verb, version: partner.version, reason },
          {
            onSuccess: (saved) => {
              notifications.show({ color: 'green', message: `${saved.name} was ${copy.done}.` });
              onDone();
            },
          },
        )
      }
    />
  );
}
