import { Alert, Button, Group, MultiSelect, Pill, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage, isStaleVersion } from '../../api/client';
import { industriesQueryOptions, type Settings, type useUpdateSettings } from '../../api/settings';
import { countryName, countryOptions } from '../../components/countries';
import { UnseenHeader } from '../../components/unseen-header';

type Cell = Settings['directCoverage'][number];

const keyOf = (c: Cell) => `${c.country}|${c.industry}`;

/** Cells grouped by country, countries and industries in the order a person reads them. */
function groupCells(cells: Cell[], industryOrder: string[]) {
  const groups = new Map<string, string[]>();
  for (const c of cells) groups.set(c.country, [...(groups.get(c.country) ?? []), c.industry]);
  const rank = (code: string) => {
    const i = industryOrder.indexOf(code);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...groups.entries()]
    .map(([country, industries]) => ({
      country,
      industries: industries.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
    }))
    .sort((a, b) => countryName(a.country).localeCompare(countryName(b.country), 'en'));
}

export const STALE_SECTION =
  'The settings were changed by someone else meanwhile. This section now shows the current values: check them and save again.';

export function SectionError({ error }: { error: Error | null }) {
  if (!error) return null;
  return isStaleVersion(error) ? (
    <Alert color="orange" icon={<IconAlertTriangle />} role="alert">
      {STALE_SECTION}
    </Alert>
  ) : (
    <Alert color="red" role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

/** Read-only: the direct cells, grouped by country (vendor staff other than the admin). */
export function DirectCoverageSummary({ settings }: { settings: Settings }) {
  const industries = useQuery(industriesQueryOptions);
  return (
    <CellTable
      cells={settings.directCoverage}
      industries={industries.data ?? []}
      empty="No direct coverage is configured: the coverage dashboard counts the cells partners cover."
    />
  );
}

function CellTable({
  cells,
  industries,
  empty,
  onRemove,
  onRemoveCountry,
}: {
  cells: Cell[];
  industries: { code: string; name: string }[];
  empty: string;
  onRemove?: (cell: Cell) => void;
  onRemoveCountry?: (country: string) => void;
}) {
  const nameOf = new Map(industries.map((i) => [i.code, i.name]));
  const groups = groupCells(
    cells,
    industries.map((i) => i.code),
  );
  if (groups.length === 0)
    return (
      <Text size="sm" c="dimmed" role="status">
        {empty}
      </Text>
    );
  return (
    <Table withTableBorder aria-label="Direct coverage cells" verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={180}>Country</Table.Th>
          <Table.Th>Industries</Table.Th>
          {onRemoveCountry && <UnseenHeader w={110}>Actions</UnseenHeader>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((g) => (
          <Table.Tr key={g.country}>
            <Table.Th scope="row" fw={500}>
              {countryName(g.country)}
            </Table.Th>
            <Table.Td>
              <Group gap={6}>
                {g.industries.map((code) => {
                  const label = nameOf.get(code) ?? code;
                  return (
                    <Pill
                      key={code}
                      withRemoveButton={Boolean(onRemove)}
                      onRemove={() => onRemove?.({ country: g.country, industry: code })}
                      removeButtonProps={{ 'aria-label': `Remove ${countryName(g.country)} × ${label}` }}
                    >
                      {label}
                    </Pill>
                  );
                })}
              </Group>
            </Table.Td>
            {onRemoveCountry && (
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => onRemoveCountry(g.country)}
                  aria-label={`Remove all of ${countryName(g.country)}`}
                >
                  Remove all
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The market cells (country × industry) the vendor covers itself: the denominator of the coverage
 * multiplier. Countries × industries picked together add every combination; saving replaces the set.
 */
export function DirectCoverageForm({
  settings,
  update,
}: {
  settings: Settings;
  update: ReturnType<typeof useUpdateSettings>;
}) {
  const industries = useQuery(industriesQueryOptions);
  const [cells, setCells] = useState<Cell[]>(settings.directCoverage);
  const [countries, setCountries] = useState<string[]>([]);
  const [picked, setPicked] = useState<string[]>([]);

  const saved = new Set(settings.directCoverage.map(keyOf));
  const current = new Set(cells.map(keyOf));
  const changed = saved.size !== current.size || [...current].some((k) => !saved.has(k));
  const combinations = countries.flatMap((country) => picked.map((industry) => ({ country, industry })));
  const fresh = combinations.filter((c) => !current.has(keyOf(c)));

  function edit(next: Cell[]) {
    setCells(next);
    if (update.error) update.reset();
  }

  function add() {
    edit([...cells, ...fresh]);
    setCountries([]);
    setPicked([]);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!changed) return;
    // The version is read now, not when the form opened: a save elsewhere on the page does not make this one stale.
    update.mutate(
      { version: settings.version, directCoverage: cells },
      { onSuccess: () => notifications.show({ color: 'green', message: 'The direct coverage was saved.' }) },
    );
  }

  const countryCount = new Set(cells.map((c) => c.country)).size;
  return (
    <form onSubmit={submit} noValidate aria-label="Direct coverage">
      <Stack>
        <SectionError error={update.error} />
        <Group align="flex-end" gap="sm" wrap="wrap">
          <MultiSelect
            label="Countries"
            placeholder={countries.length ? undefined : 'Pick countries'}
            data={countryOptions}
            value={countries}
            onChange={setCountries}
            searchable
            clearable
            w={280}
          />
          <MultiSelect
            label="Industries"
            placeholder={picked.length ? undefined : 'Pick industries'}
            data={(industries.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
            value={picked}
            onChange={setPicked}
            searchable
            clearable
            w={320}
          />
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            disabled={fresh.length === 0}
            onClick={add}
          >
            {combinations.length === 0
              ? 'Add cells'
              : fresh.length === 0
                ? 'Already added'
                : `Add ${fresh.length} cell${fresh.length === 1 ? '' : 's'}`}
          </Button>
        </Group>
        <Text size="sm" c="dimmed" aria-live="polite">
          {cells.length === 0
            ? 'No direct cells.'
            : `${cells.length} direct cell${cells.length === 1 ? '' : 's'} in ${countryCount} countr${countryCount === 1 ? 'y' : 'ies'}.`}
          {changed && ' Not saved yet.'}
        </Text>
        <CellTable
          cells={cells}
          industries={industries.data ?? []}
          empty="No direct coverage: pick countries and industries above to add the cells you cover yourself."
          onRemove={(cell) => edit(cells.filter((c) => keyOf(c) !== keyOf(cell)))}
          onRemoveCountry={(country) => edit(cells.filter((c) => c.country !== country))}
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!changed}
            onClick={() => {
              setCells(settings.directCoverage);
              update.reset();
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" disabled={!changed} loading={update.isPending}>
            Save direct coverage
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
