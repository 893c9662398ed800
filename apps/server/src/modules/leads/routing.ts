import type {
  LeadRuleMatch,
  LeadRulePartners,
  RoutingExplanation,
} from '@partnergraph/shared/contracts/leads';
import type { leadRoutingStrategies } from '@partnergraph/shared/lead-codes';

// The routing engine: pure, so that a rule's preview, a lead's routing and the
// pullback's next pick are the same computation over the same facts, and each
// answer carries its explanation (in the style of the tier engine's).

export interface RoutableLead {
  country: string;
  industry: string | null;
  size: string | null;
  products: string[];
}

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  match: LeadRuleMatch;
  partners: LeadRulePartners;
  strategy: (typeof leadRoutingStrategies)[number];
  tierWeights: Record<string, number>;
  deadlineHours: number;
}

/** What routing knows of a partner: its published profile, its tiers and its record with leads. */
export interface PartnerFacts {
  organizationId: string;
  name: string;
  types: string[];
  tiers: string[];
  specializations: string[];
  countries: string[];
  openLeads: number;
  /** 0..1 over its decided offers; null with none decided. */
  acceptanceRate: number | null;
  /** 0..1 of its accepted leads that became deals; null with none accepted. */
  conversionRate: number | null;
  /** Certified people by certification type code (lower case), as enablement counts them today. */
  certified: Record<string, number>;
  /** Leads each rule already gave it (weighted round robin's memory). */
  assignedByRule: Record<string, number>;
}

export interface RoutingDecision {
  rule: RoutingRule | null;
  chosen: PartnerFacts | null;
  explanation: RoutingExplanation;
}

const list = (xs: readonly string[]) => xs.join(', ');
const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** Why a rule does not match a lead, or null when it does. */
export function whyNoMatch(match: LeadRuleMatch, lead: RoutableLead): string | null {
  if (match.countries.length && !match.countries.includes(lead.country)) {
    return `the lead’s country ${lead.country} is not one of ${list(match.countries)}`;
  }
  if (match.industries.length && !(lead.industry && match.industries.includes(lead.industry))) {
    return lead.industry
      ? `the lead’s industry ${lead.industry} is not one of ${list(match.industries)}`
      : `the lead names no industry (the rule asks for ${list(match.industries)})`;
  }
  if (match.sizes.length && !(lead.size && match.sizes.includes(lead.size as never))) {
    return lead.size
      ? `the company’s size ${lead.size} is not one of ${list(match.sizes)}`
      : `the lead names no company size (the rule asks for ${list(match.sizes)})`;
  }
  if (match.products.length) {
    const wanted = lower(match.products);
    if (!lead.products.some((p) => wanted.has(p.toLowerCase()))) {
      return lead.products.length
        ? `the lead asks for ${list(lead.products)}, none of ${list(match.products)}`
        : `the lead names no product (the rule asks for ${list(match.products)})`;
    }
  }
  return null;
}

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** The partner conditions that do not depend on the lead: types, tiers, specializations, certifications. */
function profileReasons(p: LeadRulePartners, f: PartnerFacts): string[] {
  const fails: string[] = [];
  if (p.types.length && !f.types.some((t) => p.types.includes(t))) {
    fails.push(`partner type ${f.types.length ? list(f.types) : 'none'} is not one of ${list(p.types)}`);
  }
  if (p.tiers.length) {
    const wanted = lower(p.tiers);
    if (!f.tiers.some((t) => wanted.has(t.toLowerCase()))) {
      fails.push(`holds no tier among ${list(p.tiers)}${f.tiers.length ? ` (holds ${list(f.tiers)})` : ''}`);
    }
  }
  if (p.specializations.length) {
    const wanted = lower(p.specializations);
    if (!f.specializations.some((s) => wanted.has(s.toLowerCase()))) {
      fails.push(`publishes no specialization among ${list(p.specializations)}`);
    }
  }
  for (const c of p.certifications) {
    const n = f.certified[c.code] ?? 0;
    if (n < c.atLeast) fails.push(`has ${people(n)} certified in ${c.code}, needs ≥ ${c.atLeast}`);
  }
  return fails;
}

