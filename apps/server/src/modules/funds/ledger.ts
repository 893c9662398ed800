import type { EntrySource, EntryState, LedgerAccount } from '@partnergraph/shared/contracts/funds';

// The partner ledger's bookkeeping, pure. An entry is what a partner earned (positive) or gives back
// (a clawback, negative); it moves expense → accrued → approved → paid, or is reversed before payment.
// Each move is one posting: a debit and a credit of the same positive amount. The balances of
// `accrued`, `approved` and `paid` (credit-normal: negative debits-minus-credits) are then exactly the
// sums of the entries in those states, and every currency's accounts sum to zero.

export interface Posting {
  debit: LedgerAccount;
  credit: LedgerAccount;
  amount: number;
  kind: 'accrue' | 'approve' | 'pay' | 'reverse';
}

export interface EntryMoney {
  amount: number;
  source: EntrySource;
  state: EntryState;
}

export const expenseAccount = (source: EntrySource): LedgerAccount =>
  source === 'mdf_claim' ? 'mdf_expense' : 'incentive_expense';

/** Money flowing from `from` to `to` (a credit to `to`); a negative amount flows the other way. */
function move(from: LedgerAccount, to: LedgerAccount, signed: number, kind: Posting['kind']): Posting {
  if (!Number.isSafeInteger(signed) || signed === 0) throw new Error(`A posting needs a non-zero amount`);
  return signed > 0
    ? { debit: from, credit: to, amount: signed, kind }
    : { debit: to, credit: from, amount: -signed, kind };
}

const order: Record<EntryState, number> = { accrued: 0, approved: 1, paid: 2, reversed: -1 };

/** The postings that take an entry from one state to the next; refuses a move the life cycle forbids. */
export function transition(entry: EntryMoney, to: EntryState): Posting[] {
  const expense = expenseAccount(entry.source);
  const a = entry.amount;
  if (entry.state === 'reversed') throw new Error('A reversed entry does not move');
  if (to === 'reversed') {
    if (entry.state === 'paid') throw new Error('A paid entry is clawed back by a new entry, not reversed');
    return entry.state === 'approved'
      ? [move('approved', 'accrued', a, 'reverse'), move('accrued', expense, a, 'reverse')]
      : [move('accrued', expense, a, 'reverse')];
  }
  if (order[to] !== order[entry.state] + 1)
    throw new Error(`An entry moves from ${entry.state} to the next state`);
  return to === 'approved'
    ? [move('accrued', 'approved', a, 'approve')]
    : [move('approved', 'paid', a, 'pay')];
}

/** The posting that books a new entry as accrued. */
export function accrual(entry: Pick<EntryMoney, 'amount' | 'source'>): Posting[] {
  return [move(expenseAccount(entry.source), 'accrued', entry.amount, 'accrue')];
}

export type Balances = Record<LedgerAccount, number>;

/** Debits minus credits per account. */
export function balancesOf(postings: Pick<Posting, 'debit' | 'credit' | 'amount'>[]): Balances {
  const b: Balances = { incentive_expense: 0, mdf_expense: 0, accrued: 0, approved: 0, paid: 0 };
  for (const p of postings) {
    b[p.debit] += p.amount;
    b[p.credit] -= p.amount;
  }
  return b;
}

/** The invariant the books keep: every posting has two sides of one positive amount, and all sum to zero. */
export function assertBalanced(postings: Pick<Posting, 'debit' | 'credit' | 'amount'>[]): void {
  for (const p of postings) {
    if (!(Number.isSafeInteger(p.amount) && p.amount > 0) || p.debit === p.credit) {
      throw new Error('Unbalanced posting');
    }
  }
  const total = Object.values(balancesOf(postings)).reduce((s, v) => s + v, 0);
  if (total !== 0) throw new Error('The books do not balance');
}
