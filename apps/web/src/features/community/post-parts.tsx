import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Timeline,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type Attachment, revisionsQueryOptions, useReport } from '../../api/community';
import { errorMessage } from '../../api/client';
import { formatDateTime } from '../../components/dates';
import { LoadingState, ErrorAlert } from '../../components/query-state';
import { ReasonForm } from '../../components/reason-form';
import { timeAgo } from './labels';

/** Who wrote something and when, with the "edited" marker that opens its history. */
export function Byline({
  author,
  createdAt,
  edited,
  editedAt,
  onShowHistory,
}: {
  author: { name: string; organization: { name: string } } | null;
  createdAt: string;
  edited: boolean;
  editedAt: string | null;
  onShowHistory?: () => void;
}) {
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600}>
        {author?.name ?? 'Former member'}
      </Text>
      {author && (
        <Text size="sm" c="dimmed">
          {author.organization.name}
        </Text>
      )}
      <Text size="sm" c="dimmed" title={formatDateTime(createdAt)}>
        · {timeAgo(createdAt)}
      </Text>
      {edited &&
        (onShowHistory ? (
          <Anchor
            component="button"
            type="button"
            size="sm"
            c="dimmed"
            onClick={onShowHistory}
            title={editedAt ? `Edited ${formatDateTime(editedAt)}: show the history` : 'Show the history'}
          >
            (edited)
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            (edited)
          </Text>
        ))}
    </Group>
  );
}

/** The earlier texts of a post or a comment, newest replacement first. */
export function RevisionsModal({
  kind,
  id,
  opened,
  onClose,
}: {
  kind: 'posts' | 'comments';
  id: string;
  opened: boolean;
  onClose: () => void;
}) {
  const revisions = useQuery({ ...revisionsQueryOptions(kind, id), enabled: opened });
  return (
    <Modal opened={opened} onClose={onClose} title="Edit history" size="lg">
      {revisions.isPending ? (
        <LoadingState label="Loading the history…" />
      ) : revisions.isError ? (
        <ErrorAlert error={revisions.error} />
      ) : revisions.data.length === 0 ? (
        <Text c="dimmed">No earlier versions.</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} aria-label="Earlier versions">
          {revisions.data.map((r) => (
            <Timeline.Item
              key={r.id}
              title={`Replaced ${formatDateTime(r.at)}${r.editedBy ? ` by ${r.editedBy.name}` : ''}`}
            >
              {r.title && (
                <Text size="sm" fw={600}>
                  {r.title}
                </Text>
              )}
              {/* The text as it was written, shown as text: never rendered as HTML. */}
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c="dimmed">
                {r.body}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Modal>
  );
}

/** Report a post or a comment to the space's moderators. */
export function ReportModal({
  target,
  opened,
  onClose,
}: {
  target: { type: 'post' | 'comment'; id: string } | null;
  opened: boolean;
  onClose: () => void;
}) {
  const report = useReport();
  return (
    <Modal opened={opened} onClose={onClose} title={`Report this ${target?.type ?? 'post'}`}>
      {opened && target && (
        <ReasonForm
          explanation="The space's moderators and the vendor's community team will review it. The author is not told who reported it."
          reasonDescription="What is wrong with it"
          reasonRequired
          staleMessage=""
          label="Send report"
          color="red"
          error={report.error}
          pending={report.isPending}
          onCancel={onClose}
          onSubmit={(reason) =>
            report.mutate(
              { targetType: target.type, targetId: target.id, reason: reason ?? '' },
              {
                onSuccess: () => {
                  notifications.show({
                    color: 'green',
                    message: 'Thank you: the moderators will look at it.',
                  });
                  onClose();
                },
              },
            )
          }
        />
      )}
    </Modal>
  );
}

/** A reason-taking moderator step (hide, suspend). */
export function ModerationReasonModal({
  title,
  explanation,
  label,
  opened,
  onClose,
  error,
  pending,
  onSubmit,
}: {
  title: string;
  explanation: string;
  label: string;
  opened: boolean;
  onClose: () => void;
  error: Error | null;
  pending: boolean;
  onSubmit: (reason: string) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      {opened && (
        <ReasonForm
          explanation={explanation}
          reasonDescription="Recorded in the space's moderation log"
          reasonRequired
          staleMessage="Someone changed it first; reload and try again."
          label={label}
          color="red"
          error={error}
          pending={pending}
          onCancel={onClose}
          onSubmit={(reason) => onSubmit(reason ?? '')}
        />
      )}
    </Modal>
  );
}

export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <Stack gap={2} aria-label="Attachments">
      {attachments.map((a) => (
        <Group key={a.url} gap={6} wrap="nowrap">
          <IconPaperclip size={14} aria-hidden />
          <Anchor href={a.url} target="_blank" rel="noopener noreferrer nofollow" size="sm">
            {a.title}
          </Anchor>
        </Group>
      ))}
    </Stack>
  );
}

/** Links attached to a post: a title and an http(s) address each. */
export function AttachmentsEditor({
  value,
  onChange,
  errors,
}: {
  value: Attachment[];
  onChange: (value: Attachment[]) => void;
  errors?: string;
}) {
  const set = (i: number, patch: Partial<Attachment>) =>
    onChange(value.map((a, j) => (i === j ? { ...a, ...patch } : a)));
  return (
    <Stack gap="xs">
      {value.map((a, i) => (
        <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={`Link ${i + 1} title`}
            value={a.title}
            maxLength={200}
            onChange={(e) => set(i, { title: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <TextInput
            label={`Link ${i + 1} address`}
            type="url"
            placeholder="https://"
            value={a.url}
            maxLength={500}
            onChange={(e) => set(i, { url: e.currentTarget.value })}
            style={{ flex: 2 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`Remove link ${i + 1}`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {errors && (
        <Text size="xs" c="red" role="alert">
          {errors}
        </Text>
      )}
      {value.length < 10 && (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconLink size={14} />}
            onClick={() => onChange([...value, { title: '', url: '' }])}
          >
            Attach a link
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function PostStateBadges({
  pinned,
  locked,
  hidden,
}: {
  pinned?: boolean;
  locked?: boolean;
  hidden?: boolean;
}) {
  return (
    <>
      {pinned && (
        <Badge color="indigo" variant="light">
          Pinned
        </Badge>
      )}
      {locked && (
        <Badge color="orange" variant="light">
          Locked
        </Badge>
      )}
      {hidden && (
        <Badge color="red" variant="light">
          Hidden
        </Badge>
      )}
    </>
  );
}

export function mutationErrorAlert(error: Error | null) {
  return error ? (
    <Alert color="red" role="alert">
      {errorMessage(error)}
    </Alert>
  ) : null;
}
