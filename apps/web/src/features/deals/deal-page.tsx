import { Alert, Badge, Breadcrumbs, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/client';
import { type Conflict, type ConflictCheck, type Deal, dealKeys, dealQueryOptions } from '../../api/deals';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { AttributionSection } from './attribution-section';
import { ConflictList, ProtectedElsewhereNotice } from './conflict-list';
import { ConflictsSection } from './conflicts-section';
import { useDealAbilities } from './deal-abilities';
import { DealActions } from './deal-actions';
import { DealDetails } from './deal-details';
import { DealStatusBadge } from './deal-status-badge';
import { InvolvementsSection } from './involvements-section';
import { stageLabels } from './labels';
import { ProtectionCard } from './protection-card';
import { TimelineSection } from './timeline-section';
import { useBrandTitle } from '../brand/brand-mark';

/** One deal. Mounted per deal id (the route keys it), so state never carries over from another deal. */
export function DealPage({ dealId }: { dealId: string }) {
  const deal = useQuery(dealQueryOptions(dealId));
  useBrandTitle(`${deal.data?.customer.name ?? 'Deal'}`);

  const breadcrumbs = (
    <Breadcrumbs>
      <AnchorLink to="/deals">Deals</AnchorLink>
      <Text size="sm">{deal.data?.customer.name ?? 'Deal'}</Text>
    </Breadcrumbs>
  );

  if (deal.isPending) return <LoadingState label="Loading deal…" />;
  if (deal.isError) {
    // 404 also means "not visible to you": the API does not tell the two apart, and neither do we.
    const notFound = isApiError(deal.error, 404);
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{notFound ? 'Deal not found' : 'Deal'}</Title>
        {notFound ? (
          <Text>
            There is no deal at this address, or you may not see it.{' '}
            <AnchorLink to="/deals">Back to the deals</AnchorLink>
          </Text>
        ) : (
          <ErrorAlert error={deal.error} title="The deal could not be loaded" />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {breadcrumbs}
      <DealView deal={deal.data} />
    </Stack>
  );
}

function DealView({ deal }: { deal: Deal }) {
  const abilities = useDealAbilities(deal);
  const queryClient = useQueryClient();
  // What POST /deals answered, when this person just registered the deal: shown once, as a warning.
  const [justCreated] = useState(() =>
    queryClient.getQueryData<ConflictCheck>(dealKeys.createdConflicts(deal.id)),
  );
  const [justCreatedConflicts, setJustCreatedConflicts] = useState<Conflict[]>(
    () => justCreated?.items ?? [],
  );

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1}>{deal.customer.name}</Title>
            <DealStatusBadge status={deal.status} />
            {deal.stage && deal.status !== 'won' && deal.status !== 'lost' && (
              <Badge variant="outline" color="gray">
                {stageLabels[deal.stage]}
              </Badge>
            )}
          </Group>
          <Text c="dimmed" size="sm">
            {deal.vendorRecorded ? 'Vendor-sourced deal' : `Registered by ${deal.registeredBy.name}`}
          </Text>
        </div>
        <DealActions deal={deal} abilities={abilities} />
      </Group>
      {justCreated?.protectedByAnotherPartner && deal.status === 'registered' && !deal.vendorRecorded && (
        <ProtectedElsewhereNotice registered />
      )}
      {justCreatedConflicts.length > 0 && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle />}
          title="This deal may conflict with other open deals"
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => {
            queryClient.removeQueries({ queryKey: dealKeys.createdConflicts(deal.id) });
            setJustCreatedConflicts([]);
          }}
        >
          <Stack gap="xs">
            <Text size="sm">
              The deal was saved. The reviewer sees these matches and decides which registration is protected.
            </Text>
            <ConflictList conflicts={justCreatedConflicts} label="Conflicts found when registering" />
          </Stack>
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <DealDetails deal={deal} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <ProtectionCard deal={deal} />
            {deal.notes !== null && (
              <Paper withBorder p="md" component="section" aria-labelledby="deal-notes">
                <Title order={2} size="h4" id="deal-notes" mb="xs">
                  Notes
                </Title>
                {deal.notes ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {deal.notes}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    No notes.
                  </Text>
                )}
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <InvolvementsSection deal={deal} abilities={abilities} />
      {deal.status === 'won' && <AttributionSection deal={deal} />}
      <ConflictsSection dealId={deal.id} />
      <TimelineSection dealId={deal.id} />
    </>
  );
}
