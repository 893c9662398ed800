import type { ScrollAreaProps } from '@mantine/core';

/**
 * For a Table.ScrollContainer with a maximum height: its viewport scrolls, and a table without links
 * or buttons gives keyboard users nothing to focus inside it, so the viewport itself takes the focus
 * (arrow keys then scroll it, WCAG 2.1.1) and is named as a region for screen readers.
 */
export function keyboardScrollable(label: string): { scrollAreaProps: ScrollAreaProps } {
  return { scrollAreaProps: { viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } } };
}
