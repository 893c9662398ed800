import { describe, expect, it } from 'vitest';
import { containing, encodeCursor } from './pagination';

describe('cursor', () => {
  it('encodes dates as ISO strings and round-trips through base64url', () => {
    const c = encodeCursor(new Date('2026-01-02T03:04:05Z'), 'id-1');
    expect(JSON.parse(Buffer.from(c, 'base64url').toString())).toEqual({
      v: '2026-01-02T03:04:05.000Z',
      id: 'id-1',
    });
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('containing', () => {
  it('takes LIKE wildcards in a search term literally', () => {
    expect(containing('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
