import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Report, reportsQueryOptions, useResolveReport } from '../../api/community';
import { errorMessage } from '../../api/client';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useBrandTitle } from '../brand/brand-mark';

type Status = Report['status'];
const statusColor: Record<Status, string> = { open: 'orange', resolved: 'green', dismissed: 'gray' };

/** Reports on posts and comments, for the spaces' moderators and the vendor's staff. */
export function ModerationPage() {
  useBrandTitle('Moderation queue');
  const [status, setStatus] = useState<Status>('open');
  const [deciding, setDeciding] = useState<{ report: Report; outcome: 'resolved' | 'dismissed' } | null>(
    null,
  );
  const reports = useInfiniteQuery(reportsQueryOptions({ status }));
  const items = reports.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <div>
        <Title order={1}>Moderation queue</Title>
        <Text c="dimmed" size="sm">
          What members reported in the spaces you moderate. Open the content to hide it or suspend its author,
          then resolve the report; dismiss it if nothing is wrong.
        </Text>
      </div>
      <SegmentedControl
        aria-label="Report status"
        w="fit-content"
        value={status}
        onChange={(v) => setStatus(v as Status)}
        data={[
          { value: 'open', label: 'Open' },
          { value: 'resolved', label: 'Resolved' },
          { value: 'dismissed', label: 'Dismissed' },
        ]}
      />
      {reports.isPending ? (
        <LoadingState label="Loading reports…" />
      ) : reports.isError ? (
        <ErrorAlert error={reports.error} title="The reports could not be loaded" />
      ) : items.length === 0 ? (
        <Alert color="gray">
          {status === 'open' ? 'Nothing waits for review.' : `No ${status} reports.`}
        </Alert>
      ) : (
        <>
          <Stack role="list" aria-label="Reports">
            {items.map((r) => (
              <Card
                key={r.id}
                withBorder
                role="listitem"
                aria-label={`Report on a ${r.targetType} in ${r.space.name}`}
              >
                <Stack gap="xs">
                  <Group justify="space-between" align="flex-start">
                    <Group gap="xs">
                      <Badge color={statusColor[r.status]} variant="light">
                        {r.status}
                      </Badge>
                      <Text size="sm" fw={600}>
                        {r.targetType === 'post' ? 'Post' : 'Comment'}
                        {r.targetAuthor ? ` by ${r.targetAuthor.name}` : ''} in {r.space.name}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      Reported by {r.reporter.name}, {formatDateTime(r.createdAt)}
                    </Text>
                  </Group>
                  <Text size="sm" c="dimmed" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
                    “{r.excerpt}”
                  </Text>
                  <Text size="sm">
                    <strong>Reason:</strong> {r.reason}
                  </Text>
                  {r.resolution && (
                    <Text size="sm">
                      <strong>Outcome:</strong> {r.resolution}
                      {r.resolvedAt ? ` (${formatDateTime(r.resolvedAt)})` : ''}
                    </Text>
                  )}
                  <Group gap="xs">
                    <AnchorLink
                      to="/community/posts/$postId"
                      params={{ postId: r.postId }}
                      hash={r.targetType === 'comment' ? `comment-${r.targetId}` : undefined}
                      size="sm"
                    >
                      Open the {r.targetType}
                    </AnchorLink>
                    {r.status === 'open' && (
                      <>
                        <Button size="xs" onClick={() => setDeciding({ report: r, outcome: 'resolved' })}>
                          Resolve
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setDeciding({ report: r, outcome: 'dismissed' })}
                        >
                          Dismiss
                        </Button>
                      </>
                    )}
                  </Group>
                </Stack>
              </Card>
            ))}
          </Stack>
          <LoadMore
            hasNextPage={reports.hasNextPage}
            isFetchingNextPage={reports.isFetchingNextPage}
            fetchNextPage={reports.fetchNextPage}
            shown={items.length}
            noun="reports"
          />
        </>
      )}
      <Modal
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={deciding?.outcome === 'dismissed' ? 'Dismiss the report' : 'Resolve the report'}
      >
        {deciding && <ResolveForm {...deciding} onDone={() => setDeciding(null)} />}
      </Modal>
    </Stack>
  );
}

function ResolveForm({
  report,
  outcome,
  onDone,
}: {
  report: Report;
  outcome: 'resolved' | 'dismissed';
  onDone: () => void;
}) {
  const resolve = useResolveReport();
  const [note, setNote] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    resolve.mutate(
      { id: report.id, outcome, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: outcome === 'resolved' ? 'The report is resolved.' : 'The report is dismissed.',
          });
          onDone();
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {resolve.isError && (
          <Alert color="red" role="alert">
            {errorMessage(resolve.error)}
          </Alert>
        )}
        <Text size="sm">
          {outcome === 'resolved'
            ? 'The reporter is told their report was acted on.'
            : 'Nothing is changed on the content; the reporter is told it was reviewed.'}
        </Text>
        <Textarea
          label="Note (optional)"
          description="What you did, for the other moderators"
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={resolve.isPending}
            color={outcome === 'dismissed' ? 'gray' : undefined}
          >
            {outcome === 'resolved' ? 'Resolve' : 'Dismiss'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
