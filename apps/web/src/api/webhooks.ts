import type {
  createWebhookBody,
  Delivery,
  deliveryListQuery,
  updateWebhookBody,
  Webhook,
  webhookWithSecretSchema,
} from '@partnergraph/shared/contracts/webhooks';
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isStaleVersion } from './client';
import { pagedQueryOptions } from './paged';

// Request shapes come from the contract's schemas (as sent, before the server applies defaults).
export type CreateWebhookInput = (typeof createWebhookBody)['_input'];
export type UpdateWebhookInput = (typeof updateWebhookBody)['_input'];
export type DeliveryFilters = (typeof deliveryListQuery)['_input'];
/** A webhook as creation and rotation answer it: with the signing secret, this once. */
export type WebhookWithSecret = (typeof webhookWithSecretSchema)['_output'];
export type { Delivery, Webhook };

const PAGE_SIZE = 50;

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  detail: (id: string) => ['webhooks', 'detail', id] as const,
  deliveries: (id: string) => ['webhooks', 'deliveries', id] as const,
  deliveryList: (id: string, filters: DeliveryFilters) => [...webhookKeys.deliveries(id), filters] as const,
};

// --- Queries ---

/** Every subscription, newest first; a vendor has a handful, so the list is not paged. */
export const webhooksQueryOptions = queryOptions({
  queryKey: webhookKeys.list,
  queryFn: ({ signal }) => call(http.GET('/webhooks', { signal })),
  select: (data) => data.items,
});

export const webhookQueryOptions = (id: string) =>
  queryOptions({
    queryKey: webhookKeys.detail(id),
    queryFn: ({ signal }) => call(http.GET('/webhooks/{id}', { params: { path: { id } }, signal })),
  });

/** The delivery log, newest first. */
export const deliveriesQueryOptions = (id: string, filters: DeliveryFilters = {}) =>
  pagedQueryOptions(
    webhookKeys.deliveryList(id, filters),
    (page, signal) =>
      call(
        http.GET('/webhooks/{id}/deliveries', {
          params: { path: { id }, query: { ...filters, ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

// --- Cache upkeep ---

/** Drops the secret: the cache, like the server, keeps only what may be shown again. */
function withoutSecret({ secret: _secret, ...webhook }: WebhookWithSecret): Webhook {
  return webhook;
}

/** A changed webhook: its page gets the server's answer, the list and the audit log (every change writes an entry) reload. */
function storeWebhook(queryClient: QueryClient, webhook: Webhook) {
  queryClient.setQueryData(webhookKeys.detail(webhook.id), webhook);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: webhookKeys.list }),
    queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
  ]);
}

/** Someone else changed the webhook first: reload it (the mutation waits), so the page shows what they saved. */
function reloadIfStale(queryClient: QueryClient, id: string, error: unknown) {
  if (!isStaleVersion(error)) return undefined;
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: webhookKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: webhookKeys.list }),
  ]);
}

function refreshDeliveries(queryClient: QueryClient, id: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(id) }),
    queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
  ]);
}

// --- Mutations ---

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookInput) => call(http.POST('/webhooks', { body })),
    onSuccess: (created) => storeWebhook(queryClient, withoutSecret(created)),
  });
}

export function useUpdateWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWebhookInput) =>
      call(http.PATCH('/webhooks/{id}', { params: { path: { id } }, body })),
    onSuccess: (webhook) => storeWebhook(queryClient, webhook),
    onError: (error) => reloadIfStale(queryClient, id, error),
  });
}

/** The answer carries the new secret, this once; the old one keeps signing beside it for a day. */
export function useRotateWebhookSecret(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      call(http.POST('/webhooks/{id}/rotate-secret', { params: { path: { id } }, body: { version } })),
    onSuccess: (rotated) => storeWebhook(queryClient, withoutSecret(rotated)),
    onError: (error) => reloadIfStale(queryClient, id, error),
  });
}

export function useDeleteWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(http.DELETE('/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      // The webhook's own queries are left alone: refetched, they would only hear 404. The page that
      // shows them navigates away, and unobserved they are garbage-collected.
      queryClient.setQueryData<{ items: Webhook[] }>(webhookKeys.list, (data) =>
        data ? { items: data.items.filter((w) => w.id !== id) } : data,
      );
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: webhookKeys.list }),
        queryClient.invalidateQueries({ queryKey: ['audit-log'] }),
      ]);
    },
  });
}

/** Queues a `webhook.test` delivery (202); the log shows it pending until it is sent. */
export function useSendTestEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(http.POST('/webhooks/{id}/test', { params: { path: { id } } })),
    onSuccess: () => refreshDeliveries(queryClient, id),
  });
}

/** Sends a delivery again (same webhook-id and body): it goes back to pending. */
export function useReplayDelivery(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      call(
        http.POST('/webhooks/{id}/deliveries/{deliveryId}/replay', { params: { path: { id, deliveryId } } }),
      ),
    onSuccess: () => refreshDeliveries(queryClient, id),
  });
}
