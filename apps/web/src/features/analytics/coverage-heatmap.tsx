import { Box, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { CoverageReport } from '../../api/analytics';
import type { Industry } from '../../api/settings';
import { countryName } from '../../components/countries';
import { DIRECT_COLOR, NONE_COLOR, partnerSteps, partnersLabel, stepLabel, stepOf } from './coverage-scale';
import { keyboardScrollable } from '../../components/scroll-region';

interface Props {
  report: CoverageReport;
  industries: Industry[] | undefined;
}

/**
 * Country × industry cells as a table (rows countries, columns industries), each cell shaded by the
 * partners serving it; the vendor's direct cells carry an outline and a "D". A direct cell no
 * partner serves is a gap.
 */
export function CoverageHeatmap({ report, industries }: Props) {
  const nameOf = new Map((industries ?? []).map((i) => [i.code, i.name]));
  const used = new Set(report.cells.map((c) => c.industry));
  // The NAICS order of the reference list; any code it lacks goes last.
  const order = (industries ?? []).map((i) => i.code);
  const columns = [...used].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib) || a.localeCompare(b);
  });
  const rows = report.countries.map((c) => c.country);
  const cell = new Map(report.cells.map((c) => [`${c.country}|${c.industry}`, c]));
  const steps = partnerSteps(Math.max(0, ...report.cells.map((c) => c.partners)));

  return (
    <Box>
      <Table.ScrollContainer
        minWidth={Math.max(480, 160 + columns.length * 72)}
        maxHeight={560}
        {...keyboardScrollable('Country × industry coverage')}
      >
        <Table
          withTableBorder
          withColumnBorders
          stickyHeader
          layout="fixed"
          aria-label="Country × industry coverage"
          fz="xs"
        >
          <Table.Caption>
            Active partners serving each market cell (country × industry); D marks the vendor’s direct cells.
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160} scope="col">
                Country
              </Table.Th>
              {columns.map((code) => (
                <Table.Th key={code} scope="col" ta="center" title={nameOf.get(code) ?? code}>
                  <Text size="xs" fw={600} lineClamp={3}>
                    {nameOf.get(code) ?? code}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((country) => (
              <Table.Tr key={country}>
                <Table.Th scope="row" fw={500}>
                  {countryName(country)}
                </Table.Th>
                {columns.map((industry) => {
                  const c = cell.get(`${country}|${industry}`);
                  if (!c)
                    return (
                      <Table.Td key={industry} ta="center" c="dimmed">
                        <span aria-hidden>·</span>
                        <VisuallyHidden>not covered</VisuallyHidden>
                      </Table.Td>
                    );
                  const step = stepOf(steps, c.partners);
                  const gap = c.direct && c.partners === 0;
                  return (
                    <Table.Td
                      key={industry}
                      ta="center"
                      fw={c.direct ? 700 : 400}
                      title={`${countryName(country)} × ${nameOf.get(industry) ?? industry}: ${partnersLabel(c.partners)}${c.direct ? ', direct coverage' : ''}${gap ? ' (gap)' : ''}`}
                      style={{
                        background: gap ? 'var(--mantine-color-red-1)' : (step?.color ?? NONE_COLOR),
                        color: step?.text,
                        boxShadow: c.direct ? `inset 0 0 0 2px ${DIRECT_COLOR}` : undefined,
                      }}
                    >
                      {c.partners}
                      {c.direct && (
                        <>
                          <span aria-hidden> D</span>
                          <VisuallyHidden>, direct</VisuallyHidden>
                        </>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="md" mt="xs" wrap="wrap">
        <Text size="xs" c="dimmed">
          Partners serving the cell:
        </Text>
        {steps.map((s) => (
          <Group key={s.from} gap={4} wrap="nowrap">
            <Box w={14} h={14} style={{ background: s.color, borderRadius: 2 }} />
            <Text size="xs">{stepLabel(s)}</Text>
          </Group>
        ))}
        <Group gap={4} wrap="nowrap">
          <Box w={14} h={14} style={{ boxShadow: `inset 0 0 0 2px ${DIRECT_COLOR}`, borderRadius: 2 }} />
          <Text size="xs">D: direct coverage</Text>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Box w={14} h={14} style={{ background: 'var(--mantine-color-red-1)', borderRadius: 2 }} />
          <Text size="xs">Direct cell no partner serves</Text>
        </Group>
      </Group>
    </Box>
  );
}
