import { sql } from 'drizzle-orm';
import { inWindow, registerEngagementSource } from '../analytics/engagement';
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
  registerEnablementEngagement();
}

/**
 * Enablement's part of the engagement score (metrics.md): lessons completed by the organization's
 * people, and certifications earned, dated by their issue day (an old certificate imported today is
 * not recent activity) and not revoked. Counted for the person's organization at the time of the
 * activity, as certifications record it; a lesson by the person's current organization.
 */
function registerEnablementEngagement() {
  registerEngagementSource(
    'lessonCompleted',
    (from, to) => sql`select u.organization_id as org, count(*) as n, max(lc.completed_at) as last_at
      from lesson_completions lc join users u on u.id = lc.user_id
      where ${inWindow(sql`lc.completed_at`, from, to)} group by 1`,
    (from, to) => sql`select lc.user_id as usr, count(*) as n from lesson_completions lc
      where ${inWindow(sql`lc.completed_at`, from, to)} group by 1`,
  );
  registerEngagementSource(
    'certificationEarned',
    (from, to) => sql`select organization_id as org, count(*) as n, max(issued_on::timestamptz) as last_at
      from certifications where revoked_at is null and ${inWindow(sql`issued_on::timestamptz`, from, to)} group by 1`,
    (from, to) => sql`select user_id as usr, count(*) as n from certifications
      where revoked_at is null and ${inWindow(sql`issued_on::timestamptz`, from, to)} group by 1`,
  );
}