/** Eligibility of one partner for one lead under one rule, with every reason either way. */
export function eligibility(
  rule: RoutingRule,
  lead: RoutableLead,
  f: PartnerFacts,
): { eligible: boolean; reasons: string[] } {
  const p = rule.partners;
  const fails = profileReasons(p, f);
  if (p.servesLeadCountry && !f.countries.includes(lead.country)) {
    fails.push(`does not list ${lead.country} among the countries it serves`);
  }
  if (p.maxOpenLeads !== null && f.openLeads >= p.maxOpenLeads) {
    fails.push(`at capacity: ${f.openLeads} open leads (limit ${p.maxOpenLeads})`);
  }
  if (
    p.minAcceptanceRate !== null &&
    f.acceptanceRate !== null &&
    f.acceptanceRate * 100 < p.minAcceptanceRate
  ) {
    fails.push(`acceptance rate ${pct(f.acceptanceRate)} is under ${p.minAcceptanceRate}%`);
  }
  if (
    p.minConversionRate !== null &&
    f.conversionRate !== null &&
    f.conversionRate * 100 < p.minConversionRate
  ) {
    fails.push(`conversion rate ${pct(f.conversionRate)} is under ${p.minConversionRate}%`);
  }
  if (rule.strategy === 'round_robin' && weightOf(rule, f) === 0) {
    fails.push('its tier weighs 0 in this rule');
  }
  if (fails.length) return { eligible: false, reasons: fails };
  const ok: string[] = [];
  if (p.types.length) ok.push(`partner type ${list(f.types.filter((t) => p.types.includes(t)))}`);
  if (p.tiers.length) ok.push(`tier ${list(f.tiers.filter((t) => lower(p.tiers).has(t.toLowerCase())))}`);
  if (p.specializations.length) {
    ok.push(
      `specializes in ${list(f.specializations.filter((s) => lower(p.specializations).has(s.toLowerCase())))}`,
    );
  }
  for (const c of p.certifications) {
    ok.push(`${people(f.certified[c.code] ?? 0)} certified in ${c.code} (needs ≥ ${c.atLeast})`);
  }
  if (p.servesLeadCountry) ok.push(`serves ${lead.country}`);
  if (p.maxOpenLeads !== null) ok.push(`${f.openLeads} of ${p.maxOpenLeads} open leads`);
  if (p.minAcceptanceRate !== null) {
    ok.push(f.acceptanceRate === null ? 'no decided leads yet' : `acceptance ${pct(f.acceptanceRate)}`);
  }
  if (p.minConversionRate !== null) {
    ok.push(f.conversionRate === null ? 'no accepted leads yet' : `conversion ${pct(f.conversionRate)}`);
  }
  if (!ok.length) ok.push('the rule sets no partner conditions');
  return { eligible: true, reasons: ok };
}

/** A partner's weight: the highest weight among the tiers it holds that the rule lists, else 1. */
export function weightOf(rule: RoutingRule, f: PartnerFacts): number {
  const weights = Object.entries(rule.tierWeights).map(([k, v]) => [k.toLowerCase(), v] as const);
  let best: number | null = null;
  for (const t of f.tiers) {
    const w = weights.find(([k]) => k === t.toLowerCase());
    if (w && (best === null || w[1] > best)) best = w[1];
  }
  return best ?? 1;
}

/** Acceptance and conversion, equally weighted; a partner with no record counts as halfway. */
export function scoreOf(f: PartnerFacts): number {
  const a = f.acceptanceRate ?? 0.5;
  const c = f.conversionRate ?? 0.5;
  return Math.round((a * 0.5 + c * 0.5) * 1000) / 1000;
}

const byName = (a: PartnerFacts, b: PartnerFacts) =>
  a.name.localeCompare(b.name) || a.organizationId.localeCompare(b.organizationId);

