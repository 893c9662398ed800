import { Badge, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { CoverageReport } from '../../api/analytics';
import { csvHref, reportQueryOptions } from '../../api/analytics';
import { industriesQueryOptions } from '../../api/settings';
import { countryName } from '../../components/countries';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { AnalyticsLayout } from './analytics-layout';
import { ChartCard } from './chart-card';
import { CoverageHeatmap } from './coverage-heatmap';
import { CoverageMap } from './coverage-map';
import { formatInstant, formatValue } from './format';
import type { DashboardProps } from './dashboard-props';
import { keyboardScrollable } from '../../components/scroll-region';

const axes = [
  { key: 'cells', label: 'Market cells', noun: 'cells' },
  { key: 'countries', label: 'Countries', noun: 'countries' },
  { key: 'industries', label: 'Industries', noun: 'industries' },
] as const;

/** Market coverage (metrics.md): the cells active partners serve beside the vendor's direct coverage. */
export function CoveragePage({ params, onParamsChange }: DashboardProps) {
  const report = useQuery(reportQueryOptions('coverage', params));
  const industries = useQuery(industriesQueryOptions);
  const r = report.data;

  return (
    <AnalyticsLayout
      title="Coverage"
      description="The markets (country × industry) active partners serve, beside the cells you cover directly. Coverage is the state now: the period does not change it."
      params={params}
      onParamsChange={onParamsChange}
      computed={r?.period}
    >
      {report.isPending ? (
        <LoadingState label="Loading coverage…" />
      ) : report.isError ? (
        <ErrorAlert error={report.error} title="Coverage could not be loaded" />
      ) : (
        r && (
          <Stack gap="lg">
            <Summary report={r} params={params} />
            <ChartCard
              title="Partner coverage by country"
              description="Countries shaded by the number of active partners serving them (in at least one industry); your direct countries are outlined."
              csvHref={csvHref('coverage', params, 'countries')}
              empty={
                r.countries.length
                  ? null
                  : 'No active partner serves any country, and no direct coverage is set.'
              }
              table={<CountriesTable report={r} />}
            >
              <CoverageMap countries={r.countries} />
            </ChartCard>
            <ChartCard
              title="Country × industry"
              description="Each market cell with the number of active partners serving it."
              csvHref={csvHref('coverage', params, 'cells')}
              empty={r.cells.length ? null : 'No market cell is covered, directly or by a partner.'}
              table={<CoverageHeatmap report={r} industries={industries.data} />}
              tableOnly
            >
              {null}
            </ChartCard>
            <Gaps report={r} params={params} industryName={industryNamer(industries.data)} />
          </Stack>
        )
      )}
    </AnalyticsLayout>
  );
}

const industryNamer = (list: { code: string; name: string }[] | undefined) => {
  const names = new Map((list ?? []).map((i) => [i.code, i.name]));
  return (code: string) => names.get(code) ?? code;
};

function Summary({ report: r, params }: { report: CoverageReport; params: DashboardProps['params'] }) {
  const isMultiplier = r.label === 'multiplier';
  const canManage = useCan('settings:manage');
  return (
    <ChartCard
      title={isMultiplier ? 'Coverage multiplier' : 'Cells covered'}
      description={
        isMultiplier
          ? 'How many times your direct coverage the ecosystem reaches: cells covered by you or an active partner ÷ your direct cells.'
          : 'No direct coverage is configured, so there is no multiplier: these are the cells, countries and industries active partners cover.'
      }
      csvHref={csvHref('coverage', params, 'summary')}
      empty={null}
      table={<SummaryTable report={r} />}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {axes.map((a) => {
            const f = r.multiplier[a.key];
            return (
              <Card
                key={a.key}
                withBorder
                padding="md"
                component="article"
                aria-label={`${a.label}: ${isMultiplier ? 'multiplier' : 'covered'}`}
              >
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {isMultiplier ? `${a.label} multiplier` : `${a.label} covered`}
                </Text>
                <Text fz={26} fw={700} data-testid="figure-value" c={f.value === null ? 'dimmed' : undefined}>
                  {f.value === null
                    ? '—'
                    : isMultiplier
                      ? `${formatValue(f.value, 'ratio', '')}×`
                      : formatValue(f.value, 'count', '')}
                </Text>
                <Text size="xs" c="dimmed">
                  {f.value === null
                    ? f.reason
                    : isMultiplier
                      ? `${r.combined[a.key]} ${a.noun} with partners ÷ ${r.direct[a.key]} direct`
                      : `${a.noun} served by active partners`}
                </Text>
              </Card>
            );
          })}
          <Card withBorder padding="md" component="article" aria-label="Active partners">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Active partners
            </Text>
            <Text fz={26} fw={700} data-testid="figure-value">
              {formatValue(r.activePartners, 'count', '')}
            </Text>
            <Text size="xs" c="dimmed">
              As of {formatInstant(r.asOf)}
            </Text>
          </Card>
        </SimpleGrid>
        <Text size="sm" aria-label="Direct coverage">
          {r.direct.cells > 0 ? (
            <>
              Direct coverage: <b data-testid="direct-cells">{r.direct.cells}</b> cell
              {r.direct.cells === 1 ? '' : 's'} in {r.direct.countries} countr
              {r.direct.countries === 1 ? 'y' : 'ies'} and {r.direct.industries} industr
              {r.direct.industries === 1 ? 'y' : 'ies'}.{' '}
            </>
          ) : (
            <>
              No direct coverage is configured (<b data-testid="direct-cells">0</b> direct cells), so cells
              are counted rather than multiplied.{' '}
            </>
          )}
          <AnchorLink to="/settings" hash="direct-coverage">
            {canManage ? 'Configure direct coverage in Settings' : 'See the direct coverage in Settings'}
          </AnchorLink>
        </Text>
      </Stack>
    </ChartCard>
  );
}

function SummaryTable({ report: r }: { report: CoverageReport }) {
  const isMultiplier = r.label === 'multiplier';
  return (
    <Table withTableBorder aria-label="Coverage summary">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Axis</Table.Th>
          <Table.Th ta="right">Direct</Table.Th>
          <Table.Th ta="right">Direct ∪ partners</Table.Th>
          <Table.Th ta="right">{isMultiplier ? 'Multiplier' : 'Covered'}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {axes.map((a) => {
          const f = r.multiplier[a.key];
          return (
            <Table.Tr key={a.key}>
              <Table.Th scope="row">{a.label}</Table.Th>
              <Table.Td ta="right">{r.direct[a.key]}</Table.Td>
              <Table.Td ta="right">{r.combined[a.key]}</Table.Td>
              <Table.Td ta="right" title={f.reason}>
                {formatValue(f.value, isMultiplier ? 'ratio' : 'count', '')}
                {f.value !== null && isMultiplier ? '×' : ''}
              </Table.Td>
            </Table.Tr>
          );
        })}
        <Table.Tr>
          <Table.Th scope="row">Active partners</Table.Th>
          <Table.Td />
          <Table.Td ta="right">{r.activePartners}</Table.Td>
          <Table.Td />
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function CountriesTable({ report: r }: { report: CoverageReport }) {
  return (
    <Table.ScrollContainer
      minWidth={420}
      maxHeight={520}
      {...keyboardScrollable('Partner coverage by country, as a table')}
    >
      <Table withTableBorder stickyHeader aria-label="Partner coverage by country">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Country</Table.Th>
            <Table.Th ta="right">Partners</Table.Th>
            <Table.Th ta="right">Cells covered</Table.Th>
            <Table.Th>Direct</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.countries.map((c) => (
            <Table.Tr key={c.country}>
              <Table.Th scope="row" fw={500}>
                {countryName(c.country)}
              </Table.Th>
              <Table.Td ta="right">{c.partners}</Table.Td>
              <Table.Td ta="right">{c.cells}</Table.Td>
              <Table.Td>{c.direct ? 'Yes' : 'No'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Gaps({
  report: r,
  params,
  industryName,
}: {
  report: CoverageReport;
  params: DashboardProps['params'];
  industryName: (code: string) => string;
}) {
  const byCountry = new Map<string, string[]>();
  for (const g of r.gaps) byCountry.set(g.country, [...(byCountry.get(g.country) ?? []), g.industry]);
  const empty =
    r.direct.cells === 0
      ? 'No direct coverage is configured: there are no direct cells to compare partners with.'
      : r.gaps.length === 0
        ? `At least one active partner serves each of your ${r.direct.cells} direct cells.`
        : null;
  return (
    <ChartCard
      title="Coverage gaps"
      description="Direct cells that no active partner serves: markets where you have no partner to recruit or co-sell with."
      csvHref={csvHref('coverage', params, 'gaps')}
      empty={empty}
      table={
        <Table withTableBorder aria-label="Coverage gaps">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Country</Table.Th>
              <Table.Th>Industry</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.gaps.map((g) => (
              <Table.Tr key={`${g.country}|${g.industry}`}>
                <Table.Td>{countryName(g.country)}</Table.Td>
                <Table.Td>{industryName(g.industry)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      <Stack gap="xs">
        <Text size="sm">
          {r.gaps.length} of your {r.direct.cells} direct cells have no active partner.
        </Text>
        <Stack
          gap="xs"
          component="ul"
          aria-label="Gaps by country"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {[...byCountry.entries()].map(([country, list]) => (
            <Group key={country} component="li" gap="xs" wrap="wrap">
              <Text size="sm" fw={600} w={180}>
                {countryName(country)}
              </Text>
              {list.map((i) => (
                <Badge key={i} variant="light" color="red" tt="none">
                  {industryName(i)}
                </Badge>
              ))}
            </Group>
          ))}
        </Stack>
      </Stack>
    </ChartCard>
  );
}
