import { Badge, Button, Card, Collapse, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type Deal,
  dealConflictsQueryOptions,
  type DealFilters,
  dealListQueryOptions,
} from '../../api/deals';
import { countryName } from '../../components/countries';
import { formatDate } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useSession } from '../auth/session';
import { ConflictList } from './conflict-list';
import { ApproveForm, RejectForm } from './deal-review-forms';
import { formatDay, formatMinor } from './format';
import { useBrandTitle } from '../brand/brand-mark';

type Decision = { verb: 'approve' | 'reject'; deal: Deal } | null;

/**
 * Registered deals waiting for a decision, oldest first. A channel manager sees the deals of the
 * partners assigned to them; an admin sees every partner's.
 */
export function ReviewQueuePage() {
  useBrandTitle('Deal review');
  const { user } = useSession();
  // A channel manager reviews the partners assigned to them (the server reads `mine` for them only).
  const filters: DealFilters = {
    status: 'registered',
    sort: 'createdAt',
    ...(user.role === 'channel_manager' ? { mine: 'true' } : {}),
  };
  const queue = useInfiniteQuery(dealListQueryOptions(filters));
  const deals = queue.data?.pages.flatMap((p) => p.items) ?? [];
  const [decision, setDecision] = useState<Decision>(null);
  // The deal as the queue shows it now (after a refresh its version may have moved); once it has left
  // the queue (decided, here or elsewhere), the form keeps the copy it opened with.
  const deciding = decision ? (deals.find((d) => d.id === decision.deal.id) ?? decision.deal) : undefined;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Deal review</Title>
          <Text c="dimmed" size="sm">
            Registered deals waiting for a decision, oldest first. Approving protects the customer for the
            registering partner.
          </Text>
        </div>
      </Group>
      {queue.isPending ? (
        <LoadingState label="Loading deals to review…" />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} title="The review queue could not be loaded" />
      ) : deals.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          No deals are waiting for review.
        </Text>
      ) : (
        <>
          <Stack
            component="ul"
            gap="md"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label="Deals to review"
          >
            {deals.map((deal) => (
              <li key={deal.id}>
                <ReviewCard deal={deal} onDecide={(verb) => setDecision({ verb, deal })} />
              </li>
            ))}
          </Stack>
          <LoadMore
            hasNextPage={queue.hasNextPage}
            isFetchingNextPage={queue.isFetchingNextPage}
            fetchNextPage={queue.fetchNextPage}
            shown={deals.length}
            noun={deals.length === 1 ? 'deal' : 'deals'}
          />
        </>
      )}
      <Modal
        opened={decision !== null}
        onClose={() => setDecision(null)}
        title={
          decision && deciding
            ? `${decision.verb === 'approve' ? 'Approve' : 'Reject'} deal: ${deciding.customer.name}`
            : ''
        }
        closeButtonProps={{ 'aria-label': 'Close dialog' }}
      >
        {decision && deciding && decision.verb === 'approve' && (
          <ApproveForm deal={deciding} onDone={() => setDecision(null)} />
        )}
        {decision && deciding && decision.verb === 'reject' && (
          <RejectForm deal={deciding} onDone={() => setDecision(null)} />
        )}
      </Modal>
    </Stack>
  );
}

function ReviewCard({ deal, onDecide }: { deal: Deal; onDecide: (verb: 'approve' | 'reject') => void }) {
  const conflicts = useQuery(dealConflictsQueryOptions(deal.id));
  const [showConflicts, conflictsToggle] = useDisclosure(false);
  const count = conflicts.data?.length ?? 0;
  const titleId = `review-${deal.id}`;

  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="sm">
              <Title order={2} size="h4" id={titleId}>
                <AnchorLink to="/deals/$dealId" params={{ dealId: deal.id }}>
                  {deal.customer.name}
                </AnchorLink>
              </Title>
              {conflicts.isPending ? (
                <Badge color="gray" variant="light">
                  Checking conflicts…
                </Badge>
              ) : conflicts.isError ? (
                <Badge color="gray" variant="light" title="The conflicts could not be loaded">
                  Conflicts unknown
                </Badge>
              ) : (
                <Badge color={count > 0 ? 'orange' : 'gray'} variant="light">
                  {count === 0 ? 'No conflicts' : count === 1 ? '1 conflict' : `${count} conflicts`}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              Registered by {deal.registeredBy.name}
              {deal.registeredByUser && ` (${deal.registeredByUser.name})`} on {formatDate(deal.createdAt)}
            </Text>
          </div>
          <Group gap="xs">
            <Button
              color="green"
              onClick={() => onDecide('approve')}
              aria-label={`Approve ${deal.customer.name}`}
            >
              Approve
            </Button>
            <Button
              variant="light"
              color="red"
              onClick={() => onDecide('reject')}
              aria-label={`Reject ${deal.customer.name}`}
            >
              Reject
            </Button>
          </Group>
        </Group>
        <Table
          variant="vertical"
          layout="fixed"
          withTableBorder
          aria-label={`Details of ${deal.customer.name}`}
        >
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={160}>Amount</Table.Th>
              <Table.Td>{formatMinor(deal.amount, deal.currency)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Customer</Table.Th>
              <Table.Td>
                {[deal.customer.domain, countryName(deal.customer.country)].filter(Boolean).join(' · ')}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Expected close</Table.Th>
              <Table.Td>{formatDay(deal.expectedCloseDate)}</Table.Td>
            </Table.Tr>
            {deal.products.length > 0 && (
              <Table.Tr>
                <Table.Th>Products</Table.Th>
                <Table.Td>{deal.products.join(', ')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        {count > 0 && (
          <>
            <Button variant="subtle" size="compact-sm" onClick={conflictsToggle.toggle} w="fit-content">
              {showConflicts ? 'Hide conflicts' : 'Show conflicts'}
            </Button>
            <Collapse expanded={showConflicts}>
              <ConflictList conflicts={conflicts.data ?? []} label={`Conflicts of ${deal.customer.name}`} />
            </Collapse>
          </>
        )}
      </Stack>
    </Card>
  );
}
