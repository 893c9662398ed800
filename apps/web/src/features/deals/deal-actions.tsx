import { Button, Group } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useState } from 'react';
import type { Deal } from '../../api/deals';
import type { DealAbilities } from './deal-abilities';
import { DealActionModal, type DealModal } from './deal-action-modals';

/** The actions this person may take on the deal as it stands; each opens its form. */
export function DealActions({ deal, abilities }: { deal: Deal; abilities: DealAbilities }) {
  const [modal, setModal] = useState<DealModal | null>(null);
  const buttons: { modal: DealModal; label: string; color?: string; variant: string; shown: boolean }[] = [
    { modal: 'approve', label: 'Approve', color: 'green', variant: 'filled', shown: abilities.approve },
    { modal: 'reject', label: 'Reject', color: 'red', variant: 'light', shown: abilities.reject },
    {
      modal: 'request-extension',
      label: 'Request extension',
      variant: 'default',
      shown: abilities.requestExtension,
    },
    { modal: 'extend', label: 'Extend protection', variant: 'default', shown: abilities.extend },
    { modal: 'close', label: 'Close deal', color: 'green', variant: 'light', shown: abilities.close },
  ];
  const shown = buttons.filter((b) => b.shown);
  if (shown.length === 0 && !abilities.edit) return null;

  return (
    <>
      <Group gap="xs" role="group" aria-label="Deal actions">
        {abilities.edit && (
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setModal('edit')}>
            Edit
          </Button>
        )}
        {shown.map((b) => (
          <Button key={b.modal} variant={b.variant} color={b.color} onClick={() => setModal(b.modal)}>
            {b.label}
          </Button>
        ))}
      </Group>
      <DealActionModal deal={deal} modal={modal} onClose={() => setModal(null)} />
    </>
  );
}
