import { expect, it } from 'vitest';
import { RowKeys } from './row-keys';

it('finds every repeated key with the row it repeats, however many rows came before', () => {
  const keys = new RowKeys();
  const repeats: [number, number | undefined][] = [];
  for (let line = 2; line < 302_000; line++) {
    // Every 1,000th row repeats the key of the row 500 rows before it.
    const key = line % 1000 === 0 ? `K-${line - 500}` : `K-${line}`;
    const first = keys.firstSeen(key, line);
    if (first !== undefined || line % 1000 === 0) repeats.push([line, first]);
  }
  expect(repeats).toHaveLength(301);
  expect(repeats.every(([line, first]) => first === line - 500)).toBe(true);
});
