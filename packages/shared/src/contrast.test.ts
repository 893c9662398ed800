import { describe, expect, it } from 'vitest';
import { contrastRatio, readableUnderWhite, relativeLuminance } from './contrast';

describe('WCAG contrast', () => {
  it('gives the formula’s end points and the known ratios', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#FFFFFF')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#ffffff', '#000000')).toBe(21);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('accepts colours white text reads on at AA and refuses those it does not', () => {
    expect(readableUnderWhite('#767676')).toBe(true);
    expect(readableUnderWhite('#777777')).toBe(false);
    expect(readableUnderWhite('#1c7ed6')).toBe(false);
    expect(readableUnderWhite('#1864ab')).toBe(true);
    expect(readableUnderWhite('#ffd43b')).toBe(false);
  });

  it('refuses a value that is not a #rrggbb colour', () => {
    expect(() => relativeLuminance('red')).toThrow();
  });
});
