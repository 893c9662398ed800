import { describe, expect, it } from 'vitest';
import { redact } from './redact';

describe('redact', () => {
  it('drops secrets at any depth and keeps the rest', () => {
    const out = redact({
      name: 'a',
      passwordHash: 'x',
      nested: { apiToken: 't', keep: 1, list: [{ secret: 's', ok: true }] },
    });
    expect(out).toEqual({ name: 'a', nested: { keep: 1, list: [{ ok: true }] } });
  });

  it('keeps evidence that only looks like a secret', () => {
    expect(redact({ contentHash: 'abc', tokenHash: 'x', token: 't' })).toEqual({ contentHash: 'abc' });
  });
});
