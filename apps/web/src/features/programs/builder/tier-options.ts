// The choices the tier editor's selects offer, in the words people read.
import type { MetricKey } from '@partnergraph/shared/contracts/programs';
import { benefitLabels, comparisonLabels, metricLabels } from '../labels';

export const metricOptions = Object.entries(metricLabels).map(([value, label]) => ({ value, label }));
export const comparisonOptions = Object.entries(comparisonLabels).map(([value, label]) => ({ value, label }));
export const benefitOptions = Object.entries(benefitLabels).map(([value, label]) => ({ value, label }));
export const periodOptions = [
  { value: 'month', label: 'Per month' },
  { value: 'quarter', label: 'Per quarter' },
  { value: 'year', label: 'Per year' },
];

export const thresholdHelp: Partial<Record<MetricKey, string>> = {
  engagement_score: 'Points',
  manual_attestation: '1 once the vendor has attested',
  lead_acceptance_rate: 'Percent of decided leads accepted (0–100)',
};
