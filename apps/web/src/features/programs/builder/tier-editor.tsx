import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { isMoneyMetric } from '@partnergraph/shared/codes';
import type { MetricKey } from '@partnergraph/shared/contracts/programs';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import {
  type BenefitKind,
  benefitLabels,
  type Comparison,
  comparisonLabels,
  metricLabels,
  windowedMetrics,
} from '../labels';
import type { FieldErrors } from './field-errors';
import { belowInput } from './layout';
import {
  type BenefitDraft,
  codeFrom,
  newBenefit,
  newRule,
  newTier,
  type Period,
  type RuleDraft,
  type TierDraft,
} from './program-draft';

const metricOptions = Object.entries(metricLabels).map(([value, label]) => ({ value, label }));
const comparisonOptions = Object.entries(comparisonLabels).map(([value, label]) => ({ value, label }));
const benefitOptions = Object.entries(benefitLabels).map(([value, label]) => ({ value, label }));
const periodOptions = [
  { value: 'month', label: 'Per month' },
  { value: 'quarter', label: 'Per quarter' },
  { value: 'year', label: 'Per year' },
];

const thresholdHelp: Partial<Record<MetricKey, string>> = {
  engagement_score: 'Points',
  manual_attestation: '1 once the vendor has attested',
};

interface EditorProps {
  tiers: TierDraft[];
  /** `structural`: tiers or rows were added, removed or moved, so positional errors no longer fit. */
  onChange: (tiers: TierDraft[], structural?: boolean) => void;
  errors: FieldErrors;
  onFieldEdit: (path: string) => void;
  readOnly: boolean;
  /** The reporting currency: money thresholds are typed in its major unit. */
  currency: string;
}

/** The tier ladder, entry tier first: each tier with its requirements and benefits. */
export function TierEditor({ tiers, onChange, errors, onFieldEdit, readOnly, currency }: EditorProps) {
  const replace = (i: number, tier: TierDraft, structural = false) =>
    onChange(
      tiers.map((t, k) => (k === i ? tier : t)),
      structural,
    );
  const move = (i: number, by: -1 | 1) => {
    const next = [...tiers];
    const [tier] = next.splice(i, 1);
    if (tier) next.splice(i + by, 0, tier);
    onChange(next, true);
  };

  return (
    <Stack>
      {errors.at('tiers') && (
        <Alert color="red" role="alert">
          {errors.at('tiers')}
        </Alert>
      )}
      {tiers.map((tier, i) => (
        <TierFields
          key={tier.uid}
          tier={tier}
          index={i}
          count={tiers.length}
          onChange={(t, structural) => replace(i, t, structural)}
          onMove={(by) => move(i, by)}
          onRemove={() =>
            onChange(
              tiers.filter((_, k) => k !== i),
              true,
            )
          }
          errors={errors}
          onFieldEdit={onFieldEdit}
          readOnly={readOnly}
          currency={currency}
        />
      ))}
      {!readOnly && (
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => onChange([...tiers, newTier()], true)}
          disabled={tiers.length >= 10}
          w="fit-content"
        >
          Add tier
        </Button>
      )}
    </Stack>
  );
}

interface TierProps {
  tier: TierDraft;
  index: number;
  count: number;
  onChange: (tier: TierDraft, structural?: boolean) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  errors: FieldErrors;
  onFieldEdit: (path: string) => void;
  readOnly: boolean;
  currency: string;
}

