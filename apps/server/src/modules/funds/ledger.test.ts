import { describe, expect, it } from 'vitest';
import type { EntrySource, EntryState } from '@partnergraph/shared/contracts/funds';
import { accrual, assertBalanced, balancesOf, transition, type EntryMoney, type Posting } from './ledger';

/** mulberry32: a small seeded generator, so a failing sequence replays from its seed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sources: EntrySource[] = ['referral_fee', 'rebate', 'spiff', 'mdf_claim', 'clawback', 'adjustment'];

/** Plays a random sequence of ledger events and returns the books and the entries' final states. */
function play(seed: number, steps: number) {
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const entries: EntryMoney[] = [];
  const postings: Posting[] = [];
  for (let i = 0; i < steps; i++) {
    const roll = rand();
    if (roll < 0.35 || entries.length === 0) {
      const source = pick(sources);
      // Odd amounts of up to a million dollars, in cents; clawbacks and some adjustments are negative.
      const magnitude = 1 + Math.floor(rand() * 100_000_000);
      const amount =
        source === 'clawback' || (source === 'adjustment' && rand() < 0.5) ? -magnitude : magnitude;
      const entry: EntryMoney = { amount, source, state: 'accrued' };
      postings.push(...accrual(entry));
      entries.push(entry);
      continue;
    }
    const entry = pick(entries);
    const to: EntryState = roll < 0.6 ? 'approved' : roll < 0.8 ? 'paid' : 'reversed';
    const allowed =
      entry.state !== 'reversed' &&
      (to === 'reversed'
        ? entry.state !== 'paid'
        : (to === 'approved' && entry.state === 'accrued') || (to === 'paid' && entry.state === 'approved'));
    if (!allowed) {
      expect(() => transition(entry, to)).toThrow();
      continue;
    }
    postings.push(...transition(entry, to));
    entry.state = to;
  }
  return { entries, postings };
}

const sumIn = (entries: EntryMoney[], state: EntryState) =>
  entries.filter((e) => e.state === state).reduce((s, e) => s + e.amount, 0);

describe('the partner ledger', () => {
  it('balances to the cent over random event sequences, and each account holds exactly its entries', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { entries, postings } = play(seed, 1 + (seed % 120));
      expect(() => assertBalanced(postings)).not.toThrow();
      const b = balancesOf(postings);
      expect(b.accrued + b.approved + b.paid + b.incentive_expense + b.mdf_expense).toBe(0);
      // Liabilities are credit balances: the partner is owed what sits in accrued and approved.
      expect(0 - b.accrued).toBe(sumIn(entries, 'accrued'));
      expect(0 - b.approved).toBe(sumIn(entries, 'approved'));
      expect(0 - b.paid).toBe(sumIn(entries, 'paid'));
      const live = entries.filter((e) => e.state !== 'reversed');
      expect(b.mdf_expense).toBe(
        live.filter((e) => e.source === 'mdf_claim').reduce((s, e) => s + e.amount, 0),
      );
      expect(b.incentive_expense).toBe(
        live.filter((e) => e.source !== 'mdf_claim').reduce((s, e) => s + e.amount, 0),
      );
    }
  });

  it('refuses moves the life cycle forbids', () => {
    const paid: EntryMoney = { amount: 500, source: 'spiff', state: 'paid' };
    expect(() => transition(paid, 'reversed')).toThrow(/clawed back/);
    expect(() => transition({ amount: 500, source: 'spiff', state: 'accrued' }, 'paid')).toThrow();
    expect(() => accrual({ amount: 0, source: 'rebate' })).toThrow();
  });

  it('a clawback books the other way round', () => {
    expect(accrual({ amount: -1250, source: 'clawback' })).toEqual([
      { debit: 'accrued', credit: 'incentive_expense', amount: 1250, kind: 'accrue' },
    ]);
  });
});
