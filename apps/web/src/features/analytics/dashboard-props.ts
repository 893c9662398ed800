import type { AnalyticsParams } from '../../api/analytics';

/** What every dashboard page takes from its route: the filters in the URL and a way to change them. */
export interface DashboardProps {
  params: AnalyticsParams;
  onParamsChange: (next: AnalyticsParams) => void;
}
