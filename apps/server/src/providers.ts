import { registerEngagement } from './modules/analytics/engagement';
import { registerCommunityEngagement } from './modules/community/community.metrics';
import { registerEnablementMetrics } from './modules/enablement/enablement.metrics';
import { registerDealMetrics } from './modules/deals/deals.metrics';
import { registerLeadMetrics } from './modules/leads/leads.metrics';
import { registerMarketplaceMetrics } from './modules/marketplace/marketplace.metrics';
import { registerProgramMetrics } from './modules/programs/metrics';

/**
 * Where tier rules and the engagement score get their numbers: each module
 * that records a metric or an activity provides it, registered here, where
 * the app is built, rather than as a side effect of importing a routes file
 * (which left a metric unmeasured in any process that built no routes).
 * Registering again replaces a provider by itself: many apps in one process
 * (the tests) are harmless.
 */
export function registerProviders() {
  registerProgramMetrics();
  registerDealMetrics();
  registerMarketplaceMetrics();
  registerEngagement();
  registerCommunityEngagement();
  registerLeadMetrics();
  registerEnablementMetrics();
}
