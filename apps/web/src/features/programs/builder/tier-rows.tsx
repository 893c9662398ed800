// One requirement or benefit row of a tier.
import { ActionIcon, Group, NumberInput, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { isMoneyMetric } from '@partnergraph/shared/codes';
import type { MetricKey } from '@partnergraph/shared/contracts/programs';
import { IconTrash } from '@tabler/icons-react';
import { type BenefitKind, type Comparison, windowedMetrics } from '../labels';
import type { FieldErrors } from './field-errors';
import { belowInput } from './layout';
import type { BenefitDraft, Period, RuleDraft } from './program-draft';
import {
  metricOptions,
  comparisonOptions,
  benefitOptions,
  periodOptions,
  thresholdHelp,
} from './tier-options';

interface RowProps<T> {
  label: string;
  path: string;
  onChange: (value: T, field: string) => void;
  onRemove: () => void;
  errors: FieldErrors;
  readOnly: boolean;
}

export function RuleRow({
  rule,
  label,
  path,
  onChange,
  onRemove,
  errors,
  readOnly,
  currency,
}: RowProps<RuleDraft> & { rule: RuleDraft; currency: string }) {
  const attestation = rule.metric === 'manual_attestation';
  const money = isMoneyMetric(rule.metric);
  const windowed = windowedMetrics.includes(rule.metric);
  return (
    <Group role="group" aria-label={label} align="flex-start" gap="xs" wrap="nowrap">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" style={{ flex: 1 }}>
        <Select
          label="Metric"
          data={metricOptions}
          value={rule.metric}
          allowDeselect={false}
          onChange={(value) => {
            if (!value) return;
            const metric = value as MetricKey;
            // An attestation is either recorded or not: at least 1 means "recorded". A count is no amount
            // of money, nor the other way round: the threshold starts over when the unit changes.
            const patch =
              metric === 'manual_attestation'
                ? { comparison: 'gte' as const, threshold: 1 }
                : isMoneyMetric(metric) !== money
                  ? { threshold: '' }
                  : {};
            onChange({ ...rule, metric, ...patch }, 'metric');
          }}
          error={errors.at(`${path}.metric`)}
        />
        {attestation ? (
          <TextInput
            label="Attestation label"
            inputWrapperOrder={belowInput}
            description="What the vendor attests, e.g. Security review passed"
            value={rule.label}
            onChange={(e) => onChange({ ...rule, label: e.currentTarget.value }, 'label')}
            error={errors.at(`${path}.label`)}
            style={{ gridColumn: 'span 2' }}
          />
        ) : (
          <Select
            label="Comparison"
            data={comparisonOptions}
            value={rule.comparison}
            allowDeselect={false}
            onChange={(value) =>
              value && onChange({ ...rule, comparison: value as Comparison }, 'comparison')
            }
            error={errors.at(`${path}.comparison`)}
          />
        )}
        {money && (
          <TextInput
            label={`Threshold (${currency})`}
            inputWrapperOrder={belowInput}
            description={`In ${currency}, e.g. 250,000`}
            inputMode="decimal"
            value={String(rule.threshold)}
            onChange={(e) => onChange({ ...rule, threshold: e.currentTarget.value }, 'threshold')}
            error={errors.at(`${path}.threshold`)}
          />
        )}
        {!attestation && !money && (
          <NumberInput
            label="Threshold"
            inputWrapperOrder={belowInput}
            description={thresholdHelp[rule.metric]}
            min={0}
            thousandSeparator=","
            value={rule.threshold}
            onChange={(value) => onChange({ ...rule, threshold: value }, 'threshold')}
            error={errors.at(`${path}.threshold`)}
          />
        )}
        {windowed ? (
          <NumberInput
            label="Window (days)"
            inputWrapperOrder={belowInput}
            description="Counted over the last days"
            min={1}
            max={3650}
            allowDecimal={false}
            value={rule.windowDays}
            onChange={(value) => onChange({ ...rule, windowDays: value }, 'windowDays')}
            error={errors.at(`${path}.windowDays`)}
          />
        ) : (
          // Errors about a field the row does not show (e.g. an attestation's threshold) still show here.
          (errors.at(`${path}.windowDays`) ?? (attestation ? errors.at(`${path}.threshold`) : undefined)) && (
            <Text c="red" size="sm" role="alert" mt={28}>
              {errors.at(`${path}.windowDays`) ?? errors.at(`${path}.threshold`)}
            </Text>
          )
        )}
      </SimpleGrid>
      {!readOnly && (
        <ActionIcon
          variant="subtle"
          color="red"
          mt={28}
          aria-label={`Remove ${label.toLowerCase()}`}
          onClick={onRemove}
        >
          <IconTrash size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}

const valueLabels: Partial<Record<BenefitKind, { label: string; suffix?: string; prefix?: string }>> = {
  discount_pct: { label: 'Percent', suffix: ' %' },
  referral_fee_pct: { label: 'Percent', suffix: ' %' },
  deal_protection_days: { label: 'Days' },
  marketplace_boost: { label: 'Multiplier', prefix: '×' },
};

export function BenefitRow({
  benefit,
  label,
  path,
  onChange,
  onRemove,
  errors,
  readOnly,
}: RowProps<BenefitDraft> & { benefit: BenefitDraft }) {
  const textual = benefit.kind === 'badge' || benefit.kind === 'custom';
  const valueCopy = valueLabels[benefit.kind];
  return (
    <Group role="group" aria-label={label} align="flex-start" gap="xs" wrap="nowrap">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs" style={{ flex: 1 }}>
        <Select
          label="Benefit"
          data={benefitOptions}
          value={benefit.kind}
          allowDeselect={false}
          onChange={(value) => value && onChange({ ...benefit, kind: value as BenefitKind }, 'kind')}
          error={errors.at(`${path}.kind`)}
        />
        {textual ? (
          <TextInput
            label={benefit.kind === 'badge' ? 'Badge text' : 'Description'}
            value={benefit.text}
            onChange={(e) => onChange({ ...benefit, text: e.currentTarget.value }, 'text')}
            error={errors.at(`${path}.text`)}
            style={{ gridColumn: 'span 2' }}
          />
        ) : benefit.kind === 'mdf_allowance' ? (
          <TextInput
            label={`Amount (${benefit.currency || 'currency'})`}
            inputWrapperOrder={belowInput}
            description="In the currency's major unit, e.g. 25,000"
            inputMode="decimal"
            value={String(benefit.value)}
            onChange={(e) => onChange({ ...benefit, value: e.currentTarget.value }, 'value')}
            error={errors.at(`${path}.value`)}
          />
        ) : (
          <NumberInput
            label={valueCopy?.label ?? 'Value'}
            suffix={valueCopy?.suffix}
            prefix={valueCopy?.prefix}
            min={0}
            thousandSeparator=","
            allowDecimal={benefit.kind !== 'deal_protection_days'}
            value={benefit.value}
            onChange={(value) => onChange({ ...benefit, value }, 'value')}
            error={errors.at(`${path}.value`)}
          />
        )}
        {benefit.kind === 'mdf_allowance' && (
          <>
            <TextInput
              label="Currency"
              inputWrapperOrder={belowInput}
              description="ISO code, e.g. USD"
              maxLength={3}
              value={benefit.currency}
              onChange={(e) =>
                onChange({ ...benefit, currency: e.currentTarget.value.toUpperCase() }, 'currency')
              }
              error={errors.at(`${path}.currency`)}
            />
            <Select
              label="Period"
              data={periodOptions}
              value={benefit.period}
              onChange={(value) =>
                onChange({ ...benefit, period: (value as Period | null) ?? null }, 'period')
              }
              error={errors.at(`${path}.period`)}
            />
          </>
        )}
      </SimpleGrid>
      {!readOnly && (
        <ActionIcon
          variant="subtle"
          color="red"
          mt={28}
          aria-label={`Remove ${label.toLowerCase()}`}
          onClick={onRemove}
        >
          <IconTrash size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}