/**
 * Weighted round robin without a pointer to keep: the partner that has received
 * the fewest of this rule's leads for its weight goes next, so over time each
 * receives leads in proportion to its weight (ties: the heavier, then by name).
 */
function pickRoundRobin(rule: RoutingRule, eligible: PartnerFacts[]) {
  const load = (f: PartnerFacts) => (f.assignedByRule[rule.id] ?? 0) / weightOf(rule, f);
  const sorted = [...eligible].sort(
    (a, b) => load(a) - load(b) || weightOf(rule, b) - weightOf(rule, a) || byName(a, b),
  );
  const chosen = sorted[0]!;
  const n = chosen.assignedByRule[rule.id] ?? 0;
  const w = weightOf(rule, chosen);
  return {
    chosen,
    why:
      eligible.length === 1
        ? 'the only eligible partner'
        : `weighted round robin: it had ${n} of this rule’s leads for a weight of ${w}, the fewest per unit of weight`,
  };
}

function pickByScore(eligible: PartnerFacts[]) {
  const sorted = [...eligible].sort(
    (a, b) => scoreOf(b) - scoreOf(a) || a.openLeads - b.openLeads || byName(a, b),
  );
  const chosen = sorted[0]!;
  return {
    chosen,
    why:
      eligible.length === 1
        ? 'the only eligible partner'
        : `the best score, ${scoreOf(chosen)} (half acceptance rate, half conversion rate; no record counts 0.5)`,
  };
}

/**
 * Routes a lead: rules in order; a disabled rule or one whose conditions miss
 * the lead is skipped with the reason; a matching rule whose partners are all
 * ineligible (or excluded: they already had this lead) lets the next rule try;
 * a matching "by hand" rule leaves the lead to the vendor.
 */
export function route(
  lead: RoutableLead,
  rules: RoutingRule[],
  partners: PartnerFacts[],
  exclude: ReadonlySet<string> = new Set(),
): RoutingDecision {
  const skipped: RoutingExplanation['skippedRules'] = [];
  const ordered = [...rules].sort((a, b) => a.position - b.position);
  for (const rule of ordered) {
    if (!rule.enabled) {
      skipped.push({ id: rule.id, name: rule.name, why: 'disabled' });
      continue;
    }
    const miss = whyNoMatch(rule.match, lead);
    if (miss) {
      skipped.push({ id: rule.id, name: rule.name, why: miss });
      continue;
    }
    const ruleRef = { id: rule.id, name: rule.name, position: rule.position };
    if (rule.strategy === 'by_hand') {
      return {
        rule,
        chosen: null,
        explanation: {
          summary: `Rule ${rule.position} “${rule.name}” matched: the vendor assigns these leads by hand`,
          rule: ruleRef,
          strategy: 'by_hand',
          skippedRules: skipped,
          candidates: [],
          chosen: null,
        },
      };
    }
    const candidates = [...partners].sort(byName).map((f) => {
      const e = exclude.has(f.organizationId)
        ? { eligible: false, reasons: ['already had this lead'] }
        : eligibility(rule, lead, f);
      return {
        facts: f,
        explained: {
          organizationId: f.organizationId,
          name: f.name,
          eligible: e.eligible,
          reasons: e.reasons,
          weight: rule.strategy === 'round_robin' ? weightOf(rule, f) : null,
          score: rule.strategy === 'score' ? scoreOf(f) : null,
          openLeads: f.openLeads,
          assignedByRule: f.assignedByRule[rule.id] ?? 0,
        },
      };
    });
    const eligible = candidates.filter((c) => c.explained.eligible).map((c) => c.facts);
    if (!eligible.length) {
      skipped.push({ id: rule.id, name: rule.name, why: 'matched, but no partner was eligible' });
      continue;
    }
    const pick = rule.strategy === 'score' ? pickByScore(eligible) : pickRoundRobin(rule, eligible);
    return {
      rule,
      chosen: pick.chosen,
      explanation: {
        summary: `Rule ${rule.position} “${rule.name}” matched; ${eligible.length} of ${partners.length} partners were eligible; ${pick.chosen.name} was chosen (${pick.why})`,
        rule: ruleRef,
        strategy: rule.strategy,
        skippedRules: skipped,
        candidates: candidates.map((c) => c.explained),
        chosen: { organizationId: pick.chosen.organizationId, name: pick.chosen.name, why: pick.why },
      },
    };
  }
  return {
    rule: null,
    chosen: null,
    explanation: {
      summary: ordered.length
        ? 'No rule matched with an eligible partner: the lead waits in the vendor’s queue'
        : 'There are no routing rules: the lead waits in the vendor’s queue',
      rule: null,
      strategy: null,
      skippedRules: skipped,
      candidates: [],
      chosen: null,
    },
  };
}

