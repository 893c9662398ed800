import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconPlayerStop, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/client';
import type { Import } from '../../api/imports';
import { formatCount, formatFraction } from './import-parts';

/** A run's progress as the server last reported it: rows read and the share of the file behind them. */
export function RunProgress({ item, label, verb }: { item: Import; label: string; verb: string }) {
  const { rows, fraction } = item.progress;
  return (
    <Stack gap={4}>
      <Progress value={Math.floor(fraction * 100)} aria-label={label} animated striped size="lg" />
      <Text size="sm" c="dimmed" aria-live="polite">
        {verb} {formatCount(rows)} {rows === 1 ? 'row' : 'rows'} · {formatFraction(fraction)} of the file
      </Text>
    </Stack>
  );
}

/**
 * A run that failed, or whose process died (`interrupted`): why, and "Run again". A commit writes
 * batch by batch with upserts, so running it again after an interruption reaches the same end state.
 */
export function StoppedRun({
  item,
  what,
  onRunAgain,
  running,
  error,
  children,
}: {
  item: Import;
  what: 'dry run' | 'commit';
  onRunAgain: () => void;
  running: boolean;
  error: unknown;
  children?: ReactNode;
}) {
  const interrupted = item.status === 'interrupted';
  return (
    <Stack>
      <Alert
        color={interrupted ? 'orange' : 'red'}
        icon={interrupted ? <IconPlayerStop /> : <IconAlertCircle />}
        role="alert"
        title={interrupted ? `The ${what} was interrupted` : `The ${what} failed`}
      >
        <Stack gap={4}>
          {item.failure && <Text size="sm">{item.failure}</Text>}
          {interrupted && (
            <Text size="sm">
              The server process running it stopped after {formatCount(item.progress.rows)} rows (a restart or
              a crash).{' '}
              {what === 'commit'
                ? 'The batches it finished are saved; running it again updates them and writes the rest.'
                : 'Nothing was imported.'}
            </Text>
          )}
          {!interrupted && what === 'commit' && (
            <Text size="sm">
              Batches written before the failure stay; running it again updates them and writes the rest.
            </Text>
          )}
        </Stack>
      </Alert>
      {error !== null && error !== undefined && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert" title="The run did not start">
          {errorMessage(error)}
        </Alert>
      )}
      <Group justify="flex-end">
        {children}
        <Button leftSection={<IconRefresh size={16} />} onClick={onRunAgain} loading={running}>
          Run again
        </Button>
      </Group>
    </Stack>
  );
}
