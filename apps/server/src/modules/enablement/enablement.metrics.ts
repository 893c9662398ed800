import { registerMetricProvider, type MetricProvider } from '../programs/metrics';
import { countCertifiedPeople } from './certifications.repository';

/**
 * Certified users: the organization's active people holding a certification in force on the day of
 * the evaluation (issued, not expired, not revoked), each counted once whatever they hold. The
 * window does not apply: a certification counts while it is valid.
 */
const certifiedUsers: MetricProvider = (q, ctx) =>
  countCertifiedPeople(q, ctx.organizationId, ctx.now.toISOString().slice(0, 10));

export function registerEnablementMetrics() {
  registerMetricProvider('certified_users', certifiedUsers);
}
