import { Breadcrumbs, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconReportAnalytics } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { isApiError } from '../../api/client';
import { partnerQueryOptions } from '../../api/partners';
import { AnchorLink, ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { NewForYou } from '../enablement/new-for-you';
import { PartnerInvitations } from '../identity/partner-invitations';
import { PartnerEnrollments } from '../programs/enrollments/partner-enrollments';
import { PartnerActivity, PartnerDeals, PartnerTierHistory } from './partner-360';
import { PartnerActions } from './partner-actions';
import { PartnerDetails } from './partner-details';
import { PartnerNotesAndTasks } from './partner-notes-tasks';
import { PartnerStatusBadge } from './partner-status-badge';
import { PartnerUsers } from './partner-users';
import { useBrandTitle } from '../brand/brand-mark';

// The scorecard's charts load with the performance tab, not with the page.
const PartnerPerformance = lazy(() =>
  import('./partner-performance').then((m) => ({ default: m.PartnerPerformance })),
);

type Tab = 'overview' | 'performance' | 'deals' | 'activity' | 'notes';

/** One partner organization: the vendor's view of any partner, and a partner's view of itself ("My organization"). */
export function PartnerPage({ partnerId }: { partnerId: string }) {
  const { organization } = useSession();
  const canReadUsers = useCan('users:read');
  const canReadAnalytics = useCan('analytics:read');
  const partner = useQuery(partnerQueryOptions(partnerId));
  const isOwn = organization.id === partnerId;
  const canReadNotes = useCan('partner-notes:read');
  const [tab, setTab] = useState<Tab>('overview');
  useBrandTitle(`${partner.data?.name ?? (isOwn ? 'My organization' : 'Partner')}`);

  const breadcrumbs =
    organization.kind === 'vendor' ? (
      <Breadcrumbs>
        <AnchorLink to="/partners">Partners</AnchorLink>
        <Text size="sm">{partner.data?.name ?? 'Partner'}</Text>
      </Breadcrumbs>
    ) : null;

  if (partner.isPending) return <LoadingState label="Loading partner…" />;
  if (partner.isError) {
    // 404 also means "not visible to you": the API does not tell the two apart, and neither do we.
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{isApiError(partner.error, 404) ? 'Partner not found' : 'Partner'}</Title>
        {isApiError(partner.error, 404) ? (
          <Text>
            There is no partner at this address, or you may not see it.{' '}
            {organization.kind === 'vendor' && (
              <AnchorLink to="/partners">Back to the partner list</AnchorLink>
            )}
          </Text>
        ) : (
          <ErrorAlert error={partner.error} title="The partner could not be loaded" />
        )}
      </Stack>
    );
  }

  const p = partner.data;
  return (
    <Stack gap="lg">
      {breadcrumbs}
      <Group justify="space-between" align="flex-start">
        <div>
          {isOwn && (
            <Text c="dimmed" size="sm" fw={500}>
              My organization
            </Text>
          )}
          <Group gap="sm">
            <Title order={1}>{p.name}</Title>
            <PartnerStatusBadge status={p.status} />
          </Group>
        </div>
        <Group gap="xs" align="flex-start">
          {canReadAnalytics && organization.kind === 'vendor' && (
            <ButtonLink
              to="/analytics/partners/$partnerId"
              params={{ partnerId: p.id }}
              variant="light"
              leftSection={<IconReportAnalytics size={16} />}
            >
              Scorecard
            </ButtonLink>
          )}
          <PartnerActions partner={p} />
        </Group>
      </Group>
      {isOwn && organization.kind === 'partner' && <NewForYou />}
      {organization.kind === 'vendor' ? (
        // The vendor's 360° view: one tab per concern, each loading its data when first opened.
        <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="overview">Overview</Tabs.Tab>
            <Tabs.Tab value="performance">Performance</Tabs.Tab>
            <Tabs.Tab value="deals">Deals</Tabs.Tab>
            <Tabs.Tab value="activity">Activity</Tabs.Tab>
            {canReadNotes && <Tabs.Tab value="notes">Notes and tasks</Tabs.Tab>}
          </Tabs.List>
          <Tabs.Panel value="overview">
            <Stack gap="lg">
              <PartnerDetails partner={p} />
              <PartnerEnrollments partner={p} />
              <PartnerTierHistory partnerId={p.id} />
              {canReadUsers && <PartnerUsers partnerId={p.id} />}
              <PartnerInvitations partner={p} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="performance">
            <Suspense fallback={<LoadingState label="Loading the partner's figures…" />}>
              <PartnerPerformance partnerId={p.id} />
            </Suspense>
          </Tabs.Panel>
          <Tabs.Panel value="deals">
            <PartnerDeals partnerId={p.id} />
          </Tabs.Panel>
          <Tabs.Panel value="activity">
            <PartnerActivity partnerId={p.id} />
          </Tabs.Panel>
          {canReadNotes && (
            <Tabs.Panel value="notes">
              <PartnerNotesAndTasks partnerId={p.id} />
            </Tabs.Panel>
          )}
        </Tabs>
      ) : (
        <>
          <PartnerDetails partner={p} />
          <PartnerEnrollments partner={p} />
          {canReadUsers && <PartnerUsers partnerId={p.id} />}
          <PartnerInvitations partner={p} />
        </>
      )}
    </Stack>
  );
}
