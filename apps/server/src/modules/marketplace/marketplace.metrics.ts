import { sql } from 'drizzle-orm';
import { registerMetricProvider, type MetricProvider } from '../programs/metrics';

/** Active partner-to-partner connections the organization is a party to, now (the window does not apply). */
const activeConnections: MetricProvider = async (q, ctx) => {
  const result = await q.execute<{ n: number }>(sql`
    select count(*)::int as n from connections
    where status = 'active' and (requester_org_id = ${ctx.organizationId} or recipient_org_id = ${ctx.organizationId})`);
  return result.rows[0]?.n ?? 0;
};

export function registerMarketplaceMetrics() {
  registerMetricProvider('active_connections', activeConnections);
}
