import { Alert, Badge, Breadcrumbs, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { errorMessage, isApiError, isStaleVersion } from '../../api/client';
import { type Solution, solutionQueryOptions, useAcceptSolution } from '../../api/connections';
import { formatDate, formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { ProfileLink } from './path-links';
import { SolutionStatusBadge, waitingFor } from './solution-parts';
import { useBrandTitle } from '../brand/brand-mark';

const STALE_SOLUTION =
  'This solution was changed meanwhile (another member may have accepted). It has been reloaded: check it and try again.';

export function SolutionPage({ solutionId }: { solutionId: string }) {
  const solution = useQuery(solutionQueryOptions(solutionId));
  useBrandTitle(`${solution.data?.name ?? 'Joint solution'}`);

  const breadcrumbs = (
    <Breadcrumbs>
      <AnchorLink to="/solutions">Solutions</AnchorLink>
      <Text size="sm">{solution.data?.name ?? 'Joint solution'}</Text>
    </Breadcrumbs>
  );

  if (solution.isPending) return <LoadingState label="Loading solution…" />;
  if (solution.isError) {
    const notFound = isApiError(solution.error, 404);
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{notFound ? 'Solution not found' : 'Joint solution'}</Title>
        {notFound ? (
          <Text>
            There is no joint solution at this address, or you may not see it.{' '}
            <AnchorLink to="/solutions">Back to the solutions</AnchorLink>
          </Text>
        ) : (
          <ErrorAlert error={solution.error} title="The solution could not be loaded" />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {breadcrumbs}
      <SolutionView solution={solution.data} />
    </Stack>
  );
}

function SolutionView({ solution: s }: { solution: Solution }) {
  const { organization } = useSession();
  const canAccept = useCan('solutions:manage');
  const accept = useAcceptSolution(s.id);
  const mine = s.members.find((m) => m.organization.id === organization.id);
  const mayAccept = canAccept && mine !== undefined && !mine.acceptedAt;
  const waiting = waitingFor(s);

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="dimmed" size="sm" fw={500}>
            Joint solution
          </Text>
          <Group gap="sm">
            <Title order={1}>{s.name}</Title>
            <SolutionStatusBadge status={s.status} />
          </Group>
          <Text size="sm" mt={4}>
            Proposed by <ProfileLink org={s.createdBy} /> on {formatDate(s.createdAt)}
          </Text>
        </div>
        {mayAccept && (
          <Button
            color="green"
            leftSection={<IconCheck size={16} />}
            loading={accept.isPending}
            onClick={() =>
              accept.mutate(
                { version: s.version },
                {
                  onSuccess: (saved) =>
                    notifications.show({
                      color: 'green',
                      message:
                        saved.status === 'published'
                          ? `You accepted ${saved.name}: every member has, and it is published.`
                          : `You accepted ${saved.name}. It is published once the other members accept.`,
                    }),
                },
              )
            }
          >
            Accept
          </Button>
        )}
      </Group>

      {accept.error && (
        <Alert
          color={isStaleVersion(accept.error) ? 'orange' : 'red'}
          icon={<IconAlertTriangle />}
          role="alert"
          withCloseButton
          onClose={accept.reset}
        >
          {isStaleVersion(accept.error) ? STALE_SOLUTION : errorMessage(accept.error)}
        </Alert>
      )}
      {s.status === 'pending' && (
        <Alert color="yellow" title="Waiting for members">
          {mayAccept
            ? `${s.createdBy.name} proposed your organization as ${mine.role}. Accept to take part; the solution is published once every member has accepted.`
            : `Published once ${waiting.map((m) => m.organization.name).join(', ')} ${waiting.length === 1 ? 'accepts' : 'accept'}.`}
        </Alert>
      )}

      <Text style={{ whiteSpace: 'pre-line' }}>{s.description}</Text>

      <Stack gap="xs">
        <Title order={2} size="h4">
          Members
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label="Members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Partner</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Acceptance</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.members.map((m) => (
                <Table.Tr key={m.organization.id}>
                  <Table.Td>
                    <ProfileLink org={m.organization} fw={500} />
                  </Table.Td>
                  <Table.Td>{m.role}</Table.Td>
                  <Table.Td>
                    {m.acceptedAt ? (
                      <Group gap="xs">
                        <Badge color="green" variant="light">
                          Accepted
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {formatDateTime(m.acceptedAt)}
                        </Text>
                      </Group>
                    ) : (
                      <Badge color="yellow" variant="light">
                        Not yet
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      {s.publishedAt && (
        <Text size="sm" c="dimmed">
          Published {formatDateTime(s.publishedAt)}
        </Text>
      )}
    </>
  );
}
