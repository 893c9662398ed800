// Exchange rates by import: upserts by (currency, into, effective date), through settings' service.
import { readSettings, upsertFxRates } from '../settings/settings.service';
import { currency, date, rate, type Importer, type RowError } from './fields';

type FxReady = {
  currency: string;
  reportingCurrency: string;
  rate: string;
  effectiveDate: string;
  exists: boolean;
};

export const fxRatesImporter: Importer<FxReady> = {
  type: 'fx-rates',
  label: 'Exchange rates',
  key: 'currency + reportingCurrency + effectiveDate',
  dependsOn: [],
  writes: ['fx_rates'],
  fields: [
    {
      key: 'currency',
      label: 'Currency',
      required: true,
      description: 'ISO 4217 code',
      example: 'EUR',
      cell: currency,
    },
    {
      key: 'reportingCurrency',
      label: 'Into',
      description: 'The reporting currency it converts into (default: the current one)',
      example: 'USD',
      cell: currency,
    },
    {
      key: 'rate',
      label: 'Rate',
      required: true,
      description: 'Reporting-currency units per one unit, exact decimal',
      example: '1.0842',
      cell: rate,
    },
    {
      key: 'effectiveDate',
      label: 'Effective from',
      required: true,
      description: 'YYYY-MM-DD',
      example: '2025-01-01',
      aliases: ['date', 'effective date'],
      cell: date,
    },
  ],
  keyOf: (row) =>
    `${String(row.currency)}|${String(row.reportingCurrency ?? '')}|${String(row.effectiveDate)}`,

  async resolve(q, rows) {
    const { reportingCurrency } = await readSettings(q);
    const ready = rows.map((r) => ({
      currency: r.currency as string,
      reportingCurrency: (r.reportingCurrency as string | undefined) ?? reportingCurrency,
      rate: r.rate as string,
      effectiveDate: r.effectiveDate as string,
      exists: false,
    }));
    const errors: RowError[] = [];
    ready.forEach((r, index) => {
      if (r.currency === r.reportingCurrency)
        errors.push({
          index,
          field: 'currency',
          message: 'A currency converts into itself at 1: no rate needed',
        });
    });
    return { errors, ready: ready.map((r) => (r.currency === r.reportingCurrency ? null : r)) };
  },

  async write(q, rows) {
    const created = await upsertFxRates(
      q,
      rows.map(({ exists: _e, ...r }) => r),
    );
    return { created, updated: rows.length - created };
  },
};
