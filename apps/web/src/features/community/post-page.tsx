import { Alert, Breadcrumbs, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import {
  type Post,
  postQueryOptions,
  useCommentAction,
  useHidePost,
  usePostAction,
  useSpaceMemberAction,
  useUpdatePost,
} from '../../api/community';
import { errorMessage, isApiError } from '../../api/client';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { NotFoundPage } from '../errors/not-found-page';
import { ServerHtml } from './html-content';
import { PostForm } from './post-form';
import {
  AttachmentList,
  Byline,
  ModerationReasonModal,
  PostStateBadges,
  ReportModal,
  RevisionsModal,
} from './post-parts';
import { Reactions } from './reactions';
import { type Dialog, Comments } from './post-comments';
import { useBrandTitle } from '../brand/brand-mark';

export function PostPage({ postId }: { postId: string }) {
  const post = useQuery(postQueryOptions(postId));
  useBrandTitle(`${post.data?.title ?? 'Post'}`);
  if (post.isPending) return <LoadingState label="Loading the post…" />;
  if (isApiError(post.error, 404)) return <NotFoundPage />;
  if (post.isError) return <ErrorAlert error={post.error} title="The post could not be loaded" />;
  return <PostView post={post.data} />;
}

function PostView({ post }: { post: Post }) {
  const { user } = useSession();
  // An analyst reads the community and takes no part: no reports, comments or replies.
  const participates = useCan('community:participate');
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const update = useUpdatePost(post.id);
  const action = usePostAction(post.id);
  const hide = useHidePost(post.id);
  const suspend = useSpaceMemberAction(post.space.id);
  const navigate = useNavigate();
  const close = () => setDialog(null);
  const mine = post.author?.id === user.id;
  const act = (verb: Parameters<typeof action.mutate>[0], message: string) =>
    action.mutate(verb, {
      onSuccess: () => notifications.show({ color: 'green', message }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    });

  return (
    <Stack>
      <Breadcrumbs>
        <AnchorLink to="/community/spaces">Spaces</AnchorLink>
        <AnchorLink to="/community/spaces/$spaceId" params={{ spaceId: post.space.id }}>
          {post.space.name}
        </AnchorLink>
        <Text lineClamp={1}>{post.title}</Text>
      </Breadcrumbs>
      <Paper withBorder p="lg" component="article" aria-label={post.title}>
        {editing ? (
          <PostForm
            spaceId={post.space.id}
            initial={{ title: post.title, body: post.body, attachments: post.attachments }}
            submitLabel="Save post"
            pending={update.isPending}
            error={update.error}
            onCancel={() => {
              setEditing(false);
              update.reset();
            }}
            onSubmit={(draft) =>
              update.mutate(
                { version: post.version, ...draft },
                {
                  onSuccess: () => {
                    setEditing(false);
                    notifications.show({ color: 'green', message: 'The post is saved.' });
                  },
                },
              )
            }
          />
        ) : (
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4}>
                <Group gap="xs">
                  <PostStateBadges pinned={post.pinned} locked={post.locked} hidden={post.hidden} />
                </Group>
                <Title order={1}>{post.title}</Title>
                <Byline
                  author={post.author}
                  createdAt={post.createdAt}
                  edited={post.edited}
                  editedAt={post.editedAt}
                  onShowHistory={() => setDialog({ kind: 'history', target: 'posts', id: post.id })}
                />
              </Stack>
              {!post.deleted && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button variant="default" size="xs" rightSection={<IconDots size={14} />}>
                      Post actions
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {post.canEdit && <Menu.Item onClick={() => setEditing(true)}>Edit</Menu.Item>}
                    {post.canEdit && (
                      <Menu.Item
                        color="red"
                        onClick={() => {
                          if (!window.confirm('Delete this post? Its comments go with it.')) return;
                          action.mutate('delete', {
                            onSuccess: () => {
                              notifications.show({ color: 'green', message: 'The post is deleted.' });
                              void navigate({
                                to: '/community/spaces/$spaceId',
                                params: { spaceId: post.space.id },
                              });
                            },
                            onError: (error) =>
                              notifications.show({ color: 'red', message: errorMessage(error) }),
                          });
                        }}
                      >
                        Delete
                      </Menu.Item>
                    )}
                    {!mine && participates && (
                      <Menu.Item onClick={() => setDialog({ kind: 'report', type: 'post', id: post.id })}>
                        Report…
                      </Menu.Item>
                    )}
                    {post.canModerate && (
                      <>
                        <Menu.Label>Moderation</Menu.Label>
                        <Menu.Item
                          onClick={() =>
                            act(
                              post.pinned ? 'unpin' : 'pin',
                              post.pinned ? 'Unpinned.' : 'Pinned to the top of the space.',
                            )
                          }
                        >
                          {post.pinned ? 'Unpin' : 'Pin'}
                        </Menu.Item>
                        <Menu.Item
                          onClick={() =>
                            act(
                              post.locked ? 'unlock' : 'lock',
                              post.locked ? 'Comments are open again.' : 'Locked: no new comments.',
                            )
                          }
                        >
                          {post.locked ? 'Unlock comments' : 'Lock comments'}
                        </Menu.Item>
                        {post.hidden ? (
                          <Menu.Item onClick={() => act('unhide', 'The post is visible again.')}>
                            Unhide
                          </Menu.Item>
                        ) : (
                          <Menu.Item c="red" onClick={() => setDialog({ kind: 'hide-post' })}>
                            Hide…
                          </Menu.Item>
                        )}
                        {post.author && !mine && (
                          <Menu.Item
                            color="red"
                            onClick={() =>
                              post.author &&
                              setDialog({ kind: 'suspend', userId: post.author.id, name: post.author.name })
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
            {post.hidden && (
              <Alert color="red" title="Hidden by a moderator">
                {post.hiddenReason ?? 'Only moderators and the author can read it.'}
              </Alert>
            )}
            {post.deleted ? (
              <Text c="dimmed" fs="italic">
                This post was deleted.
              </Text>
            ) : (
              <ServerHtml html={post.html} />
            )}
            <AttachmentList attachments={post.attachments} />
            {!post.deleted && (
              <Reactions target="posts" id={post.id} postId={post.id} reactions={post.reactions} />
            )}
          </Stack>
        )}
      </Paper>
      <Comments post={post} onDialog={setDialog} />

      {dialog?.kind === 'history' && (
        <RevisionsModal kind={dialog.target} id={dialog.id} opened onClose={close} />
      )}
      <ReportModal
        opened={dialog?.kind === 'report'}
        target={dialog?.kind === 'report' ? { type: dialog.type, id: dialog.id } : null}
        onClose={close}
      />
      <ModerationReasonModal
        title="Hide this post"
        explanation="Members no longer see it; the author and moderators still do. The reason goes to the moderation log and to the author."
        label="Hide post"
        opened={dialog?.kind === 'hide-post'}
        onClose={close}
        error={hide.error}
        pending={hide.isPending}
        onSubmit={(reason) =>
          hide.mutate(reason, {
            onSuccess: () => {
              close();
              notifications.show({ color: 'green', message: 'The post is hidden.' });
            },
          })
        }
      />
      {dialog?.kind === 'hide-comment' && (
        <HideCommentModal commentId={dialog.id} postId={post.id} onClose={close} />
      )}
      <ModerationReasonModal
        title={dialog?.kind === 'suspend' ? `Suspend ${dialog.name}` : 'Suspend'}
        explanation="They still read the space but can no longer post, comment or react in it."
        label="Suspend"
        opened={dialog?.kind === 'suspend'}
        onClose={close}
        error={suspend.error}
        pending={suspend.isPending}
        onSubmit={(reason) =>
          dialog?.kind === 'suspend' &&
          suspend.mutate(
            { verb: 'suspend', userId: dialog.userId, reason },
            {
              onSuccess: () => {
                close();
                notifications.show({
                  color: 'green',
                  message: `${dialog.name} is suspended from the space.`,
                });
              },
            },
          )
        }
      />
    </Stack>
  );
}

function HideCommentModal({
  commentId,
  postId,
  onClose,
}: {
  commentId: string;
  postId: string;
  onClose: () => void;
}) {
  const action = useCommentAction(commentId, postId);
  return (
    <ModerationReasonModal
      title="Hide this comment"
      explanation="Members no longer see it; the author and moderators still do."
      label="Hide comment"
      opened
      onClose={onClose}
      error={action.error}
      pending={action.isPending}
      onSubmit={(reason) =>
        action.mutate(
          { verb: 'hide', reason },
          {
            onSuccess: () => {
              onClose();
              notifications.show({ color: 'green', message: 'The comment is hidden.' });
            },
          },
        )
      }
    />
  );
}
