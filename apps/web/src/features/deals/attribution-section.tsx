import { Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type AttributionModel, attributionQueryOptions, type Deal } from '../../api/deals';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useSession } from '../auth/session';
import { formatMinor } from './format';
import { attributionModelLabels, attributionModels, roleLabels } from './labels';

const modelOptions = attributionModels.map((value) => ({ value, label: attributionModelLabels[value] }));

// The sourcing partner always gets the whole amount as sourced credit; the models share the
// influence credit (the whole amount again) among the other partners on the deal.
const modelExplanations: Record<AttributionModel, string> = {
  even: 'The sourcing partner gets the whole amount as sourced credit; the other partners share the influence credit evenly.',
  first_touch:
    'The sourcing partner gets the whole amount as sourced credit; the first other partner involved gets all the influence credit.',
  last_touch:
    'The sourcing partner gets the whole amount as sourced credit; the last other partner involved gets all the influence credit.',
};

/** Who gets credit for a won deal, under the model chosen (won deals only). */
export function AttributionSection({ deal }: { deal: Deal }) {
  const { organization } = useSession();
  const [model, setModel] = useState<AttributionModel>('even');
  const attribution = useQuery({
    ...attributionQueryOptions(deal.id, model),
    placeholderData: keepPreviousData,
  });
  const credits = attribution.data?.credits ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="deal-attribution">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3" id="deal-attribution">
            Attribution
          </Title>
          <Text c="dimmed" size="sm">
            {modelExplanations[model]}
            {organization.kind === 'partner' && ' You see your own organization’s credit.'}
          </Text>
        </div>
        <SegmentedControl
          aria-label="Attribution model"
          data={modelOptions}
          value={model}
          onChange={(value) => setModel(value as AttributionModel)}
        />
      </Group>
      {attribution.isPending ? (
        <LoadingState label="Loading attribution…" />
      ) : attribution.isError ? (
        <ErrorAlert error={attribution.error} title="The attribution could not be loaded" />
      ) : credits.length === 0 ? (
        <Text size="sm">
          {deal.vendorRecorded
            ? 'A vendor-sourced deal with no partners on it: no partner is credited.'
            : 'No partner is credited.'}
        </Text>
      ) : (
        <div
          style={{ opacity: attribution.isPlaceholderData ? 0.5 : 1 }}
          aria-busy={attribution.isPlaceholderData}
        >
          <Table verticalSpacing="sm" aria-label="Attribution">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Organization</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th ta="right">Sourced credit</Table.Th>
                <Table.Th ta="right">Influence credit</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {credits.map((c) => (
                <Table.Tr key={`${c.organization.id}-${c.role}`}>
                  <Table.Td fw={500}>{c.organization.name}</Table.Td>
                  <Table.Td>{roleLabels[c.role]}</Table.Td>
                  <Table.Td ta="right">{formatMinor(c.sourcedCredit, attribution.data.currency)}</Table.Td>
                  <Table.Td ta="right">{formatMinor(c.influenceCredit, attribution.data.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed" mt="xs">
            Of {formatMinor(attribution.data.amount, attribution.data.currency)} won.
          </Text>
        </div>
      )}
    </Stack>
  );
}
