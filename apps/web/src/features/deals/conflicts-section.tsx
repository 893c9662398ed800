import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { dealConflictsQueryOptions } from '../../api/deals';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useSession } from '../auth/session';
import { ConflictList } from './conflict-list';

export function ConflictsSection({ dealId }: { dealId: string }) {
  const { organization } = useSession();
  const conflicts = useQuery(dealConflictsQueryOptions(dealId));
  const items = conflicts.data ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="deal-conflicts">
      <div>
        <Title order={2} size="h3" id="deal-conflicts">
          Conflicts
        </Title>
        <Text c="dimmed" size="sm">
          {organization.kind === 'vendor'
            ? 'Other open deals that look like the same customer.'
            : 'Other open deals of your organization that look like the same customer.'}
        </Text>
      </div>
      {conflicts.isPending ? (
        <LoadingState label="Checking for conflicts…" />
      ) : conflicts.isError ? (
        <ErrorAlert error={conflicts.error} title="The conflicts could not be loaded" />
      ) : items.length === 0 ? (
        <Text size="sm">No other open deal looks like this customer.</Text>
      ) : (
        <ConflictList conflicts={items} label="Conflicting deals" />
      )}
    </Stack>
  );
}
