import { Box, Group, Paper, Text } from '@mantine/core';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { numericToAlpha2 } from 'i18n-iso-countries';
import { useMemo, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { CoverageReport } from '../../api/analytics';
import { countryName } from '../../components/countries';
import { DIRECT_COLOR, NONE_COLOR, partnerSteps, partnersLabel, stepLabel, stepOf } from './coverage-scale';

const WIDTH = 960;

interface Shape {
  /** ISO 3166-1 alpha-2, or null for the few shapes Natural Earth gives no code (N. Cyprus, Somaliland). */
  code: string | null;
  name: string;
  d: string;
  /** Where the hover label sits, in the SVG's own units. */
  centroid: [number, number];
}

let shapes: { shapes: Shape[]; height: number; codes: Set<string> } | null = null;

/** The country outlines, projected once (Equal Earth: areas compare fairly), Antarctica left out. */
function worldShapes() {
  if (shapes) return shapes;
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(topology, topology.objects.countries).features.filter((f) => f.id !== '010');
  const collection = { type: 'FeatureCollection' as const, features: countries };
  const projection = geoEqualEarth().fitWidth(WIDTH, collection);
  const path = geoPath(projection);
  const [[, y0], [, y1]] = path.bounds(collection);
  const list = countries.map((f) => {
    // Kosovo has no ISO numeric code; the API (and i18n-iso-countries) call it XK.
    const code =
      f.id !== undefined
        ? (numericToAlpha2(String(f.id)) ?? null)
        : f.properties.name === 'Kosovo'
          ? 'XK'
          : null;
    const [cx, cy] = path.centroid(f);
    return {
      code,
      name: code ? countryName(code) : f.properties.name,
      d: path(f) ?? '',
      centroid: [cx, cy] as [number, number],
    };
  });
  shapes = {
    shapes: list,
    height: Math.ceil(y1 - y0 + 2),
    codes: new Set(list.flatMap((s) => (s.code ? [s.code] : []))),
  };
  return shapes;
}

type CountryRow = CoverageReport['countries'][number];

/**
 * A choropleth of the countries active partners serve, shaded by how many; the vendor's direct
 * countries are outlined. Each covered country can be focused and names its figures.
 */
export function CoverageMap({ countries }: { countries: CountryRow[] }) {
  const { shapes: list, height, codes } = worldShapes();
  const byCode = useMemo(() => new Map(countries.map((c) => [c.country, c])), [countries]);
  const steps = partnerSteps(Math.max(0, ...countries.map((c) => c.partners)));
  const [active, setActive] = useState<Shape | null>(null);
  // Small countries (Singapore, Malta, Bahrain…) have no outline at this scale: name them below the map.
  const unseen = countries.filter((c) => !codes.has(c.country));

  const describe = (s: Shape) => {
    const row = s.code ? byCode.get(s.code) : undefined;
    if (!row) return `${s.name}: no partners`;
    return `${s.name}: ${partnersLabel(row.partners)}, ${row.cells} cell${row.cells === 1 ? '' : 's'} covered${row.direct ? ', direct coverage' : ''}`;
  };

  return (
    <Box>
      <Box pos="relative">
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          role="group"
          aria-label="World map: partners serving each country"
          data-testid="coverage-map"
          style={{ display: 'block' }}
          onMouseLeave={() => setActive(null)}
        >
          <g>
            {list.map((s, i) => {
              const row = s.code ? byCode.get(s.code) : undefined;
              const step = row ? stepOf(steps, row.partners) : undefined;
              const label = describe(s);
              return (
                <path
                  key={s.code ?? `x${i}`}
                  d={s.d}
                  data-country={s.code ?? undefined}
                  fill={step?.color ?? NONE_COLOR}
                  stroke="var(--mantine-color-gray-5)"
                  strokeWidth={0.5}
                  // Only the countries with figures are stops for the keyboard; the rest would be 150 empty ones.
                  tabIndex={row ? 0 : undefined}
                  aria-label={row ? label : undefined}
                  role={row ? 'img' : undefined}
                  onMouseEnter={() => setActive(s)}
                  onFocus={() => setActive(s)}
                  onBlur={() => setActive(null)}
                  style={{ outline: 'none', cursor: row ? 'pointer' : 'default' }}
                >
                  <title>{label}</title>
                </path>
              );
            })}
          </g>
          {/* Direct countries drawn again on top, so their outline is never hidden by a neighbour's. */}
          <g pointerEvents="none">
            {list
              .filter((s) => s.code && byCode.get(s.code)?.direct)
              .map((s) => (
                <path
                  key={s.code}
                  d={s.d}
                  fill="none"
                  stroke={DIRECT_COLOR}
                  strokeWidth={2}
                  data-direct={s.code}
                />
              ))}
            {active && (
              <path d={active.d} fill="none" stroke="var(--mantine-color-dark-9)" strokeWidth={1.5} />
            )}
          </g>
        </svg>
        {active && (
          <Paper
            shadow="sm"
            withBorder
            px="xs"
            py={4}
            pos="absolute"
            style={{
              left: `${(active.centroid[0] / WIDTH) * 100}%`,
              top: `${(active.centroid[1] / height) * 100}%`,
              transform: 'translate(-50%, calc(-100% - 8px))',
              pointerEvents: 'none',
              whiteSpace: 'nowrap',
            }}
            aria-hidden
          >
            <Text size="xs">{describe(active)}</Text>
          </Paper>
        )}
      </Box>
      <Group gap="md" mt="xs" wrap="wrap" aria-label="Legend" role="list">
        <Text size="xs" c="dimmed">
          Partners serving the country:
        </Text>
        <LegendItem color={NONE_COLOR} label="None" />
        {steps.map((s) => (
          <LegendItem key={s.from} color={s.color} label={stepLabel(s)} />
        ))}
        <LegendItem color="transparent" outline={DIRECT_COLOR} label="Direct coverage (outlined)" />
      </Group>
      {unseen.length > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          Too small to show at this scale (see the table):{' '}
          {unseen.map((c) => `${countryName(c.country)} (${c.partners})`).join(', ')}
        </Text>
      )}
    </Box>
  );
}

function LegendItem({ color, label, outline }: { color: string; label: string; outline?: string }) {
  return (
    <Group gap={4} wrap="nowrap" role="listitem">
      <Box
        w={14}
        h={14}
        style={{
          background: color,
          border: `${outline ? 2 : 1}px solid ${outline ?? 'var(--mantine-color-gray-5)'}`,
          borderRadius: 2,
        }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}
