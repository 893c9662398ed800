import { describe, expect, it } from 'vitest';
import { route, ruleWarnings, type PartnerFacts, type RoutingRule } from './routing';

const rule = (id: string, position: number, extra: Partial<RoutingRule> = {}): RoutingRule => ({
  id,
  name: `Rule ${id}`,
  position,
  enabled: true,
  match: { countries: [], industries: [], products: [], sizes: [], ...extra.match },
  partners: {
    types: [],
    tiers: [],
    specializations: [],
    servesLeadCountry: true,
    maxOpenLeads: null,
    minAcceptanceRate: null,
    minConversionRate: null,
    certifications: [],
    ...extra.partners,
  },
  strategy: extra.strategy ?? 'round_robin',
  tierWeights: extra.tierWeights ?? {},
  deadlineHours: 48,
});

const partner = (name: string, extra: Partial<PartnerFacts> = {}): PartnerFacts => ({
  organizationId: name.toLowerCase(),
  name,
  types: ['reseller'],
  tiers: [],
  specializations: [],
  countries: ['DE', 'FR'],
  openLeads: 0,
  acceptanceRate: null,
  conversionRate: null,
  assignedByRule: {},
  certified: {},
  ...extra,
});

const lead = { country: 'DE', industry: '51', size: '51-200', products: ['Backup'] };

describe('routing', () => {
  it('skips rules that miss the lead, with the reason, and explains the pick', () => {
    const rules = [rule('fr', 1, { match: { countries: ['FR'] } as never }), rule('de', 2)];
    const d = route(lead, rules, [partner('Alpha'), partner('Beta')]);
    expect(d.rule?.id).toBe('de');
    expect(d.explanation.skippedRules).toEqual([
      { id: 'fr', name: 'Rule fr', why: 'the lead’s country DE is not one of FR' },
    ]);
    expect(d.explanation.candidates.map((c) => c.eligible)).toEqual([true, true]);
    expect(d.chosen?.name).toBe('Alpha');
  });

  it('gives leads in proportion to tier weights over time', () => {
    const r = rule('rr', 1, { tierWeights: { Gold: 3 } });
    const gold = partner('Gold Co', { tiers: ['Gold'] });
    const silver = partner('Silver Co', { tiers: ['Silver'] });
    const counts: Record<string, number> = { 'gold co': 0, 'silver co': 0 };
    for (let i = 0; i < 8; i++) {
      const d = route(lead, [r], [gold, silver]);
      const c = d.chosen!;
      counts[c.organizationId]!++;
      c.assignedByRule = { rr: (c.assignedByRule.rr ?? 0) + 1 };
    }
    expect(counts).toEqual({ 'gold co': 6, 'silver co': 2 });
  });

  it('says why a partner is not eligible: country, capacity, performance, type', () => {
    const r = rule('x', 1, {
      partners: { types: ['msp'], maxOpenLeads: 2, minAcceptanceRate: 50 } as never,
    });
    const d = route(
      lead,
      [r],
      [
        partner('Busy', { types: ['msp'], openLeads: 2 }),
        partner('Slow', { types: ['msp'], acceptanceRate: 0.25 }),
        partner('Far', { types: ['msp'], countries: ['US'] }),
        partner('Wrong', { types: ['reseller'] }),
        partner('Fresh', { types: ['msp'] }),
      ],
    );
    const why = Object.fromEntries(d.explanation.candidates.map((c) => [c.name, c.reasons.join('; ')]));
    expect(why.Busy).toBe('at capacity: 2 open leads (limit 2)');
    expect(why.Slow).toBe('acceptance rate 25% is under 50%');
    expect(why.Far).toBe('does not list DE among the countries it serves');
    expect(why.Wrong).toBe('partner type reseller is not one of msp');
    expect(d.chosen?.name).toBe('Fresh');
  });

  it('asks for certified people: a partner with too few is not eligible, and both say how many', () => {
    const r = rule('c', 1, {
      partners: { certifications: [{ code: 'cloud-arch', atLeast: 2 }] } as never,
    });
    const d = route(
      lead,
      [r],
      [
        partner('One', { certified: { 'cloud-arch': 1 } }),
        partner('None'),
        partner('Two', { certified: { 'cloud-arch': 2, 'sales-pro': 5 } }),
      ],
    );
    const why = Object.fromEntries(d.explanation.candidates.map((c) => [c.name, c.reasons.join('; ')]));
    expect(why.One).toBe('has 1 person certified in cloud-arch, needs ≥ 2');
    expect(why.None).toBe('has 0 people certified in cloud-arch, needs ≥ 2');
    expect(why.Two).toBe('2 people certified in cloud-arch (needs ≥ 2); serves DE');
    expect(d.chosen?.name).toBe('Two');
    // Nobody certified at all: the rule is flagged when saved.
    expect(ruleWarnings(r, [r], [partner('None')], []).map((w) => w.kind)).toEqual(['no_partner']);
  });

  it('falls through to the next rule when nobody is eligible, and leaves out who already had the lead', () => {
    const rules = [rule('a', 1, { partners: { tiers: ['Gold'] } as never }), rule('b', 2)];
    const d = route(lead, rules, [partner('Alpha'), partner('Beta')], new Set(['alpha']));
    expect(d.rule?.id).toBe('b');
    expect(d.explanation.skippedRules[0]!.why).toBe('matched, but no partner was eligible');
    expect(d.explanation.candidates.find((c) => c.name === 'Alpha')!.reasons).toEqual([
      'already had this lead',
    ]);
    expect(d.chosen?.name).toBe('Beta');
  });

  it('by score picks the best record; by hand leaves the lead to the vendor', () => {
    const scored = route(
      lead,
      [rule('s', 1, { strategy: 'score' })],
      [
        partner('Low', { acceptanceRate: 0.2, conversionRate: 0.2 }),
        partner('High', { acceptanceRate: 1, conversionRate: 0.6 }),
      ],
    );
    expect(scored.chosen?.name).toBe('High');
    expect(scored.explanation.chosen?.why).toContain('0.8');
    const byHand = route(lead, [rule('h', 1, { strategy: 'by_hand' })], [partner('Any')]);
    expect(byHand.chosen).toBeNull();
    expect(byHand.explanation.strategy).toBe('by_hand');
  });

  it('flags a rule shadowed by a higher one, and one no partner can meet', () => {
    const broad = rule('broad', 1, { match: { countries: ['DE', 'FR'] } as never });
    const narrow = rule('narrow', 2, { match: { countries: ['DE'], industries: ['51'] } as never });
    const gold = rule('gold', 3, { partners: { tiers: ['Platinum'] } as never });
    const ps = [partner('Alpha', { tiers: ['Gold'] })];
    expect(ruleWarnings(narrow, [broad, narrow], ps, ['Gold']).map((w) => [w.kind, w.ruleId])).toEqual([
      ['shadowed', 'broad'],
    ]);
    expect(ruleWarnings(broad, [broad, narrow], ps, ['Gold'])).toEqual([]);
    expect(ruleWarnings(gold, [gold], ps, ['Gold']).map((w) => w.kind)).toEqual(['never_matches']);
    const msp = rule('msp', 1, { partners: { types: ['msp'] } as never });
    expect(ruleWarnings(msp, [msp], ps, ['Gold']).map((w) => w.kind)).toEqual(['no_partner']);
  });
});
