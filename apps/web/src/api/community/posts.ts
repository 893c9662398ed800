// Posts and their comments, reactions, revisions and link previews.
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isApiError, isStaleVersion } from '../client';
import { pagedQueryOptions } from '../paged';
import {
  type Post,
  type ReactionKind,
  type CreatePostInput,
  type UpdatePostInput,
  type CreateCommentInput,
  type UpdateCommentInput,
  communityKeys,
} from './base';

export const spacePostsQueryOptions = (spaceId: string, q: string) =>
  pagedQueryOptions(communityKeys.spacePosts(spaceId, q), (page, signal) =>
    call(
      http.GET('/spaces/{id}/posts', { params: { path: { id: spaceId }, query: { q, ...page } }, signal }),
    ),
  );

export const postQueryOptions = (id: string) =>
  queryOptions({
    queryKey: communityKeys.post(id),
    queryFn: ({ signal }) => call(http.GET('/posts/{id}', { params: { path: { id } }, signal })),
  });

export const revisionsQueryOptions = (kind: 'posts' | 'comments', id: string) =>
  queryOptions({
    queryKey: communityKeys.revisions(kind, id),
    queryFn: ({ signal }) => call(http.GET(`/${kind}/{id}/revisions`, { params: { path: { id } }, signal })),
    select: (data) => data.items,
  });

function storePost(queryClient: QueryClient, post: Post) {
  queryClient.setQueryData(communityKeys.post(post.id), post);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['community', 'posts', 'list', post.space.id] }),
    queryClient.invalidateQueries({ queryKey: communityKeys.space(post.space.id) }),
    queryClient.invalidateQueries({ queryKey: communityKeys.revisions('posts', post.id) }),
  ]);
}

/** After a 409 (someone edited first) or a 404 (deleted meanwhile), reload what the page shows. */
function refreshPost(queryClient: QueryClient, id: string, error: Error) {
  if (!isStaleVersion(error) && !isApiError(error, 422)) return undefined;
  return queryClient.invalidateQueries({ queryKey: communityKeys.post(id) });
}

export function useCreatePost(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePostInput) =>
      call(http.POST('/spaces/{id}/posts', { params: { path: { id: spaceId } }, body })),
    onSuccess: (post) => storePost(queryClient, post),
  });
}

export function useUpdatePost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePostInput) =>
      call(http.PATCH('/posts/{id}', { params: { path: { id } }, body })),
    onSuccess: (post) => storePost(queryClient, post),
    onError: (error) => refreshPost(queryClient, id, error),
  });
}

export type PostVerb = 'pin' | 'unpin' | 'lock' | 'unlock' | 'unhide' | 'delete';

/** The author deletes; moderators pin, lock and unhide (hide takes a reason: usePostHide). */
export function usePostAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (verb: PostVerb) =>
      verb === 'delete'
        ? call(http.DELETE('/posts/{id}', { params: { path: { id } } }))
        : call(http.POST(`/posts/{id}/${verb}`, { params: { path: { id } } })),
    onSuccess: (post) =>
      post ? storePost(queryClient, post) : queryClient.invalidateQueries({ queryKey: communityKeys.posts }),
    onError: (error) => refreshPost(queryClient, id, error),
  });
}

export function useHidePost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      call(http.POST('/posts/{id}/hide', { params: { path: { id } }, body: { reason } })),
    onSuccess: (post) => storePost(queryClient, post),
  });
}

/** Add or take back a reaction on a post or a comment. */
export function useReaction(target: 'posts' | 'comments', id: string, postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, mine }: { kind: ReactionKind; mine: boolean }) =>
      mine
        ? call(http.DELETE(`/${target}/{id}/reactions/{kind}`, { params: { path: { id, kind } } }))
        : call(http.POST(`/${target}/{id}/reactions`, { params: { path: { id } }, body: { kind } })),
    onSuccess: (result) => {
      if (target === 'posts' && result && 'space' in result) return storePost(queryClient, result);
      return queryClient.invalidateQueries({ queryKey: communityKeys.comments(postId) });
    },
  });
}

// --- Comments ---

/** A post's comments, oldest first; the page threads them by parentId. */
export const commentsQueryOptions = (postId: string) =>
  pagedQueryOptions(communityKeys.comments(postId), (page, signal) =>
    call(http.GET('/posts/{id}/comments', { params: { path: { id: postId }, query: page }, signal })),
  );

function afterComment(queryClient: QueryClient, postId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: communityKeys.comments(postId) }),
    queryClient.invalidateQueries({ queryKey: communityKeys.post(postId) }),
  ]);
}

export function useCreateComment(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommentInput) =>
      call(http.POST('/posts/{id}/comments', { params: { path: { id: postId } }, body })),
    onSuccess: () => afterComment(queryClient, postId),
  });
}

export type CommentAction =
  | { verb: 'edit'; body: UpdateCommentInput }
  | { verb: 'delete' }
  | { verb: 'hide'; reason: string }
  | { verb: 'unhide' };

export function useCommentAction(id: string, postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: CommentAction): Promise<unknown> => {
      const params = { path: { id } };
      switch (action.verb) {
        case 'edit':
          return call(http.PATCH('/comments/{id}', { params, body: action.body }));
        case 'delete':
          return call(http.DELETE('/comments/{id}', { params }));
        case 'hide':
          return call(http.POST('/comments/{id}/hide', { params, body: { reason: action.reason } }));
        case 'unhide':
          return call(http.POST('/comments/{id}/unhide', { params }));
      }
    },
    onSuccess: () =>
      Promise.all([
        afterComment(queryClient, postId),
        queryClient.invalidateQueries({ queryKey: communityKeys.revisions('comments', id) }),
      ]),
    onError: (error) =>
      isStaleVersion(error)
        ? queryClient.invalidateQueries({ queryKey: communityKeys.comments(postId) })
        : undefined,
  });
}

/** The composer's Preview tab: the server's own rendering, sanitized, with the members it mentions. */
export function usePreview() {
  return useMutation({
    mutationFn: (body: string) => call(http.POST('/community/preview', { body: { body } })),
  });
}
