import { Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Solution, type SolutionStatus, solutionsQueryOptions } from '../../api/connections';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { ProposeSolutionModal } from './propose-solution-modal';
import type { SolutionTab } from './search';
import { SolutionStatusBadge, waitingFor } from './solution-parts';
import { useBrandTitle } from '../brand/brand-mark';

interface Props {
  tab?: SolutionTab;
  onTabChange: (tab: SolutionTab | undefined) => void;
}

/** Joint solutions: the published ones in the marketplace, and those waiting for their members. */
export function SolutionsPage({ tab = 'published', onTabChange }: Props) {
  useBrandTitle('Solutions');
  const { organization } = useSession();
  const canPropose = useCan('solutions:manage');
  const [proposing, setProposing] = useState(false);
  const vendor = organization.kind === 'vendor';

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Joint solutions</Title>
          <Text c="dimmed" size="sm">
            Offerings partners package together, each member in its role. A solution is published in the
            marketplace once every member has accepted it.
          </Text>
        </div>
        {canPropose && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setProposing(true)}>
            Propose a solution
          </Button>
        )}
      </Group>
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) => onTabChange(value === 'pending' ? 'pending' : undefined)}
      >
        <Tabs.List>
          <Tabs.Tab value="published">Published</Tabs.Tab>
          <Tabs.Tab value="pending">{vendor ? 'Pending' : 'Pending (yours)'}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="published" pt="md">
          <SolutionGrid status="published" empty="No joint solutions are published yet." />
        </Tabs.Panel>
        <Tabs.Panel value="pending" pt="md">
          <SolutionGrid
            status="pending"
            empty={
              vendor
                ? 'No solutions are waiting for their members.'
                : 'No solutions of yours are waiting for their members.'
            }
          />
        </Tabs.Panel>
      </Tabs>
      <ProposeSolutionModal opened={proposing} onClose={() => setProposing(false)} />
    </Stack>
  );
}

function SolutionGrid({ status, empty }: { status: SolutionStatus; empty: string }) {
  const list = useInfiniteQuery(solutionsQueryOptions({ status }));
  const solutions = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) return <LoadingState label="Loading solutions…" />;
  if (list.isError) return <ErrorAlert error={list.error} title="The solutions could not be loaded" />;
  if (solutions.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {empty}
      </Text>
    );
  }
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {solutions.map((s) => (
          <SolutionCard key={s.id} solution={s} />
        ))}
      </SimpleGrid>
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        shown={solutions.length}
        noun={solutions.length === 1 ? 'solution' : 'solutions'}
      />
    </>
  );
}

function SolutionCard({ solution: s }: { solution: Solution }) {
  const { organization } = useSession();
  const headingId = `solution-${s.id}`;
  const waiting = waitingFor(s);
  const mine = s.members.find((m) => m.organization.id === organization.id);
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600} id={headingId}>
            <AnchorLink to="/solutions/$solutionId" params={{ solutionId: s.id }} inherit>
              {s.name}
            </AnchorLink>
          </Text>
          {s.status !== 'published' && <SolutionStatusBadge status={s.status} />}
        </Group>
        <Text size="sm" lineClamp={3}>
          {s.description}
        </Text>
        <Group gap={4} mt="auto">
          {s.members.map((m) => (
            <Badge
              key={m.organization.id}
              variant={m.acceptedAt ? 'light' : 'outline'}
              color={m.acceptedAt ? 'indigo' : 'gray'}
              title={m.acceptedAt ? `${m.role}` : `${m.role} (not accepted yet)`}
              tt="none"
            >
              {m.organization.name} · {m.role}
            </Badge>
          ))}
        </Group>
        {s.status === 'pending' && (
          <Text size="xs" c="dimmed">
            {mine && !mine.acceptedAt
              ? 'Waiting for your organization’s acceptance.'
              : `Waiting for ${waiting.map((m) => m.organization.name).join(', ')}.`}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
