// A space's feed: its posts, newest activity first, searchable, with a form to write one.
import { Alert, Button, Card, Collapse, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMessageCircle, IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Post, type Space, spacePostsQueryOptions, useCreatePost } from '../../api/community';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { ServerHtml } from './html-content';
import { timeAgo } from './labels';
import { PostForm } from './post-form';
import { AttachmentList, Byline, PostStateBadges } from './post-parts';
import { Reactions } from './reactions';

export function Feed({ space }: { space: Space }) {
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const [composing, composer] = useDisclosure(false);
  const posts = useInfiniteQuery({
    ...spacePostsQueryOptions(space.id, debounced),
    placeholderData: keepPreviousData,
  });
  const create = useCreatePost(space.id);
  const items = posts.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <TextInput
          label="Search posts"
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: '100%', sm: 300 }}
        />
        {space.canPost && !composing && (
          <Button leftSection={<IconPlus size={16} />} onClick={composer.open}>
            New post
          </Button>
        )}
      </Group>
      {space.canPost && (
        <Collapse expanded={composing}>
          <Paper withBorder p="md">
            {composing && (
              <PostForm
                spaceId={space.id}
                submitLabel="Publish post"
                pending={create.isPending}
                error={create.error}
                onCancel={composer.close}
                onSubmit={(draft) =>
                  create.mutate(draft, {
                    onSuccess: () => {
                      notifications.show({ color: 'green', message: 'Your post is published.' });
                      composer.close();
                      create.reset();
                    },
                  })
                }
              />
            )}
          </Paper>
        </Collapse>
      )}
      {posts.isPending ? (
        <LoadingState label="Loading posts…" />
      ) : posts.isError ? (
        <ErrorAlert error={posts.error} title="The posts could not be loaded" />
      ) : items.length === 0 ? (
        <Alert color="gray">
          {debounced
            ? 'No posts match.'
            : space.canPost
              ? 'No posts yet: start the conversation.'
              : 'No posts yet.'}
        </Alert>
      ) : (
        <>
          <Stack gap="sm" role="feed" aria-label="Posts" aria-busy={posts.isFetching}>
            {items.map((post) => (
              <PostCard key={post.id} post={post} />
            ))}
          </Stack>
          <LoadMore
            hasNextPage={posts.hasNextPage}
            isFetchingNextPage={posts.isFetchingNextPage}
            fetchNextPage={posts.fetchNextPage}
            shown={items.length}
            noun="posts"
          />
        </>
      )}
    </Stack>
  );
}

function PostCard({ post }: { post: Post }) {
  return (
    <Card withBorder component="article" aria-label={post.title}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <PostStateBadges pinned={post.pinned} locked={post.locked} hidden={post.hidden} />
              <AnchorLink to="/community/posts/$postId" params={{ postId: post.id }} fw={600} size="lg">
                {post.title}
              </AnchorLink>
            </Group>
            <Byline
              author={post.author}
              createdAt={post.createdAt}
              edited={post.edited}
              editedAt={post.editedAt}
            />
          </Stack>
        </Group>
        {post.deleted ? (
          <Text c="dimmed" fs="italic" size="sm">
            This post was deleted.
          </Text>
        ) : (
          <div style={{ maxHeight: 220, overflow: 'hidden' }}>
            <ServerHtml html={post.html} />
          </div>
        )}
        <AttachmentList attachments={post.attachments} />
        <Group justify="space-between">
          <Reactions target="posts" id={post.id} postId={post.id} reactions={post.reactions} />
          <AnchorLink
            to="/community/posts/$postId"
            params={{ postId: post.id }}
            size="sm"
            // The name starts with the visible words ("1 comment"), so speech users can say what they see.
            aria-label={`${commentCount(post.commentCount)} on ${post.title}`}
          >
            <Group gap={4}>
              <IconMessageCircle size={16} aria-hidden />
              {commentCount(post.commentCount)}
            </Group>
          </AnchorLink>
        </Group>
        <Text size="xs" c="dimmed">
          Last activity {timeAgo(post.lastActivityAt)}
        </Text>
      </Stack>
    </Card>
  );
}

function commentCount(n: number): string {
  return `${n} ${n === 1 ? 'comment' : 'comments'}`;
}
