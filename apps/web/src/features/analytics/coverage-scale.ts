// One colour scale for the world map and the country × industry heat map: the number of active
// partners serving a place, in at most five steps, so the legend reads as plain ranges.

export interface Step {
  from: number;
  to: number;
  color: string;
  /** Text on top of the colour: dark on the light steps, white on the dark ones. */
  text: string;
}

const shades = [2, 4, 5, 7, 9];

export const NONE_COLOR = 'var(--mantine-color-gray-1)';
export const DIRECT_COLOR = 'var(--mantine-color-orange-7)';

/** Steps from 1 to `max` partners: one per count up to five, else five ranges of (nearly) equal width. */
export function partnerSteps(max: number): Step[] {
  if (max < 1) return [];
  const count = Math.min(5, max);
  const steps: Step[] = [];
  let from = 1;
  for (let i = 0; i < count; i += 1) {
    const to = i === count - 1 ? max : Math.max(from, Math.round(((i + 1) * max) / count));
    const shade = shades[Math.round((i * (shades.length - 1)) / Math.max(1, count - 1))] ?? 5;
    steps.push({
      from,
      to,
      color: `var(--mantine-color-blue-${shade})`,
      text: shade >= 5 ? 'var(--mantine-color-white)' : 'var(--mantine-color-dark-9)',
    });
    from = to + 1;
  }
  return steps;
}

export function stepOf(steps: Step[], partners: number): Step | undefined {
  return partners < 1 ? undefined : steps.find((s) => partners <= s.to);
}

export const stepLabel = (s: Step) => (s.from === s.to ? String(s.from) : `${s.from}–${s.to}`);

export const partnersLabel = (n: number) => `${n} partner${n === 1 ? '' : 's'}`;
