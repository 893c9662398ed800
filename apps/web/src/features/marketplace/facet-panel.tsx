import { Anchor, Checkbox, Fieldset, Stack } from '@mantine/core';
import { useState } from 'react';
import type { Facet } from '../../api/marketplace';

const SHOWN = 8;

interface FacetPanelProps {
  legend: string;
  facets: Facet[];
  selected: string[];
  /** Labels for chosen values the answer no longer lists (e.g. none left under other filters). */
  labelOf?: (value: string) => string;
  onChange: (selected: string[]) => void;
}

/**
 * One facet: its values with how many partners match each under the other filters. Any number
 * may be chosen (partners matching any of them); a chosen value stays listed even at zero.
 */
export function FacetPanel({ legend, facets, selected, labelOf, onChange }: FacetPanelProps) {
  const [expanded, setExpanded] = useState(false);
  const listed = new Set(facets.map((f) => f.value));
  const all: Facet[] = [
    ...facets,
    ...selected
      .filter((v) => !listed.has(v))
      .map((value) => ({ value, label: labelOf?.(value) ?? value, count: 0 })),
  ];
  // Chosen values first, then by count as the server ordered them.
  const ordered = [
    ...all.filter((f) => selected.includes(f.value)),
    ...all.filter((f) => !selected.includes(f.value)),
  ];
  const shown = expanded ? ordered : ordered.slice(0, Math.max(SHOWN, selected.length));
  if (all.length === 0) return null;

  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));

  return (
    <Fieldset legend={legend} variant="unstyled" p={0}>
      <Stack gap={6} mt={4}>
        {shown.map((f) => (
          <Checkbox
            key={f.value}
            size="sm"
            checked={selected.includes(f.value)}
            onChange={(e) => toggle(f.value, e.currentTarget.checked)}
            label={`${f.label} (${f.count})`}
          />
        ))}
        {ordered.length > shown.length || expanded ? (
          <Anchor component="button" type="button" size="sm" ta="left" onClick={() => setExpanded((x) => !x)}>
            {expanded ? 'Show fewer' : `Show all ${ordered.length}`}
          </Anchor>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
