import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Partner } from '@partnergraph/shared/contracts/organizations';
import { can } from '@partnergraph/shared/permissions';
import { IconEdit, IconUserCog } from '@tabler/icons-react';
import { useState } from 'react';
import type { PartnerStatusVerb } from '../../api/partners';
import { useSession } from '../auth/session';
import { AssignManagerModal } from './assign-manager-modal';
import { EditPartnerModal } from './edit-partner-modal';
import { StatusActionModal, statusActionCopy, statusVerbsFor } from './status-action-modal';

/** What this person may do to this partner; the server checks the same rules again. */
function allowedActions(partner: Partner, session: ReturnType<typeof useSession>) {
  const { role, id: userId } = session.user;
  // A channel manager may change only the partners assigned to them.
  const inScope = role !== 'channel_manager' || partner.channelManager?.id === userId;
  return {
    edit: can(role, 'partners:update') && inScope && partner.status !== 'terminated',
    status: can(role, 'partners:status') && inScope,
    assign: can(role, 'partners:assign') && partner.status !== 'terminated',
  };
}

export function PartnerActions({ partner }: { partner: Partner }) {
  const session = useSession();
  const allowed = allowedActions(partner, session);
  const [editing, editModal] = useDisclosure(false);
  const [assigning, assignModal] = useDisclosure(false);
  const [verb, setVerb] = useState<PartnerStatusVerb | null>(null);
  const verbs = allowed.status ? statusVerbsFor(partner) : [];

  if (!allowed.edit && !allowed.assign && verbs.length === 0) return null;

  return (
    <>
      <Group gap="xs" role="group" aria-label="Partner actions">
        {allowed.edit && (
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={editModal.open}>
            Edit
          </Button>
        )}
        {allowed.assign && (
          <Button variant="default" leftSection={<IconUserCog size={16} />} onClick={assignModal.open}>
            Assign channel manager
          </Button>
        )}
        {verbs.map((v) => {
          const copy = statusActionCopy(v, partner);
          return (
            <Button key={v} variant="light" color={copy.color} onClick={() => setVerb(v)}>
              {copy.label}
            </Button>
          );
        })}
      </Group>
      <EditPartnerModal partner={partner} opened={editing} onClose={editModal.close} />
      <AssignManagerModal partner={partner} opened={assigning} onClose={assignModal.close} />
      <StatusActionModal partner={partner} verb={verb} onClose={() => setVerb(null)} />
    </>
  );
}
