import {
  createTheme,
  darken,
  lighten,
  type MantineColorsTuple,
  type MantineThemeOverride,
  mergeThemeOverrides,
} from '@mantine/core';

// System fonts only: the server's CSP allows no external font hosts, and none are needed.
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
});

/**
 * The default theme with the vendor's primary colour over it. The server only accepts a brand colour
 * white text reads on at WCAG AA, so it is used as the filled shade; lighter and darker shades are
 * mixed from it for hover and light variants.
 */
export function brandedTheme(primaryColor: string | null | undefined): MantineThemeOverride {
  if (!primaryColor) return theme;
  const shades = [0.92, 0.84, 0.7, 0.55, 0.4, 0.2].map((amount) => lighten(primaryColor, amount));
  const colors = [
    ...shades,
    primaryColor,
    darken(primaryColor, 0.1),
    darken(primaryColor, 0.2),
    darken(primaryColor, 0.3),
  ];
  return mergeThemeOverrides(theme, {
    colors: { brand: colors as unknown as MantineColorsTuple },
    primaryColor: 'brand',
    primaryShade: 6,
  });
}
