import { describe, expect, it } from 'vitest';
import { allocateBody } from '@partnergraph/shared/contracts/funds';
import { parseMajorAmount } from '../settings/format';
import { bodySchema } from './contract-form';

// The funds forms check what a person typed with the same contract the server applies; each problem
// lands on the input it came from.

interface Values {
  method: 'manual' | 'revenue_share';
  partnerId: string;
  amount: string;
  percent: string;
}
const schema = bodySchema<Values>(
  allocateBody,
  (v) => {
    if (v.method === 'revenue_share') return { body: { method: v.method, percent: v.percent } };
    const parsed = parseMajorAmount(v.amount, 'USD');
    const errors: Record<string, string> = 'error' in parsed ? { amount: parsed.error } : {};
    return {
      body: { method: v.method, partnerId: v.partnerId, amount: 'error' in parsed ? 0 : parsed.minor },
      errors,
    };
  },
  (path) => (path === 'partnerId' ? 'partner' : undefined),
);
const errorsOf = (v: Values) => {
  const r = schema.safeParse(v);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('funds forms checked by the shared contract', () => {
  it('accepts what the server accepts', () => {
    expect(errorsOf({ method: 'revenue_share', partnerId: '', amount: '', percent: '12.5' })).toEqual({});
  });

  it('shows a percent over 100 on the percent input', () => {
    expect(errorsOf({ method: 'revenue_share', partnerId: '', amount: '', percent: '120' })).toEqual({
      percent: 'At most 100',
    });
  });

  it('shows an amount it cannot read on the amount input, once, and a missing partner on the picker', () => {
    const errors = errorsOf({ method: 'manual', partnerId: '', amount: 'ten dollars', percent: '' });
    expect(Object.keys(errors).sort()).toEqual(['amount', 'partner']);
  });
});
