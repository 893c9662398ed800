// A post's comment thread: replies nested under their parent, the reply form, and each comment's menu.
import { Alert, Box, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconLock } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import {
  type Comment,
  commentsQueryOptions,
  type Post,
  useCommentAction,
  useCreateComment,
} from '../../api/community';
import { ApiError, errorMessage, isStaleVersion } from '../../api/client';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { MarkdownComposer } from './composer';
import { ServerHtml } from './html-content';
import { MAX_COMMENT_CHARS } from './labels';
import { Byline, PostStateBadges } from './post-parts';
import { Reactions } from './reactions';

export type Dialog =
  | { kind: 'history'; target: 'posts' | 'comments'; id: string }
  | { kind: 'report'; type: 'post' | 'comment'; id: string }
  | { kind: 'hide-post' }
  | { kind: 'hide-comment'; id: string }
  | { kind: 'suspend'; userId: string; name: string }
  | null;

interface Thread {
  comment: Comment;
  replies: Thread[];
}

/** Comments come oldest first with their parent's id; a reply whose parent is not loaded yet shows at the top level. */
function thread(comments: Comment[]): Thread[] {
  const byId = new Map<string, Thread>(comments.map((c) => [c.id, { comment: c, replies: [] }]));
  const roots: Thread[] = [];
  for (const c of comments) {
    const node = byId.get(c.id)!;
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}

export function Comments({ post, onDialog }: { post: Post; onDialog: (d: Dialog) => void }) {
  const comments = useInfiniteQuery(commentsQueryOptions(post.id));
  const items = comments.data?.pages.flatMap((p) => p.items) ?? [];
  const canComment = useCan('community:participate') && !post.deleted && !post.locked;
  // A notification links to `#comment-<id>`: bring that comment into view once it is loaded.
  const loaded = items.length;
  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if (!hash.startsWith('comment-') || !loaded) return;
    const target = document.getElementById(hash);
    if (target) {
      target.scrollIntoView({ block: 'center' });
      target.style.outline = '2px solid var(--mantine-color-indigo-4)';
    }
  }, [loaded]);

  return (
    <Stack component="section" aria-labelledby="comments-heading">
      <Title order={2} size="h3" id="comments-heading">
        Comments ({post.commentCount})
      </Title>
      {comments.isPending ? (
        <LoadingState label="Loading comments…" />
      ) : comments.isError ? (
        <ErrorAlert error={comments.error} title="The comments could not be loaded" />
      ) : items.length === 0 ? (
        <Text c="dimmed">No comments yet.</Text>
      ) : (
        <>
          <Stack gap="sm" role="list" aria-label="Comments">
            {thread(items).map((t) => (
              <CommentNode key={t.comment.id} node={t} post={post} depth={0} onDialog={onDialog} />
            ))}
          </Stack>
          {comments.hasNextPage && (
            <LoadMore
              hasNextPage={comments.hasNextPage}
              isFetchingNextPage={comments.isFetchingNextPage}
              fetchNextPage={comments.fetchNextPage}
              shown={items.length}
              noun="comments"
            />
          )}
        </>
      )}
      {post.locked ? (
        <Alert color="orange" icon={<IconLock />}>
          A moderator locked this post: no new comments.
        </Alert>
      ) : canComment ? (
        <CommentForm postId={post.id} spaceId={post.space.id} label="Add a comment" submitLabel="Comment" />
      ) : null}
    </Stack>
  );
}

