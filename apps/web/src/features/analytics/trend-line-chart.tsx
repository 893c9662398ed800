import '@mantine/charts/styles.css';
import { LineChart, type LineChartProps } from '@mantine/charts';

/**
 * The overview's monthly trend as lines: its own chunk with the chart library, loaded when the card
 * scrolls into view (overview-page.tsx), so the headlines paint without it.
 */
export function TrendLineChart(props: LineChartProps) {
  return <LineChart {...props} />;
}
