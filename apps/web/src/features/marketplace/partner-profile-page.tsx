import { Alert, Badge, Breadcrumbs, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsExchange, IconEdit, IconInfoCircle, IconPlugConnected } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import {
  type Connection,
  type ConnectionKind,
  openConnectionsWithQueryOptions,
  type Profile,
  profileQueryOptions,
} from '../../api/marketplace';
import { AnchorLink, ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { ConnectModal } from './connect-modal';
import { connectionKindCopy, connectionStatusCopy } from './labels';
import { ProfileView } from './profile-view';
import { useBrandTitle } from '../brand/brand-mark';

/** A partner's marketplace profile, as signed-in people see it; other partners may connect or refer from here. */
export function PartnerProfilePage({ orgId }: { orgId: string }) {
  const { organization } = useSession();
  const profile = useQuery(profileQueryOptions(orgId));
  useBrandTitle(`${profile.data?.name ?? 'Partner profile'} · Marketplace`);

  const breadcrumbs = (
    <Breadcrumbs>
      <AnchorLink to="/marketplace" search={{}}>
        Marketplace
      </AnchorLink>
      <Text size="sm">{profile.data?.name ?? 'Partner'}</Text>
    </Breadcrumbs>
  );

  if (profile.isPending) return <LoadingState label="Loading the profile…" />;
  if (profile.isError) {
    // 404 also means "not published, so not visible to you": the API does not tell them apart.
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{isApiError(profile.error, 404) ? 'Profile not found' : 'Partner profile'}</Title>
        {isApiError(profile.error, 404) ? (
          <Text>
            There is no published profile at this address.{' '}
            <AnchorLink to="/marketplace" search={{}}>
              Back to the marketplace
            </AnchorLink>
          </Text>
        ) : (
          <ErrorAlert error={profile.error} title="The profile could not be loaded" />
        )}
      </Stack>
    );
  }

  const p = profile.data;
  const isOwn = organization.id === p.organizationId;
  // Others only ever get the published profile; the organization and the vendor may also look at
  // a profile that is not (or no longer) published: its last published version, else the draft.
  const fields = p.published ?? p.draft;
  return (
    <Stack gap="lg">
      {breadcrumbs}
      {p.status !== 'published' && (
        <Alert color="yellow" icon={<IconInfoCircle />} title="Not in the marketplace">
          {p.status === 'draft'
            ? 'This profile has never been published: other partners and the public locator do not see it. Shown here is the draft.'
            : 'This profile was withdrawn: other partners and the public locator do not see it. Shown here is what was last published.'}
        </Alert>
      )}
      {fields ? (
        <ProfileView
          name={p.name}
          partnerTypes={p.partnerTypes}
          badges={p.badges}
          certifiedPeople={p.certifiedPeople}
          fields={fields}
          actions={<ProfileActions profile={p} isOwn={isOwn} />}
        />
      ) : (
        <Title order={1}>{p.name}</Title>
      )}
      {!isOwn && organization.kind === 'partner' && <OpenConnections partner={p} />}
    </Stack>
  );
}

function ProfileActions({ profile, isOwn }: { profile: Profile; isOwn: boolean }) {
  const { organization } = useSession();
  const canConnect = useCan('connections:manage');
  const canRefer = useCan('referrals:send');
  const canEdit = useCan('profiles:manage');
  const [connectOpen, { open, close }] = useDisclosure(false);
  const connections = useQuery({
    ...openConnectionsWithQueryOptions(profile.organizationId),
    enabled: canConnect && !isOwn,
  });

  if (isOwn) {
    return (
      <ButtonLink to="/organization/profile" variant="default" leftSection={<IconEdit size={16} />}>
        {canEdit ? 'Edit profile' : 'Company profile'}
      </ButtonLink>
    );
  }
  if (organization.kind === 'vendor') {
    return (
      <ButtonLink to="/partners/$id" params={{ id: profile.organizationId }} variant="default">
        Partner record
      </ButtonLink>
    );
  }
  if (profile.status !== 'published') return null;
  const openKinds = new Set<ConnectionKind>((connections.data ?? []).map((c) => c.kind));
  return (
    <Group gap="sm">
      {canConnect && (
        <Button leftSection={<IconPlugConnected size={16} />} onClick={open}>
          Connect
        </Button>
      )}
      {canRefer && (
        <ButtonLink
          to="/referrals/new"
          search={{ to: profile.organizationId }}
          variant="default"
          leftSection={<IconArrowsExchange size={16} />}
        >
          Refer a prospect
        </ButtonLink>
      )}
      {canConnect && (
        <ConnectModal
          opened={connectOpen}
          onClose={close}
          partner={{ id: profile.organizationId, name: profile.name }}
          openKinds={openKinds}
        />
      )}
    </Group>
  );
}

/** The caller's requests and active connections with this partner. */
function OpenConnections({ partner }: { partner: Profile }) {
  const canConnect = useCan('connections:manage');
  const connections = useQuery({
    ...openConnectionsWithQueryOptions(partner.organizationId),
    enabled: canConnect,
  });
  if (!canConnect || !connections.data || connections.data.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="open-connections-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="open-connections-title">
          Your connections with {partner.name}
        </Title>
        {connections.data.map((c) => (
          <ConnectionLine key={c.id} connection={c} />
        ))}
      </Stack>
    </Paper>
  );
}

function ConnectionLine({ connection: c }: { connection: Connection }) {
  const status = connectionStatusCopy[c.status] ?? { label: c.status, color: 'gray' };
  const fee = c.terms.referralFeePct;
  return (
    <Group gap="xs">
      <AnchorLink to="/connections/$connectionId" params={{ connectionId: c.id }} size="sm" fw={500}>
        {connectionKindCopy[c.kind].label}
      </AnchorLink>
      <Badge color={status.color} variant="light">
        {status.label}
      </Badge>
      <Text size="sm" c="dimmed">
        {c.status === 'requested'
          ? c.direction === 'outgoing'
            ? 'You asked; waiting for their answer'
            : 'They asked you'
          : fee !== undefined
            ? `Referral fee ${fee} %`
            : null}
      </Text>
    </Group>
  );
}
