import { createHash } from 'node:crypto';

/**
 * The keys of a file's rows, to find the same record twice: a 52-bit hash of
 * each key and the row it was first seen on, in two typed arrays (12 bytes a
 * slot, open addressing) instead of a Set and a Map of boxed numbers (~100
 * bytes a key once the heap grows around them). A million-row file costs
 * ~24 MB, and every duplicate is reported with the row it repeats.
 */
export class RowKeys {
  private hashes = new Float64Array(1 << 12);
  private lines = new Uint32Array(1 << 12);
  private size = 0;

  /** The row the same key was first seen on; otherwise records `line` for it and answers undefined. */
  firstSeen(key: string, line: number): number | undefined {
    // 1 … 2^52: exact in a double, and never 0, which marks an empty slot.
    const h = Number.parseInt(createHash('sha1').update(key).digest('hex').slice(0, 13), 16) + 1;
    const slot = this.find(this.hashes, h);
    if (this.hashes[slot] === h) return this.lines[slot];
    this.hashes[slot] = h;
    this.lines[slot] = line;
    if (++this.size * 10 > this.hashes.length * 7) this.grow();
    return undefined;
  }

  /** The slot holding `h`, or the empty one where it goes (linear probing; the length is a power of two). */
  private find(hashes: Float64Array, h: number) {
    const mask = hashes.length - 1;
    let i = h % hashes.length;
    while (hashes[i] !== 0 && hashes[i] !== h) i = (i + 1) & mask;
    return i;
  }

  private grow() {
    const hashes = new Float64Array(this.hashes.length * 2);
    const lines = new Uint32Array(this.lines.length * 2);
    for (let i = 0; i < this.hashes.length; i++) {
      const h = this.hashes[i]!;
      if (h === 0) continue;
      const slot = this.find(hashes, h);
      hashes[slot] = h;
      lines[slot] = this.lines[i]!;
    }
    this.hashes = hashes;
    this.lines = lines;
  }
}
