// CSV with exactly the figures of the JSON (metrics.md): one long table of
// `section, item, series, value, unit, reason`. Money is written in major
// units of the reporting currency (the JSON's minor units, divided exactly),
// rates as fractions; a figure that cannot be computed has an empty value and
// its reason.
import { stringify } from 'csv-stringify/sync';
import type {
  CoverageReport,
  Figure,
  IntegrationReport,
  NetworkReport,
  Overview,
  PipelineReport,
  ReferralReport,
  RevenueReport,
  Scorecard,
} from '@partnergraph/shared/contracts/analytics';
import { currencyDigits } from '@partnergraph/shared/money-format';

type Row = [section: string, item: string, series: string, value: string, unit: string, reason: string];

/** Minor units as an exact decimal string: 123456 with 2 digits → "1234.56". */
export function majorUnits(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (!digits) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/**
 * Names come from partners (organization, integration and customer names): a
 * cell that a spreadsheet would read as a formula is prefixed with an
 * apostrophe (OWASP's advice on CSV injection), so opening the file runs nothing.
 */
export const safeText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

class Sheet {
  rows: Row[] = [];
  constructor(private currency: string) {}
  money(section: string, item: string, series: string, f: Figure | number) {
    const fig = typeof f === 'number' ? { value: f } : f;
    this.rows.push([
      section,
      item,
      series,
      fig.value === null ? '' : majorUnits(fig.value, this.currency),
      this.currency,
      fig.reason ?? '',
    ]);
  }
  num(section: string, item: string, series: string, f: Figure | number, unit: string) {
    const fig = typeof f === 'number' ? { value: f } : f;
    this.rows.push([
      section,
      item,
      series,
      fig.value === null ? '' : String(fig.value),
      unit,
      fig.reason ?? '',
    ]);
  }
  text(section: string, item: string, series: string, v: string) {
    this.rows.push([section, item, series, v, 'text', '']);
  }
  render(section?: string) {
    const rows = (section ? this.rows.filter((r) => r[0] === section) : this.rows).map(
      ([sec, item, series, ...rest]) => [sec, safeText(item), safeText(series), ...rest],
    );
    return stringify([['section', 'item', 'series', 'value', 'unit', 'reason'], ...rows]);
  }
}

export function overviewCsv(o: Overview, section?: string) {
  const s = new Sheet(o.period.currency);
  for (const h of o.headlines) {
    for (const [series, f] of [
      ['current', h.current],
      ['previous', h.previous],
    ] as const) {
      if (h.unit === 'money') s.money('headlines', h.label, series, f);
      else s.num('headlines', h.label, series, f, h.unit);
    }
  }
  for (const t of o.trend) {
    s.money('trend', t.month, 'sourced', t.sourced);
    s.money('trend', t.month, 'influenced', t.influenced);
    s.money('trend', t.month, 'touched', t.touched);
    s.money('trend', t.month, 'pipeline', t.pipeline);
  }
  return s.render(section);
}

const totalRows = (s: Sheet, section: string, item: string, t: RevenueReport['totals']) => {
  s.money(section, item, 'all_won', t.allWon);
  s.num(section, item, 'won_deals', t.wonDeals, 'count');
  s.money(section, item, 'sourced', t.sourced);
  s.money(section, item, 'influenced', t.influenced);
  s.money(section, item, 'touched', t.touched);
  s.money(section, item, 'vendor_direct', t.vendorDirect);
  s.num(section, item, 'ecosystem_share', t.ecosystemShare, 'rate');
};

export function revenueCsv(r: RevenueReport, section?: string) {
  const s = new Sheet(r.period.currency);
  totalRows(s, 'totals', 'period', r.totals);
  for (const t of r.sourcedByType) s.money('sourced_by_type', t.partnerTypeName, t.partnerType, t.amount);
  for (const q of r.quarters) {
    totalRows(s, 'quarters', q.label, q.totals);
    for (const b of q.byType) s.money('quarters_by_type', q.label, b.partnerType, b.amount);
  }
  for (const p of r.partners) {
    s.money('partners', p.name, `sourced_credit_${r.model}`, p.sourcedCredit);
    s.money('partners', p.name, `influence_credit_${r.model}`, p.influenceCredit);
    s.num('partners', p.name, 'deals', p.deals, 'count');
  }
  return s.render(section);
}

export function pipelineCsv(p: PipelineReport, section?: string) {
  const s = new Sheet(p.period.currency);
  s.money('headline', p.at, 'pipeline', p.pipeline);
  s.num('headline', p.at, 'open_deals', p.openDeals, 'count');
  for (const t of p.byType) {
    s.money('by_type', t.partnerTypeName, 'pipeline', t.amount);
    s.num('by_type', t.partnerTypeName, 'open_deals', t.deals, 'count');
  }
  for (const pt of p.series) {
    s.money('series', pt.at, 'pipeline', pt.pipeline);
    s.num('series', pt.at, 'open_deals', pt.openDeals, 'count');
  }
  return s.render(section);
}

export function referralsCsv(r: ReferralReport, section?: string) {
  const s = new Sheet(r.period.currency);
  s.num('status', 'total', '', r.total, 'count');
  for (const b of r.byStatus) s.num('status', b.status, '', b.count, 'count');
  for (const o of r.convertedOutcomes) s.num('converted_outcomes', o.outcome, '', o.count, 'count');
  for (const c of r.matrix.cells) s.num('matrix', c.referrerType, c.recipientType, c.count, 'count');
  for (const f of r.funnel) s.num('funnel', f.stage, '', f.count, 'count');
  s.num('rates', 'acceptance_rate', '', r.acceptanceRate, 'rate');
  s.num('rates', 'conversion_rate', '', r.conversionRate, 'rate');
  s.money('revenue', 'referral_sourced_revenue', '', r.referralSourcedRevenue);
  s.money('revenue', 'fees_owed', '', r.feesOwed);
  s.num('apart', 'to_vendor', '', r.apart.toVendor, 'count');
  s.num('apart', 'locator_leads', '', r.apart.locatorLeads, 'count');
  return s.render(section);
}

export function coverageCsv(c: CoverageReport, section?: string) {
  const s = new Sheet(c.period.currency);
  for (const axis of ['cells', 'countries', 'industries'] as const) {
    s.num('summary', axis, 'direct', c.direct[axis], 'count');
    s.num('summary', axis, 'combined', c.combined[axis], 'count');
    s.num('summary', axis, c.label, c.multiplier[axis], c.label === 'multiplier' ? 'ratio' : 'count');
  }
  s.num('summary', 'active_partners', '', c.activePartners, 'count');
  for (const k of c.countries)
    s.num('countries', k.country, k.direct ? 'direct' : 'partners_only', k.partners, 'partners');
  for (const k of c.cells)
    s.num(
      'cells',
      `${k.country} ${k.industry}`,
      k.direct ? 'direct' : 'partners_only',
      k.partners,
      'partners',
    );
  for (const g of c.gaps) s.text('gaps', `${g.country} ${g.industry}`, '', 'no partner');
  return s.render(section);
}

export function integrationsCsv(r: IntegrationReport, section?: string) {
  const s = new Sheet(r.period.currency);
  s.num('summary', 'won_deals', '', r.wonDeals, 'count');
  s.num('summary', 'won_with_integration', '', r.wonWithIntegration, 'count');
  s.num('summary', 'deal_share', 'a', r.dealShare, 'rate');
  s.num('summary', 'customers', '', r.customers, 'count');
  s.num('summary', 'customers_with_install', '', r.customersWithInstall, 'count');
  s.num('summary', 'customer_share', 'b', r.customerShare, 'rate');
  s.money('summary', 'revenue', 'c', r.revenue);
  for (const i of r.byIntegration) {
    s.num('by_integration', i.name, 'installs', i.installs, 'count');
    s.num('by_integration', i.name, 'customers_with_won_deal', i.customersWithWonDeal, 'count');
  }
  return s.render(section);
}

export function networkCsv(n: NetworkReport, section?: string) {
  const s = new Sheet(n.period.currency);
  s.num('summary', 'nodes', '', n.nodes, 'count');
  s.num('summary', 'edges', '', n.edges, 'count');
  s.num('summary', 'participation_rate', '', n.participationRate, 'rate');
  s.num('summary', 'density', '', n.density, 'ratio');
  s.num('summary', 'network_revenue_share', '', n.networkRevenueShare, 'rate');
  for (const m of n.series) {
    s.num('series', m.month, 'participation_rate', m.participationRate, 'rate');
    s.num('series', m.month, 'density', m.density, 'ratio');
    s.num('series', m.month, 'network_revenue_share', m.networkRevenueShare, 'rate');
  }
  for (const c of n.connectors) {
    s.num('connectors', c.name, 'pagerank', c.pagerank, 'score');
    s.num('connectors', c.name, 'degree', c.degree, 'count');
    s.num('connectors', c.name, 'cluster', c.cluster, 'id');
    if (c.betweenness !== undefined) s.num('connectors', c.name, 'betweenness', c.betweenness, 'score');
  }
  for (const c of n.graph?.clusters ?? [])
    s.num('clusters', `cluster ${c.id}`, c.topPartner, c.size, 'partners');
  for (const g of n.graph?.nodes ?? []) {
    s.num('graph_nodes', g.name, 'pagerank', g.pagerank, 'score');
    s.num('graph_nodes', g.name, 'degree', g.degree, 'count');
    s.num('graph_nodes', g.name, 'cluster', g.cluster, 'id');
  }
  return s.render(section);
}

export function scorecardCsv(c: Scorecard, section?: string) {
  const s = new Sheet(c.period.currency);
  s.money('revenue', 'sourced', c.model, c.revenue.sourced);
  s.money('revenue', 'influence_credit', c.model, c.revenue.influenceCredit);
  s.num('revenue', 'won_deals', '', c.revenue.wonDeals, 'count');
  s.money('pipeline', c.pipeline.at, 'pipeline', c.pipeline.value);
  s.num('pipeline', c.pipeline.at, 'open_deals', c.pipeline.openDeals, 'count');
  s.num('referrals', 'sent', '', c.referrals.sent, 'count');
  s.num('referrals', 'received', '', c.referrals.received, 'count');
  s.num('referrals', 'acceptance_rate', '', c.referrals.acceptanceRate, 'rate');
  s.num('referrals', 'conversion_rate', '', c.referrals.conversionRate, 'rate');
  s.money('referrals', 'fees_earned', '', c.referrals.feesEarned);
  s.num('leads', 'offered', '', c.leads.offered, 'count');
  s.num('leads', 'accepted', '', c.leads.accepted, 'count');
  s.num('leads', 'acceptance_rate', '', c.leads.acceptanceRate, 'rate');
  s.num('engagement', 'score', '', c.engagement.score, 'points');
  for (const a of c.engagement.activities) s.num('engagement', a.label, 'count', a.count, 'count');
  s.num('enablement', 'certified_people', '', c.enablement.certifiedPeople, 'count');
  for (const t of c.enablement.certifiedByType)
    s.num('enablement', 'certified_people', t.name, t.people, 'count');
  s.num('enablement', 'completion_rate', '', c.enablement.completionRate, 'rate');
  s.num('enablement', 'content_views', '', c.enablement.contentViews, 'count');
  s.num('enablement', 'content_downloads', '', c.enablement.contentDownloads, 'count');
  if (c.mapping) {
    if (c.mapping.openAccountsWithOverlap !== null)
      s.num('mapping', 'open_accounts_with_overlap', '', c.mapping.openAccountsWithOverlap, 'count');
    s.money('mapping', 'open_pipeline_with_overlap', '', c.mapping.openPipelineWithOverlap);
  }
  s.num('health', 'score', '', c.health.score, 'score');
  s.num('health', 'attainment', '', c.health.attainment, 'rate');
  s.num(
    'health',
    'engagement_percentile',
    '',
    { value: c.health.engagementPercentile, reason: c.health.engagementPercentileReason },
    'rate',
  );
  s.num('health', 'recency', '', c.health.recency, 'score');
  for (const t of c.tiers) s.num('tiers', t.programName, t.targetTier ?? '', t.attainment, 'rate');
  for (const b of c.benchmarks) {
    for (const [series, figure] of [
      ['you', b.you] as const,
      ...b.bands.map((x) => [x.key, x.value] as const),
    ]) {
      if (b.money) s.money('benchmarks', b.label, series, figure);
      else s.num('benchmarks', b.label, series, figure, 'value');
    }
  }
  return s.render(section);
}