/** True when every lead `inner` matches is matched by `outer` too. */
function covers(outer: LeadRuleMatch, inner: LeadRuleMatch): boolean {
  const sub = (o: readonly string[], i: readonly string[], fold = false) => {
    if (!o.length) return true;
    if (!i.length) return false;
    const set = fold ? lower(o) : new Set(o);
    return i.every((x) => set.has(fold ? x.toLowerCase() : x));
  };
  return (
    sub(outer.countries, inner.countries) &&
    sub(outer.industries, inner.industries) &&
    sub(outer.sizes, inner.sizes) &&
    sub(outer.products, inner.products, true)
  );
}

export interface RuleWarning {
  kind: 'never_matches' | 'shadowed' | 'no_partner';
  message: string;
  ruleId: string | null;
}

/**
 * What is wrong with a rule among the others, flagged when it is saved: tiers
 * no program has, no partner today meeting its partner conditions, or a
 * higher rule that matches every lead it would.
 */
export function ruleWarnings(
  rule: RoutingRule,
  rules: RoutingRule[],
  partners: PartnerFacts[],
  knownTiers: readonly string[],
): RuleWarning[] {
  const out: RuleWarning[] = [];
  const tiers = lower(knownTiers);
  const unknownTiers = rule.partners.tiers.filter((t) => !tiers.has(t.toLowerCase()));
  if (
    rule.strategy !== 'by_hand' &&
    rule.partners.tiers.length &&
    unknownTiers.length === rule.partners.tiers.length
  ) {
    out.push({
      kind: 'never_matches',
      message: `No program has a tier named ${list(unknownTiers)}: no partner can ever receive this rule’s leads`,
      ruleId: null,
    });
  } else if (rule.strategy !== 'by_hand') {
    const anyone = partners.some((f) => {
      if (profileReasons(rule.partners, f).length) return false;
      if (!rule.partners.servesLeadCountry) return true;
      const wanted = rule.match.countries;
      return wanted.length ? wanted.some((c) => f.countries.includes(c)) : f.countries.length > 0;
    });
    if (!anyone) {
      out.push({
        kind: 'no_partner',
        message:
          'No partner today meets this rule’s partner conditions (types, tiers, specializations, certifications, countries served): it can never assign a lead until one does',
        ruleId: null,
      });
    }
    if (unknownTiers.length && unknownTiers.length < rule.partners.tiers.length) {
      out.push({
        kind: 'never_matches',
        message: `No program has a tier named ${list(unknownTiers)}`,
        ruleId: null,
      });
    }
  }
  if (rule.enabled) {
    const higher = rules
      .filter((r) => r.id !== rule.id && r.enabled && r.position < rule.position)
      .sort((a, b) => a.position - b.position)
      .find((r) => covers(r.match, rule.match));
    if (higher) {
      out.push({
        kind: 'shadowed',
        message:
          higher.strategy === 'by_hand'
            ? `Rule ${higher.position} “${higher.name}” matches every lead this rule matches and keeps them for the vendor: this rule never fires`
            : `Rule ${higher.position} “${higher.name}” matches every lead this rule matches: this rule fires only when that one finds no eligible partner`,
        ruleId: higher.id,
      });
    }
  }
  return out;
}
