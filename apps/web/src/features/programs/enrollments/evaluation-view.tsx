import { Badge, Group, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { Evaluation } from '../../../api/programs';
import { settingsQueryOptions } from '../../../api/settings';
import { formatDate } from '../../../components/dates';
import { describeRule, formatMetric } from '../labels';

export type RuleResult = Evaluation['tiers'][number]['rules'][number];

/** How far a rule is from met, 0–100; only "at least" rules have a measurable way to go. */
export function ruleProgress(rule: RuleResult): number {
  if (rule.met) return 100;
  if (rule.value === null || rule.threshold <= 0) return 0;
  if (rule.comparison !== 'gte' && rule.comparison !== 'gt') return 0;
  return Math.max(0, Math.min(99, Math.round((rule.value / rule.threshold) * 100)));
}

/** One requirement: what it asks, a bar toward it, the value against the threshold, and the engine's reason. */
export function RuleProgress({ rule }: { rule: RuleResult }) {
  const settings = useQuery(settingsQueryOptions);
  // Money is in the currency the engine judged it in; an evaluation stored before it said so, the reporting one.
  const currency = rule.currency ?? settings.data?.reportingCurrency ?? 'USD';
  const title = describeRule({ ...rule, label: rule.label ?? undefined }, currency);
  const progress = ruleProgress(rule);
  const measured =
    rule.metric === 'manual_attestation'
      ? rule.met
        ? 'Recorded'
        : 'Not recorded'
      : rule.value === null
        ? 'Not measured'
        : `${formatMetric(rule.metric, rule.value, currency)} of ${formatMetric(rule.metric, rule.threshold, currency)}`;
  return (
    <Stack gap={4} role="group" aria-label={title}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon size="sm" radius="xl" color={rule.met ? 'green' : 'gray'} variant="light" aria-hidden>
            {rule.met ? <IconCheck size={14} /> : <IconX size={14} />}
          </ThemeIcon>
          <Text size="sm" fw={500}>
            {title}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {measured}
        </Text>
      </Group>
      <Progress
        value={progress}
        color={rule.met ? 'green' : 'indigo'}
        size="sm"
        aria-label={`${title}: ${progress}%`}
      />
      <Text size="xs" c={rule.met ? 'green' : 'dimmed'}>
        {rule.reason}
      </Text>
    </Stack>
  );
}

/** Every tier of the last evaluation, with whether it is qualified for and why. */
export function EvaluationDetails({ evaluation }: { evaluation: Evaluation }) {
  return (
    <Stack gap="md">
      {evaluation.tiers.map((tier) => (
        <Stack key={tier.id} gap="xs" component="section" aria-label={`Tier ${tier.name}`}>
          <Group gap="xs">
            <Text fw={600}>{tier.name}</Text>
            {evaluation.currentTier?.id === tier.id && (
              <Badge size="sm" variant="filled">
                Current tier
              </Badge>
            )}
            <Badge size="sm" variant="light" color={tier.qualified ? 'green' : 'gray'}>
              {tier.qualified ? 'Qualified' : 'Not qualified'}
            </Badge>
          </Group>
          {tier.rules.length === 0 ? (
            <Text size="sm" c="dimmed">
              No requirements.
            </Text>
          ) : (
            tier.rules.map((rule, i) => <RuleProgress key={i} rule={rule} />)
          )}
        </Stack>
      ))}
    </Stack>
  );
}

/** The headline of an evaluation: the change it made, or why there was none. */
export function evaluationSummary(evaluation: Evaluation): string {
  const change = evaluation.change;
  if (change) {
    return change.kind === 'promotion'
      ? `Promoted${change.fromTier ? ` from ${change.fromTier}` : ''} to ${change.toTier}: ${change.reason}.`
      : `Moved down${change.fromTier ? ` from ${change.fromTier}` : ''} to ${change.toTier}: ${change.reason}.`;
  }
  if (evaluation.demotionEffectiveAt) {
    return `Qualifies for ${evaluation.qualifiedTier?.name ?? 'a lower tier'} only: unless the requirements are met again, the move down takes effect on ${formatDate(evaluation.demotionEffectiveAt)}.`;
  }
  return `No change: stays at ${evaluation.currentTier?.name ?? 'its tier'}.`;
}
