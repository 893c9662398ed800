import type {
  addRuleVersionBody,
  allocateBody,
  Allocation,
  Budget,
  Claim,
  createBudgetBody,
  createFundRequestBody,
  createRuleBody,
  FundRequest,
  IncentiveRule,
  LedgerEntry,
  manualAccrualBody,
} from '@partnergraph/shared/contracts/funds';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http } from './client';
import { uploadFile } from './upload';

export type { Allocation, Budget, Claim, FundRequest, IncentiveRule, LedgerEntry };
export type CreateRuleInput = (typeof createRuleBody)['_input'];
export type AddRuleVersionInput = (typeof addRuleVersionBody)['_input'];
export type ManualAccrualInput = (typeof manualAccrualBody)['_input'];
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

export const incentiveRulesQueryOptions = queryOptions({
  queryKey: [...fundsKeys.all, 'rules'],
  queryFn: ({ signal }) => call(http.GET('/incentive-rules', { signal })),
  select: (d) => d.items,
});
/** An activity's return: its tagged leads and deals, pipeline, won revenue, cost per opportunity. */
export const activityReturnQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...fundsKeys.all, 'return', id],
    queryFn: ({ signal }) =>
      call(http.GET('/fund-requests/{id}/return', { params: { path: { id } }, signal })),
  });
export const fundsMetricsQueryOptions = (period: { from: string; to: string }) =>
  queryOptions({
    queryKey: [...fundsKeys.all, 'metrics', period.from, period.to],
    queryFn: ({ signal }) => call(http.GET('/funds/metrics', { params: { query: period }, signal })),
  });
/** A statement for a period, as JSON (the same document as its CSV and PDF). */
export const statementQueryOptions = (q: {
  currency: string;
  from: string;
  to: string;
  partnerId?: string;
}) =>
  queryOptions({
    queryKey: [...fundsKeys.all, 'statement', q.partnerId ?? 'mine', q.currency, q.from, q.to],
    queryFn: ({ signal }) =>
      call(http.GET('/statements', { params: { query: { ...q, format: 'json' } }, signal })),
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

export const useCreateRule = () =>
  useFundsMutation((body: CreateRuleInput) => call(http.POST('/incentive-rules', { body })));
export const useAddRuleVersion = () =>
  useFundsMutation(({ id, body }: { id: string; body: AddRuleVersionInput }) =>
    call(http.POST('/incentive-rules/{id}/versions', { params: { path: { id } }, body })),
  );
export const useRunRebate = () =>
  useFundsMutation(({ id, quarter }: { id: string; quarter: string }) =>
    call(http.POST('/incentive-rules/{id}/run', { params: { path: { id } }, body: { quarter } })),
  );
export const useApproveEntries = () =>
  useFundsMutation((entryIds: string[]) => call(http.POST('/ledger/approve', { body: { entryIds } })));
export const useAddAdjustment = () =>
  useFundsMutation((body: ManualAccrualInput) => call(http.POST('/ledger/adjustments', { body })));
/** Payment status as the CSV accounts payable sends back (`partner_id,status,reference`). */
export const useImportPayments = () =>
  useFundsMutation(({ id, version, file }: { id: string; version: number; file: File }) =>
    uploadFile('/payout-batches/{id}/payments/import', file, {
      path: { id },
      query: { version },
      contentType: 'text/csv',
    }),
  );
export const useTagDeal = () =>
  useFundsMutation(({ id, dealId }: { id: string; dealId: string }) =>
    call(http.POST('/fund-requests/{id}/deals', { params: { path: { id } }, body: { dealId } })),
  );
export const useTagLead = () =>
  useFundsMutation(({ id, leadId }: { id: string; leadId: string }) =>
    call(http.POST('/fund-requests/{id}/leads', { params: { path: { id } }, body: { leadId } })),
  );

/** Where a payout batch's file for accounts payable downloads. */
export const payoutExportUrl = (id: string) =>
  `/api/v1/payout-batches/${encodeURIComponent(id)}/export?format=csv`;

/** The partner's own deals a search finds, to tag to an activity. */
export const taggableDealsQueryOptions = (q: string) =>
  queryOptions({
    queryKey: [...fundsKeys.all, 'taggable-deals', q],
    queryFn: ({ signal }) =>
      call(http.GET('/deals', { params: { query: { q: q || undefined, limit: 20 } }, signal })),
    select: (d) => d.items,
  });
/** The leads the partner holds (accepted or converted: the ones it may tag), found by a search. */
export const taggableLeadsQueryOptions = (q: string) =>
  queryOptions({
    queryKey: [...fundsKeys.all, 'taggable-leads', q],
    queryFn: ({ signal }) =>
      call(http.GET('/leads', { params: { query: { q: q || undefined, limit: 50 } }, signal })),
    select: (d) => d.items.filter((l) => l.status === 'accepted' || l.status === 'converted'),
  });
