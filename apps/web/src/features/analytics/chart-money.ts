import { currencyDigits } from '@partnergraph/shared/money-format';
import { compactMoney, formatValue } from './format';

/**
 * Formatters for money that a chart plots in major units (toMajor): compact on the axis, and in the
 * tooltip exactly as the table writes it. Charts hand a missing point over as null.
 */
export function moneyFormatters(currency: string) {
  const toMinor = (major: number) => Math.round(major * 10 ** currencyDigits(currency));
  return {
    axis: (major: number) => compactMoney(toMinor(major), currency),
    exact: (major: number | null) => formatValue(major === null ? null : toMinor(major), 'money', currency),
  };
}
