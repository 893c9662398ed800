import type {
  createFxRateBody,
  currencyReference,
  FxRate,
  fxRateListQuery,
  referenceItem,
  Settings,
  updateSettingsBody,
} from '@partnergraph/shared/contracts/settings';
import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call, http, isStaleVersion } from './client';
import { pagedQueryOptions } from './paged';

// Request shapes come from the contract's schemas (as sent, before the server applies defaults),
// so a change there shows up here as a type error rather than as a 400 at run time.
export type UpdateSettingsInput = (typeof updateSettingsBody)['_input'];
export type FxRateFilters = (typeof fxRateListQuery)['_input'];
export type CreateFxRateInput = (typeof createFxRateBody)['_input'];
export type Industry = (typeof referenceItem)['_output'];
export type CurrencyReference = (typeof currencyReference)['_output'];
export type { FxRate, Settings };

const PAGE_SIZE = 50;

export const settingsKey = ['settings'] as const;

export const fxRateKeys = {
  all: ['fx-rates'] as const,
  list: (filters: FxRateFilters) => ['fx-rates', 'list', filters] as const,
};

export const referenceKeys = {
  industries: ['reference', 'industries'] as const,
  currencies: ['reference', 'currencies'] as const,
};

// --- Queries ---

export const settingsQueryOptions = queryOptions({
  queryKey: settingsKey,
  queryFn: ({ signal }) => call(http.GET('/settings', { signal })),
});

/** Newest effective date first; without `reportingCurrency`, rates into the current reporting currency. */
export const fxRatesQueryOptions = (filters: FxRateFilters = {}) =>
  pagedQueryOptions(
    fxRateKeys.list(filters),
    (page, signal) =>
      call(
        http.GET('/fx-rates', {
          params: { query: { ...filters, ...page } },
          signal,
        }),
      ),
    PAGE_SIZE,
  );

// Reference lists change with a release of the server, not while the app is open.

/** NAICS sectors, for industry pickers. */
export const industriesQueryOptions = queryOptions({
  queryKey: referenceKeys.industries,
  queryFn: ({ signal }) => call(http.GET('/reference/industries', { signal })),
  select: (data) => data.items,
  staleTime: Infinity,
});

/** ISO 4217 currencies with their minor-unit digits, as the server accepts them. */
export const currenciesQueryOptions = queryOptions({
  queryKey: referenceKeys.currencies,
  queryFn: ({ signal }) => call(http.GET('/reference/currencies', { signal })),
  select: (data) => data.items,
  staleTime: Infinity,
});

// --- Cache upkeep ---

/**
 * Reporting amounts on deals (and the figures built from them) follow the reporting currency and
 * its rates, so a change to either marks them stale too; every change here writes an audit entry.
 * The dashboards also read the direct coverage and the engagement weights kept here.
 */
function invalidateMoney(queryClient: QueryClient, ...keys: (readonly unknown[])[]) {
  return Promise.all(
    [...keys, ['deals'], ['analytics'], ['audit-log']].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

// --- Mutations ---

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSettingsInput) => call(http.PATCH('/settings', { body })),
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKey, settings);
      // The rate list defaults to the reporting currency: a new one shows other rates.
      return invalidateMoney(queryClient, fxRateKeys.all);
    },
    // Someone saved first: reload (the mutation waits), so the form can show what they saved.
    onError: (error) =>
      isStaleVersion(error) ? queryClient.invalidateQueries({ queryKey: settingsKey }) : undefined,
  });
}

export function useCreateFxRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFxRateInput) => call(http.POST('/fx-rates', { body })),
    onSuccess: () => invalidateMoney(queryClient, fxRateKeys.all),
  });
}

export function useDeleteFxRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(http.DELETE('/fx-rates/{id}', { params: { path: { id } } })),
    onSuccess: () => invalidateMoney(queryClient, fxRateKeys.all),
  });
}
