import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconDatabaseImport, IconFileUpload } from '@tabler/icons-react';
import { type Import, useStartCommit, useStartDryRun } from '../../api/imports';
import { formatDateTime } from '../../components/dates';
import { ButtonLink } from '../../components/links';
import { ErrorAlert } from '../../components/query-state';
import { formatCount, plural, recordsLinks, typeNoun } from './import-parts';
import { RunProgress, StoppedRun } from './run-parts';
import { RejectedRowsButton } from './rejected-rows-button';

interface Props {
  item: Import;
  onChangeMapping: () => void;
}

/** Step 4: the clean dry run's result and the commit, its progress, or why it stopped. */
export function CommitStep({ item, onChangeMapping }: Props) {
  const commit = useStartCommit(item.id);
  const dryRun = useStartDryRun(item.id);
  // A dry run with errors can only have been committed for its valid rows: a re-run does the same.
  const start = () => commit.mutate({ version: item.version, onlyValid: item.errorRows > 0 });

  if (item.status === 'committing') return <RunProgress item={item} label="Commit progress" verb="Wrote" />;

  if (item.status === 'failed' || item.status === 'interrupted')
    return (
      <StoppedRun
        item={item}
        what="commit"
        onRunAgain={start}
        running={commit.isPending}
        error={commit.error ?? dryRun.error}
      >
        <Button
          variant="default"
          onClick={() =>
            dryRun.mutate({
              version: item.version,
              mapping: item.mapping ?? undefined,
              values: item.valueMapping ?? undefined,
            })
          }
          loading={dryRun.isPending}
        >
          Run the dry run again
        </Button>
      </StoppedRun>
    );

  const rows = item.totalRows ?? 0;
  return (
    <Stack>
      <Alert color="green" icon={<IconCircleCheck />} title={`${plural(rows, 'row')} ready`} role="status">
        The dry run found no errors{item.validatedAt ? ` (${formatDateTime(item.validatedAt)})` : ''}.
        Committing writes them as {typeNoun(item.type)}, 500 rows at a time; records already imported with the
        same key are updated.
      </Alert>
      {commit.error && <ErrorAlert error={commit.error} title="The commit did not start" />}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onChangeMapping}>
          Change mapping
        </Button>
        <Button
          leftSection={<IconDatabaseImport size={16} />}
          onClick={start}
          loading={commit.isPending}
          disabled={item.status !== 'validated'}
        >
          Commit {plural(rows, 'row')}
        </Button>
      </Group>
    </Stack>
  );
}

/** All done: how many records were created and updated, and where they are. */
export function CommittedResult({ item }: { item: Import }) {
  const link = recordsLinks[item.type];
  return (
    <Stack>
      <Alert color="green" icon={<IconCircleCheck />} title="Imported" role="status">
        <Text size="sm">
          {formatCount(item.created)} created · {formatCount(item.updated)} updated
          {item.totalRows !== null ? ` (from ${plural(item.totalRows, 'row')})` : ''}
          {item.committedAt ? `, ${formatDateTime(item.committedAt)}` : ''}.
        </Text>
        {item.skipped > 0 && (
          <Text size="sm">
            {plural(item.skipped, 'rejected row')} left out: download {item.skipped === 1 ? 'it' : 'them'},
            fix {item.skipped === 1 ? 'it' : 'them'} and import the file again.
          </Text>
        )}
      </Alert>
      {item.skipped > 0 && (
        <Group>
          <RejectedRowsButton importId={item.id} />
        </Group>
      )}
      <Group justify="space-between">
        <ButtonLink
          to="/settings/imports/new"
          search={{ type: item.type }}
          variant="default"
          leftSection={<IconFileUpload size={16} />}
        >
          Import another file
        </ButtonLink>
        <ButtonLink to={link.to}>{link.label}</ButtonLink>
      </Group>
    </Stack>
  );
}
