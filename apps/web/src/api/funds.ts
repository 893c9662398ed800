import type {
  allocateBody,
  Allocation,
  Budget,
  Claim,
  createBudgetBody,
  createFundRequestBody,
  FundRequest,
  LedgerEntry,
} from '@partnergraph/shared/contracts/funds';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import { uploadFile } from './upload';

export type { Allocation, Budget, Claim, FundRequest, LedgerEntry };
export type CreateBudgetInput = (typeof createBudgetBody)['_input'];
export type CreateFundRequestInput = (typeof createFundRequestBody)['_input'];
export type AllocateInput = (typeof allocateBody)['_input'];

export const fundsKeys = { all: ['funds'] as const };

export const budgetsQueryOptions = queryOptions({
  queryKey: [...fundsKeys.all, 'budgets'],
  queryFn: ({ signal }) => call(http.GET('/funds', { signal })),
  select: (d) => d.items,
});
export const allocationsQueryOptions = queryOptions({
  queryKey: [...fundsKeys.all, 'allocations'],
  queryFn: ({ signal }) => call(http.GET('/fund-allocations', { signal })),
  select: (d) => d.items,
});
export const fundRequestsQueryOptions = queryOptions({
  queryKey: [...fundsKeys.all, 'requests'],
  queryFn: ({ signal }) => call(http.GET('/fund-requests', { signal })),
  select: (d) => d.items,
});
export const claimsQueryOptions = queryOptions({
  queryKey: [...fundsKeys.all, 'claims'],
  queryFn: ({ signal }) => call(http.GET('/claims', { signal })),
  select: (d) => d.items,
});
export const ledgerSummaryQueryOptions = queryOptions({
  queryKey: [...fundsKeys.all, 'ledger-summary'],
  queryFn: ({ signal }) => call(http.GET('/ledger/summary', { signal })),
});
export const ledgerEntriesQueryOptions = queryOptions({
  queryKey: [...fundsKeys.all, 'ledger'],
  queryFn: ({ signal }) => call(http.GET('/ledger', { signal })),
  select: (d) => d.items,
});
export const payoutBatchesQueryOptions = queryOptions({
  queryKey: [...fundsKeys.all, 'payout-batches'],
  queryFn: ({ signal }) => call(http.GET('/payout-batches', { signal })),
  select: (d) => d.items,
});

function useFundsMutation<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fundsKeys.all }),
  });
}

export const useCreateBudget = () =>
  useFundsMutation((body: CreateBudgetInput) => call(http.POST('/funds', { body })));
export const useAllocate = () =>
  useFundsMutation(({ id, body }: { id: string; body: AllocateInput }) =>
    call(http.POST('/funds/{id}/allocations', { params: { path: { id } }, body })),
  );
export const useCreateFundRequest = () =>
  useFundsMutation((body: CreateFundRequestInput) => call(http.POST('/fund-requests', { body })));
export const useDecideFundRequest = () =>
  useFundsMutation(({ id, version, reason }: { id: string; version: number; reason?: string }) =>
    reason
      ? call(http.POST('/fund-requests/{id}/reject', { params: { path: { id } }, body: { version, reason } }))
      : call(http.POST('/fund-requests/{id}/approve', { params: { path: { id } }, body: { version } })),
  );
export const useCreateClaim = () =>
  useFundsMutation((body: { requestId: string; amount: number; note?: string }) =>
    call(http.POST('/claims', { body })),
  );
export const useUploadClaimFile = () =>
  useFundsMutation(({ id, file }: { id: string; file: File }) =>
    uploadFile('/claims/{id}/files', file, { path: { id }, query: { fileName: file.name } }),
  );
export const useReviewClaim = () =>
  useFundsMutation(
    ({
      id,
      version,
      approvedAmount,
      reason,
    }: {
      id: string;
      version: number;
      approvedAmount?: number;
      reason?: string;
    }) =>
      reason
        ? call(http.POST('/claims/{id}/reject', { params: { path: { id } }, body: { version, reason } }))
        : call(
            http.POST('/claims/{id}/approve', {
              params: { path: { id } },
              body: { version, approvedAmount: approvedAmount ?? 0 },
            }),
          ),
  );
export const useCreatePayoutBatch = () =>
  useFundsMutation((currency: string) => call(http.POST('/payout-batches', { body: { currency } })));

/** Where a statement downloads (a link the browser follows with the session, like any download). */
export function statementUrl(q: {
  currency: string;
  from: string;
  to: string;
  format: 'csv' | 'pdf';
  partnerId?: string;
}) {
  const params = new URLSearchParams({ currency: q.currency, from: q.from, to: q.to, format: q.format });
  if (q.partnerId) params.set('partnerId', q.partnerId);
  return `/api/v1/statements?${params.toString()}`;
}
