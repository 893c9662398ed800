import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  darken,
  lighten,
  luminance,
  type MantineColorsTuple,
  type MantineThemeComponent,
  type MantineThemeOverride,
  mergeThemeOverrides,
} from '@mantine/core';

// ---------------------------------------------------------------------------------------------------
// Contrast: every text colour the theme hands out meets WCAG 2.2 AA (4.5:1 for body-size text)
// against the backgrounds it is drawn on. Mantine's defaults do not (a filled indigo button is 4.3:1,
// dimmed text 3.3:1, a light green badge 3.8:1), so the colours below are derived, not picked: each
// starts from Mantine's choice and is darkened only as far as it must be. A brand colour added to the
// palette gets the same treatment without further work.
// ---------------------------------------------------------------------------------------------------

/** WCAG 2.x: normal-size text (bold text under 14pt counts as normal size too). */
export const MIN_TEXT_CONTRAST = 4.5;

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * `color`, darkened in small steps until it reads at `MIN_TEXT_CONTRAST` on every one of
 * `backgrounds` (with a little margin, so rounding in the browser does not undo it).
 */
export function readableOn(color: string, backgrounds: string[]): string {
  const target = MIN_TEXT_CONTRAST + 0.1;
  let result = color;
  for (let step = 1; step <= 20; step++) {
    if (backgrounds.every((bg) => contrastRatio(result, bg) >= target)) return result;
    result = darken(color, step * 0.05);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------------

const WHITE = '#ffffff';
const gray = DEFAULT_THEME.colors.gray;
/** Surfaces text sits on in the light scheme: the page, striped and hovered table rows. */
const SURFACES = [WHITE, gray[0], gray[1]];

export const PRIMARY_COLOR = 'indigo';
/** Indigo 7 is the lightest indigo white text reads on at 4.5:1 (indigo 6, Mantine's default, is 4.3:1). */
const PRIMARY_SHADE_LIGHT = 7;

/**
 * Per-colour text variables of the light scheme (see Mantine's get-css-color-variables):
 * - `-text` (Text c="green", an anchor's colour) and `-outline` are read on the page's surfaces;
 * - `-light-color` is read on the colour's own tint (`-light` = shade 1, `-light-hover` = shade 2:
 *   light badges, the active navigation link) and, for subtle buttons, on the page.
 */
function colorTextVariables(name: string, shades: MantineColorsTuple): Record<string, string> {
  const filled = shades[PRIMARY_SHADE_LIGHT];
  const onPage = readableOn(filled, SURFACES);
  return {
    [`--mantine-color-${name}-text`]: onPage,
    [`--mantine-color-${name}-outline`]: onPage,
    [`--mantine-color-${name}-light-color`]: readableOn(shades[9], [shades[1], shades[2], ...SURFACES]),
  };
}

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const colorVariables = Object.fromEntries(
    Object.entries(resolved.colors).flatMap(([name, shades]) =>
      Object.entries(colorTextVariables(name, shades)),
    ),
  );
  const primary = resolved.colors[resolved.primaryColor] ?? DEFAULT_THEME.colors.indigo;
  // Links and secondary text also sit on tinted surfaces: alerts and banners (a colour's shade 1),
  // the active navigation link, a selected row.
  const tints = Object.entries(resolved.colors)
    .filter(([name]) => name !== 'dark')
    .flatMap(([, shades]) => [shades[0], shades[1]]);
  const dimmed = readableOn(gray[6], [...SURFACES, ...tints]);
  return {
    variables: {},
    light: {
      ...colorVariables,
      '--mantine-color-dimmed': dimmed,
      // Placeholder text is text too (WCAG 1.4.3 makes no exception for it).
      '--mantine-color-placeholder': dimmed,
      '--mantine-color-anchor': readableOn(primary[PRIMARY_SHADE_LIGHT], [...SURFACES, ...tints]),
      '--mantine-color-error': readableOn(resolved.colors.red[6], [...SURFACES, ...tints]),
    },
    dark: {},
  };
};

// ---------------------------------------------------------------------------------------------------
// Component defaults
// - names for the icon-only buttons Mantine draws itself (a close cross has no text, so without a label
//   a screen reader announces only "button");
// - option lists that scroll themselves: wrapped in a ScrollArea, a long list is a scrolling region
//   that is not the list box, which keyboard users cannot reach (the keys move through the list box's
//   options, not the wrapper);
// - menus without Mantine's focus placeholder, an element with tabindex inside role="menu" that is not
//   a menu item.
// ---------------------------------------------------------------------------------------------------

const OPTIONS_MAX_HEIGHT = 220;
const scrollingOptions = {
  withScrollArea: false,
  styles: { options: { maxHeight: OPTIONS_MAX_HEIGHT, overflowY: 'auto' as const } },
};

// Plain objects rather than `Select.extend(…)`: `extend` only types its argument, and calling it would
// pull every one of these components (the combobox, menus, modals, drawers) into the first page's script.
const components: Record<string, MantineThemeComponent> = {
  Select: { defaultProps: scrollingOptions },
  MultiSelect: { defaultProps: scrollingOptions },
  Autocomplete: { defaultProps: scrollingOptions },
  TagsInput: { defaultProps: scrollingOptions },
  Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
  Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
  Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close panel' } } },
  Notification: {
    defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
    // Mantine draws the description in gray 6 (3.3:1 on white); dimmed is the theme's readable grey.
    styles: { description: { color: 'var(--mantine-color-dimmed)' } },
  },
  Alert: { defaultProps: { closeButtonLabel: 'Dismiss' } },
  ColorInput: { defaultProps: { eyeDropperButtonProps: { 'aria-label': 'Pick a colour from the screen' } } },
  // A dialog's header is a <header> element, which outside <main> and sectioning elements is a second banner
  // landmark beside the app's own header.
  ModalHeader: { defaultProps: { component: 'div' } },
  DrawerHeader: { defaultProps: { component: 'div' } },
};

// System fonts only: the server's CSP allows no external font hosts, and none are needed.
export const theme = createTheme({
  components,
  primaryColor: PRIMARY_COLOR,
  primaryShade: { light: PRIMARY_SHADE_LIGHT, dark: 8 },
  defaultRadius: 'md',
  // Text on filled colours is black or white, whichever reads better. 0.179 is the luminance at which
  // black and white have equal contrast (both 4.58:1), so the pick always passes 4.5:1; Mantine's
  // default (0.3) puts white on colours as light as green 6 (2.2:1).
  autoContrast: true,
  luminanceThreshold: 0.179,
  // Transitions are skipped for people who ask their system for less motion.
  respectReducedMotion: true,
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
