import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { can } from '@partnergraph/shared/permissions';
import { IconInfoCircle, IconUserPlus } from '@tabler/icons-react';
import { useSession } from '../auth/session';
import { InvitationsTable } from './invitations-table';
import { InviteModal } from './invite-modal';
import { TeamMembers } from './team-members';
import { useBrandTitle } from '../brand/brand-mark';

/** The people of the signed-in person's own organization: vendor staff, or a partner's team. */
export function TeamPage() {
  useBrandTitle('Team');
  const { organization, user } = useSession();
  const [inviting, inviteModal] = useDisclosure(false);
  const canManage = can(user.role, 'users:manage');
  // Channel managers hold invitations:manage for the partners assigned to them, not for the vendor's staff.
  const canInvite =
    can(user.role, 'invitations:manage') && (organization.kind === 'partner' || user.role === 'admin');
  const isVendor = organization.kind === 'vendor';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Team</Title>
          <Text c="dimmed">
            {isVendor ? `The staff of ${organization.name}` : `The people of ${organization.name}`}
          </Text>
        </div>
        {canInvite && (
          <Button leftSection={<IconUserPlus size={16} />} onClick={inviteModal.open}>
            Invite teammate
          </Button>
        )}
      </Group>
      {isVendor && user.role === 'channel_manager' && (
        <Alert color="blue" icon={<IconInfoCircle />}>
          You invite people into the partners assigned to you from each partner&apos;s page.
        </Alert>
      )}
      <Stack gap="sm" component="section" aria-labelledby="members-title">
        <Title order={2} size="h3" id="members-title">
          Members
        </Title>
        <TeamMembers organizationId={organization.id} kind={organization.kind} canManage={canManage} />
      </Stack>
      {canInvite && (
        <Stack gap="sm" component="section" aria-labelledby="invitations-title">
          <Title order={2} size="h3" id="invitations-title">
            Pending invitations
          </Title>
          <InvitationsTable organizationId={organization.id} label="Pending invitations" />
        </Stack>
      )}
      <InviteModal
        opened={inviting}
        onClose={inviteModal.close}
        organization={organization}
        title="Invite teammate"
      />
    </Stack>
  );
}
