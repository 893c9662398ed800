/**
 * WCAG 2.2 contrast, from the relative-luminance formula
 * (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance). Used to refuse a
 * brand colour that white button and link text could not be read on, and by
 * the settings screen to say so before saving.
 */

/** AA for normal-size text (WCAG 2.2 success criterion 1.4.3). */
export const AA_TEXT_CONTRAST = 4.5;

/** `#rrggbb` (either case), the only form a brand colour is stored in. */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

const channel = (byte: number) => {
  const c = byte / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  if (!HEX_COLOUR.test(hex)) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio of two colours, 1 to 21, whichever order they come in. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Whether white text on this colour (a primary button) is readable at AA. */
export const readableUnderWhite = (hex: string) => contrastRatio(hex, '#ffffff') >= AA_TEXT_CONTRAST;
