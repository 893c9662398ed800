import { Card, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';
import type { Figure } from '../../api/analytics';
import { change, formatFigure, type Unit } from './format';

interface Props {
  label: string;
  figure: Figure;
  previous?: Figure | undefined;
  unit: Unit;
  currency: string;
}

/** One headline figure with its change from the previous period; a missing figure says why. */
export function HeadlineCard({ label, figure, previous, unit, currency }: Props) {
  const delta = previous ? change(figure, previous) : null;
  return (
    <Card withBorder padding="md" component="article" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {figure.value === null ? (
        <Tooltip label={figure.reason ?? 'No data'} multiline w={240}>
          <Text fz={26} fw={700} c="dimmed" data-testid="figure-value">
            —
          </Text>
        </Tooltip>
      ) : (
        <Text fz={26} fw={700} data-testid="figure-value">
          {formatFigure(figure, unit, currency)}
        </Text>
      )}
      {figure.value === null ? (
        <Text size="xs" c="dimmed">
          {figure.reason}
        </Text>
      ) : (
        previous && (
          <Group gap={4}>
            {delta === null ? (
              <Text size="xs" c="dimmed">
                {previous.value === null ? 'No figure for the previous period' : 'Previous: 0'}
              </Text>
            ) : (
              <>
                {delta >= 0 ? (
                  <IconArrowUpRight size={14} color="var(--mantine-color-teal-7)" />
                ) : (
                  <IconArrowDownRight size={14} color="var(--mantine-color-red-7)" />
                )}
                <Text size="xs" c={delta >= 0 ? 'teal' : 'red'}>
                  {`${delta >= 0 ? '+' : ''}${(delta * 100).toFixed(1)}%`} vs previous period
                </Text>
              </>
            )}
          </Group>
        )
      )}
    </Card>
  );
}
