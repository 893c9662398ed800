import { Table, Text } from '@mantine/core';
import type { Figure } from '../../api/analytics';
import { formatFigure, type Unit } from './format';

interface Props {
  figure: Figure;
  unit: Unit;
  currency: string;
}

/** A table cell for one figure: its value, or "—" and the reason there is none (metrics.md: never 0 or NaN). */
export function FigureCell({ figure, unit, currency }: Props) {
  if (figure.value === null)
    return (
      <Table.Td ta="right">
        <Text span c="dimmed">
          —
        </Text>
        <Text size="xs" c="dimmed">
          {figure.reason}
        </Text>
      </Table.Td>
    );
  return (
    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
      {formatFigure(figure, unit, currency)}
    </Table.Td>
  );
}