function CommentForm({
  postId,
  spaceId,
  parentId,
  label,
  submitLabel,
  onDone,
}: {
  postId: string;
  spaceId: string;
  parentId?: string;
  label: string;
  submitLabel: string;
  onDone?: () => void;
}) {
  const create = useCreateComment(postId);
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldError = create.error instanceof ApiError ? create.error.fieldErrors().body : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return setMissing(true);
    create.mutate(
      { body, ...(parentId ? { parentId } : {}) },
      {
        onSuccess: () => {
          setBody('');
          create.reset();
          onDone?.();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <Stack gap="xs">
        {create.isError && !fieldError && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <MarkdownComposer
          label={label}
          value={body}
          onChange={(v) => {
            setBody(v);
            setMissing(false);
          }}
          spaceId={spaceId}
          maxLength={MAX_COMMENT_CHARS}
          minRows={2}
          error={(missing ? 'Write something first' : undefined) ?? fieldError}
          autoFocus={Boolean(parentId)}
        />
        <Group justify="flex-end">
          {onDone && (
            <Button variant="default" size="xs" onClick={onDone}>
              Cancel
            </Button>
          )}
          <Button type="submit" size="xs" loading={create.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CommentNode({
  node,
  post,
  depth,
  onDialog,
}: {
  node: Thread;
  post: Post;
  depth: number;
  onDialog: (d: Dialog) => void;
}) {
  const { comment } = node;
  const { user } = useSession();
  const participates = useCan('community:participate');
  const [replying, reply] = useDisclosure(false);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const action = useCommentAction(comment.id, post.id);
  const mine = comment.author?.id === user.id;
  const gone = comment.deleted;
  const author = comment.author?.name ?? 'a former member';

  return (
    <Box
      id={`comment-${comment.id}`}
      role="listitem"
      aria-label={`Comment by ${author}`}
      pl={depth > 0 ? 'md' : 0}
      style={depth > 0 ? { borderLeft: '2px solid var(--mantine-color-gray-3)' } : undefined}
    >
      <Paper withBorder={depth === 0} p={depth === 0 ? 'sm' : 'xs'}>
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Group gap="xs">
              <Byline
                author={comment.author}
                createdAt={comment.createdAt}
                edited={comment.edited}
                editedAt={comment.editedAt}
                onShowHistory={() => onDialog({ kind: 'history', target: 'comments', id: comment.id })}
              />
              <PostStateBadges hidden={comment.hidden} />
            </Group>
            {!gone && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    aria-label={`Actions for the comment by ${author}`}
                  >
                    <IconDots size={16} />
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {comment.canEdit && (
                    <Menu.Item
                      onClick={() => {
                        setDraft(comment.body);
                        setEditing(true);
                      }}
                    >
                      Edit
                    </Menu.Item>
                  )}
                  {comment.canEdit && (
                    <Menu.Item
                      color="red"
                      onClick={() => {
                        if (window.confirm('Delete this comment?'))
                          action.mutate(
                            { verb: 'delete' },
                            {
                              onError: (error) =>
                                notifications.show({ color: 'red', message: errorMessage(error) }),
                            },
                          );
                      }}
                    >
                      Delete
                    </Menu.Item>
                  )}
                  {!mine && participates && (
                    <Menu.Item onClick={() => onDialog({ kind: 'report', type: 'comment', id: comment.id })}>
                      Report…
                    </Menu.Item>
                  )}
                  {post.canModerate && (
                    <>
                      <Menu.Label>Moderation</Menu.Label>
                      {comment.hidden ? (
                        <Menu.Item onClick={() => action.mutate({ verb: 'unhide' })}>Unhide</Menu.Item>
                      ) : (
                        <Menu.Item
                          color="red"
                          onClick={() => onDialog({ kind: 'hide-comment', id: comment.id })}
                        >
                          Hide…
                        </Menu.Item>
                      )}
                      {comment.author && !mine && (
                        <Menu.Item
                          color="red"
                          onClick={() =>
                            comment.author &&
                            onDialog({
                              kind: 'suspend',
                              userId: comment.author.id,
                              name: comment.author.name,
                            })
                          }
                        >
                          Suspend author…
                        </Menu.Item>
                      )}
                    </>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
          {gone ? (
            <Text size="sm" c="dimmed" fs="italic">
              This comment was deleted.
            </Text>
          ) : editing ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                action.mutate(
                  { verb: 'edit', body: { version: comment.version, body: draft } },
                  { onSuccess: () => setEditing(false) },
                );
              }}
              aria-label="Edit comment"
            >
              <Stack gap="xs">
                {action.isError && (
                  <Alert color="red" role="alert">
                    {isStaleVersion(action.error)
                      ? 'Someone changed this comment first; it has been reloaded.'
                      : errorMessage(action.error)}
                  </Alert>
                )}
                <MarkdownComposer
                  label="Edit comment"
                  value={draft}
                  onChange={setDraft}
                  spaceId={post.space.id}
                  maxLength={MAX_COMMENT_CHARS}
                  minRows={2}
                  autoFocus
                />
                <Group justify="flex-end">
                  <Button variant="default" size="xs" onClick={() => setEditing(false)}>
                    Cancel
                  </Button>
                  <Button type="submit" size="xs" loading={action.isPending}>
                    Save comment
                  </Button>
                </Group>
              </Stack>
            </form>
          ) : (
            <>
              {comment.hidden && comment.hiddenReason && (
                <Text size="xs" c="red">
                  Hidden: {comment.hiddenReason}
                </Text>
              )}
              <ServerHtml html={comment.html} />
            </>
          )}
          {!gone && !editing && (
            <Group gap="xs">
              <Reactions target="comments" id={comment.id} postId={post.id} reactions={comment.reactions} />
              {participates && !post.locked && !replying && (
                <Button
                  variant="subtle"
                  size="compact-xs"
                  onClick={reply.open}
                  aria-label={`Reply to ${author}`}
                >
                  Reply
                </Button>
              )}
            </Group>
          )}
          {replying && (
            <CommentForm
              postId={post.id}
              spaceId={post.space.id}
              parentId={comment.id}
              label={`Reply to ${author}`}
              submitLabel="Reply"
              onDone={reply.close}
            />
          )}
        </Stack>
      </Paper>
      {node.replies.length > 0 && (
        <Stack gap="xs" mt="xs" role="list" aria-label={`Replies to ${author}`}>
          {node.replies.map((r) => (
            <CommentNode key={r.comment.id} node={r} post={post} depth={depth + 1} onDialog={onDialog} />
          ))}
        </Stack>
      )}
    </Box>
  );
}