function TierFields({
  tier,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  errors,
  onFieldEdit,
  readOnly,
  currency,
}: TierProps) {
  const n = index + 1;
  const at = `tiers.${index}`;
  const set = (patch: Partial<TierDraft>, field?: string) => {
    if (field) onFieldEdit(`${at}.${field}`);
    onChange({ ...tier, ...patch });
  };
  const setRule = (j: number, rule: RuleDraft, field: string) => {
    onFieldEdit(`${at}.requirements.${j}.${field}`);
    onChange({ ...tier, requirements: tier.requirements.map((r, k) => (k === j ? rule : r)) });
  };
  const setBenefit = (j: number, benefit: BenefitDraft, field: string) => {
    onFieldEdit(`${at}.benefits.${j}.${field}`);
    onChange({ ...tier, benefits: tier.benefits.map((b, k) => (k === j ? benefit : b)) });
  };

  return (
    <Fieldset legend={`Tier ${n}`} variant="filled">
      <Stack gap="md">
        <Group align="flex-start" wrap="nowrap">
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
            <TextInput
              label="Tier name"
              required
              value={tier.name}
              onChange={(e) => {
                const name = e.currentTarget.value;
                set({ name, ...(tier.codeEdited ? {} : { code: codeFrom(name, `tier_${n}`) }) }, 'name');
              }}
              error={errors.at(`${at}.name`)}
            />
            <TextInput
              label="Tier code"
              inputWrapperOrder={belowInput}
              description="Lower-case letters, digits and underscores"
              value={tier.code}
              onChange={(e) => set({ code: e.currentTarget.value, codeEdited: true }, 'code')}
              error={errors.at(`${at}.code`)}
            />
          </SimpleGrid>
          {!readOnly && (
            <Group gap={4} mt={24} wrap="nowrap">
              <ActionIcon
                variant="default"
                aria-label={`Move tier ${n} up`}
                disabled={index === 0}
                onClick={() => onMove(-1)}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
              <ActionIcon
                variant="default"
                aria-label={`Move tier ${n} down`}
                disabled={index === count - 1}
                onClick={() => onMove(1)}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
              <ActionIcon
                variant="light"
                color="red"
                aria-label={`Remove tier ${n}`}
                disabled={count === 1}
                onClick={onRemove}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>

        <Box>
          <Text fw={600} size="sm">
            Requirements
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {index === 0
              ? 'The entry tier: every enrolled partner starts here, so it usually asks for nothing.'
              : 'A partner qualifies for this tier when every requirement is met.'}
          </Text>
          {errors.at(`${at}.requirements`) && (
            <Text c="red" size="sm" role="alert">
              {errors.at(`${at}.requirements`)}
            </Text>
          )}
          <Stack gap="xs">
            {tier.requirements.map((rule, j) => (
              <RuleRow
                key={rule.uid}
                rule={rule}
                label={`Requirement ${j + 1}`}
                path={`${at}.requirements.${j}`}
                onChange={(r, field) => setRule(j, r, field)}
                onRemove={() =>
                  onChange({ ...tier, requirements: tier.requirements.filter((_, k) => k !== j) }, true)
                }
                errors={errors}
                readOnly={readOnly}
                currency={currency}
              />
            ))}
          </Stack>
          {!readOnly && (
            <Button
              variant="subtle"
              size="xs"
              mt="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => onChange({ ...tier, requirements: [...tier.requirements, newRule()] }, true)}
              disabled={tier.requirements.length >= 20}
            >
              Add requirement to tier {n}
            </Button>
          )}
        </Box>

        <Box>
          <Text fw={600} size="sm" mb="xs">
            Benefits
          </Text>
          {errors.at(`${at}.benefits`) && (
            <Text c="red" size="sm" role="alert">
              {errors.at(`${at}.benefits`)}
            </Text>
          )}
          <Stack gap="xs">
            {tier.benefits.map((benefit, j) => (
              <BenefitRow
                key={benefit.uid}
                benefit={benefit}
                label={`Benefit ${j + 1}`}
                path={`${at}.benefits.${j}`}
                onChange={(b, field) => setBenefit(j, b, field)}
                onRemove={() =>
                  onChange({ ...tier, benefits: tier.benefits.filter((_, k) => k !== j) }, true)
                }
                errors={errors}
                readOnly={readOnly}
              />
            ))}
          </Stack>
          {!readOnly && (
            <Button
              variant="subtle"
              size="xs"
              mt="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => onChange({ ...tier, benefits: [...tier.benefits, newBenefit()] }, true)}
              disabled={tier.benefits.length >= 30}
            >
              Add benefit to tier {n}
            </Button>
          )}
        </Box>
      </Stack>
    </Fieldset>
  );
}

interface RowProps<T> {
  label: string;
  path: string;
  onChange: (value: T, field: string) => void;
  onRemove: () => void;
  errors: FieldErrors;
  readOnly: boolean;
}

function RuleRow({
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

function BenefitRow({
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
