import { BarChart } from '@mantine/charts';
import { moneyFormatters } from './chart-money';

/** Money by partner type as horizontal bars (amounts in major units; a bar may carry its own colour). */
export function TypeBarChart({
  data,
  label,
  color,
  currency,
}: {
  data: { type: string; amount: number; color?: string | undefined }[];
  label: string;
  color: string;
  currency: string;
}) {
  const money = moneyFormatters(currency);
  return (
    <BarChart
      h={Math.max(160, 44 * data.length)}
      data={data}
      dataKey="type"
      orientation="vertical"
      maxBarWidth={32}
      series={[{ name: 'amount', label, color }]}
      valueFormatter={money.exact}
      xAxisProps={{ tickFormatter: money.axis }}
      yAxisProps={{ width: 200 }}
      gridAxis="y"
    />
  );
}
