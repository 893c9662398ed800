import { Button, Group, Stack, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Partner } from '@partnergraph/shared/contracts/organizations';
import { can } from '@partnergraph/shared/permissions';
import { IconUserPlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useSession } from '../auth/session';
import { InvitationsTable } from './invitations-table';

// The invitation form (its validation and contracts) is fetched when someone opens it, not with the partner's
// page; a pending invitations list is what most visits read.
const InviteModal = lazy(() => import('./invite-modal').then((m) => ({ default: m.InviteModal })));

/**
 * On a partner's page, for vendor admins and the partner's channel manager: invite its users and follow
 * the open invitations. A partner's own admins do this on their Team page.
 */
export function PartnerInvitations({ partner }: { partner: Partner }) {
  const { organization, user } = useSession();
  const [inviting, inviteModal] = useDisclosure(false);
  const [openedOnce, setOpenedOnce] = useState(false);
  const inScope = user.role === 'admin' || partner.channelManager?.id === user.id;
  if (organization.kind !== 'vendor' || !can(user.role, 'invitations:manage') || !inScope) return null;
  if (partner.status === 'terminated') return null;

  return (
    <Stack gap="sm" component="section" aria-labelledby="partner-invitations-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="partner-invitations-title">
          Invitations
        </Title>
        <Button
          variant="default"
          leftSection={<IconUserPlus size={16} />}
          onClick={() => {
            setOpenedOnce(true);
            inviteModal.open();
          }}
        >
          Invite user
        </Button>
      </Group>
      <InvitationsTable organizationId={partner.id} label="Pending invitations" />
      {/* Kept mounted once opened, so that closing it plays the modal's transition. */}
      {openedOnce && (
        <Suspense fallback={null}>
          <InviteModal
            opened={inviting}
            onClose={inviteModal.close}
            organization={{ id: partner.id, name: partner.name, kind: 'partner' }}
            title={`Invite a user to ${partner.name}`}
          />
        </Suspense>
      )}
    </Stack>
  );
}
