import { Alert, Anchor, Badge, CloseButton, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconSearchOff } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../../api/client';
import {
  type FacetKey,
  locatorSearchQueryOptions,
  type MarketplaceFilters,
  marketplaceSearchQueryOptions,
} from '../../api/marketplace';
import { countryName } from '../../components/countries';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { humanizeCode } from '../programs/labels';
import { FacetPanel } from './facet-panel';
import { facetLegends } from './labels';
import { hasFacetFilters, resultTotal, SAMPLE_TEXT } from './marketplace-search';
import { useIndustryName } from './names';
import { ResultCard } from './result-card';
import { SearchBox } from './search-box';

interface PartnerSearchProps {
  /** The signed-in marketplace or the public locator: the same search, different doors. */
  source: 'marketplace' | 'locator';
  filters: MarketplaceFilters;
  onFiltersChange: (filters: MarketplaceFilters) => void;
  /** The facet panels on offer, in order. */
  facets: readonly FacetKey[];
}

/** Search words, facet panels with counts, result cards and "load more": the marketplace and the locator. */
export function PartnerSearch({ source, filters, onFiltersChange, facets }: PartnerSearchProps) {
  const search = useInfiniteQuery(
    source === 'marketplace' ? marketplaceSearchQueryOptions(filters) : locatorSearchQueryOptions(filters),
  );
  const industryName = useIndustryName();
  const first = search.data?.pages[0];
  const labels = new Map<string, string>();
  for (const key of facets)
    for (const f of first?.facets[key] ?? []) labels.set(`${key}:${f.value}`, f.label);
  const labelOf = (key: FacetKey) => (value: string) =>
    labels.get(`${key}:${value}`) ??
    (key === 'country'
      ? countryName(value)
      : key === 'industry'
        ? industryName(value)
        : key === 'type'
          ? humanizeCode(value)
          : value);
  const typeName = (code: string) =>
    first?.facets.type.find((f) => f.value === code)?.label ?? humanizeCode(code);

  const setFacet = (key: FacetKey, values: string[]) =>
    onFiltersChange({ ...filters, [key]: values.length ? values : undefined });
  const clearFacets = () => onFiltersChange({ q: filters.q });
  const chosen = facets.flatMap((key) => (filters[key] ?? []).map((value) => ({ key, value })));
  const filterChips = chosen.map(({ key, value }) => {
    const text = `${facetLegends[key]}: ${labelOf(key)(value)}`;
    return (
      <Badge
        key={`${key}:${value}`}
        variant="light"
        tt="none"
        size="lg"
        rightSection={
          <CloseButton
            size="xs"
            aria-label={`Remove the filter ${text}`}
            onClick={() =>
              setFacet(
                key,
                (filters[key] ?? []).filter((v) => v !== value),
              )
            }
          />
        }
      >
        {text}
      </Badge>
    );
  });

  const items = search.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <SearchBox
        value={filters.q ?? ''}
        onSearch={(q) => onFiltersChange({ ...filters, q: q || undefined })}
        label="Search partners"
        placeholder="A service, an industry, a product, a name… (typos are fine)"
      />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="lg" component="aside" aria-label="Filters">
            {first ? (
              <>
                {facets.map((key) => (
                  <FacetPanel
                    key={key}
                    legend={facetLegends[key]}
                    facets={first.facets[key]}
                    selected={filters[key] ?? []}
                    labelOf={labelOf(key)}
                    onChange={(values) => setFacet(key, values)}
                  />
                ))}
                {!first.facetsExact && (
                  <Text size="xs" c="dimmed" data-testid="facets-sampled">
                    Counts are from the first {SAMPLE_TEXT} matches; add words or filters for exact counts.
                  </Text>
                )}
              </>
            ) : (
              <Text size="sm" c="dimmed">
                Filters appear with the results.
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="md" aria-busy={search.isFetching}>
            {search.isPending ? (
              <LoadingState label="Searching partners…" />
            ) : search.isError && !search.data ? (
              <SearchError error={search.error} />
            ) : (
              <>
                <Group justify="space-between" align="center" gap="xs">
                  <Group gap="xs">
                    <Text fw={600} aria-live="polite" data-testid="result-total">
                      {resultTotal(first)}
                    </Text>
                    {search.isPlaceholderData && (
                      <Loader size="xs" role="status" aria-label="Updating results" />
                    )}
                  </Group>
                  {chosen.length > 0 && (
                    <Anchor component="button" type="button" size="sm" onClick={clearFacets}>
                      Clear all filters
                    </Anchor>
                  )}
                </Group>
                {chosen.length > 0 && items.length > 0 && <Group gap="xs">{filterChips}</Group>}
                {search.isError && <SearchError error={search.error} />}
                {items.length === 0 ? (
                  <EmptyResults
                    filters={filters}
                    chips={filterChips}
                    onClearFacets={clearFacets}
                    onClearWords={() => onFiltersChange({ ...filters, q: undefined })}
                  />
                ) : (
                  <Stack gap="sm" component="section" aria-label="Results">
                    {items.map((r) => (
                      <ResultCard key={r.organizationId} result={r} typeName={typeName} linkTo={source} />
                    ))}
                  </Stack>
                )}
                {items.length > 0 && (
                  <LoadMore
                    hasNextPage={search.hasNextPage}
                    isFetchingNextPage={search.isFetchingNextPage}
                    fetchNextPage={search.fetchNextPage}
                    shown={items.length}
                    noun={items.length === 1 ? 'partner' : 'partners'}
                  />
                )}
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function EmptyResults({
  filters,
  chips,
  onClearFacets,
  onClearWords,
}: {
  filters: MarketplaceFilters;
  chips: ReactNode[];
  onClearFacets: () => void;
  onClearWords: () => void;
}) {
  const narrowed = hasFacetFilters(filters);
  return (
    <Stack align="center" gap="sm" py="xl" ta="center">
      <IconSearchOff size={40} color="var(--mantine-color-dimmed)" aria-hidden />
      <Title order={2} size="h4">
        No partners found
      </Title>
      {narrowed ? (
        <>
          <Text c="dimmed" size="sm">
            {filters.q
              ? `No partner matches “${filters.q}” with all of these filters. Remove one to widen the search:`
              : 'No partner matches all of these filters. Remove one to widen the search:'}
          </Text>
          <Group gap="xs" justify="center">
            {chips}
          </Group>
          <Anchor component="button" type="button" size="sm" onClick={onClearFacets}>
            Remove all filters
          </Anchor>
        </>
      ) : filters.q ? (
        <Text c="dimmed" size="sm">
          Nothing matches “{filters.q}”. Try other or fewer words, or{' '}
          <Anchor component="button" type="button" size="sm" onClick={onClearWords}>
            show every partner
          </Anchor>
          .
        </Text>
      ) : (
        <Text c="dimmed" size="sm">
          No partner has published a profile yet.
        </Text>
      )}
    </Stack>
  );
}

function SearchError({ error }: { error: unknown }) {
  if (isApiError(error, 429)) {
    const wait = error.retryAfterSeconds;
    return (
      <Alert color="yellow" icon={<IconAlertCircle />} title="Too many searches" role="alert">
        There were too many searches from your address.{' '}
        {wait
          ? `Please try again in ${wait < 60 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`}.`
          : 'Please try again shortly.'}
      </Alert>
    );
  }
  return <ErrorAlert error={error} title="The search failed" />;
}
