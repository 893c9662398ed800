import { DEFAULT_THEME, luminance, mergeMantineTheme } from '@mantine/core';
import { describe, expect, test } from 'vitest';
import { contrastRatio, cssVariablesResolver, MIN_TEXT_CONTRAST, readableOn, theme } from './theme';

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
const light = cssVariablesResolver(resolved).light as Record<string, string>;
const WHITE = '#ffffff';
const gray = resolved.colors.gray;

describe('the theme’s text colours meet WCAG AA contrast', () => {
  test('white text on a primary (filled) button', () => {
    const shade =
      typeof resolved.primaryShade === 'number' ? resolved.primaryShade : resolved.primaryShade.light;
    expect(contrastRatio(WHITE, resolved.colors[resolved.primaryColor]![shade])).toBeGreaterThanOrEqual(
      MIN_TEXT_CONTRAST,
    );
  });

  test('dimmed text, links and errors on the page, table stripes and every colour’s tint', () => {
    const tints = Object.entries(resolved.colors)
      .filter(([name]) => name !== 'dark')
      .flatMap(([, shades]) => [shades[0], shades[1]]);
    for (const variable of ['--mantine-color-dimmed', '--mantine-color-anchor', '--mantine-color-error']) {
      for (const background of [WHITE, gray[0], gray[1], ...tints])
        expect(
          contrastRatio(light[variable]!, background),
          `${variable} on ${background}`,
        ).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
  });

  test('every colour’s light variant (badges, alerts) and its text on the page', () => {
    for (const [name, shades] of Object.entries(resolved.colors)) {
      const lightColor = light[`--mantine-color-${name}-light-color`]!;
      for (const background of [shades[1], shades[2], WHITE])
        expect(
          contrastRatio(lightColor, background),
          `${name} light text on ${background}`,
        ).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
      expect(
        contrastRatio(light[`--mantine-color-${name}-text`]!, gray[0]),
        `${name} text`,
      ).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
  });

  test('text on every filled colour is whichever of black and white passes', () => {
    expect(resolved.autoContrast).toBe(true);
    const shade =
      typeof resolved.primaryShade === 'number' ? resolved.primaryShade : resolved.primaryShade.light;
    for (const [name, shades] of Object.entries(resolved.colors)) {
      // As Mantine's autoContrast picks: black above the luminance threshold, white below it.
      const text = luminance(shades[shade]) > resolved.luminanceThreshold ? '#000000' : WHITE;
      expect(contrastRatio(text, shades[shade]), `${name} filled`).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
  });

  test('a colour that already reads is left as it is; one that does not is darkened just enough', () => {
    expect(readableOn('#212529', [WHITE])).toBe('#212529');
    const darkened = readableOn('#40c057', [WHITE]);
    expect(contrastRatio(darkened, WHITE)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    expect(contrastRatio(darkened, WHITE)).toBeLessThan(MIN_TEXT_CONTRAST + 1.5);
  });
});
