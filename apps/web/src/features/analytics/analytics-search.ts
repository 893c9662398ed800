import { attributionModels } from '@partnergraph/shared/codes';
import type { AnalyticsParams } from '../../api/analytics';
import { searchDate, searchOneOf, searchText } from '../../components/search-params';

/** Period, filters and attribution model live in the URL: a dashboard can be bookmarked and shared. */
export function parseAnalyticsSearch(search: Record<string, unknown>): AnalyticsParams {
  const country = searchText(search.country)?.toUpperCase();
  const id = (v: unknown) => {
    const s = searchText(v);
    return s && s.length <= 64 ? s : undefined;
  };
  return {
    from: searchDate(search.from),
    to: searchDate(search.to),
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    industry: id(search.industry),
    partnerType: id(search.partnerType),
    programId: id(search.programId),
    tierId: id(search.tierId),
    model: searchOneOf(attributionModels, search.model),
  };
}

export const hasAnalyticsFilters = (p: AnalyticsParams) =>
  Boolean(p.country || p.industry || p.partnerType || p.programId || p.tierId);
