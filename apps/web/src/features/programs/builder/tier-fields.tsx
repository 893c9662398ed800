// One tier of the ladder: its name, its requirements and its benefits.
import { ActionIcon, Box, Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { FieldErrors } from './field-errors';
import { belowInput } from './layout';
import {
  type BenefitDraft,
  codeFrom,
  newBenefit,
  newRule,
  type RuleDraft,
  type TierDraft,
} from './program-draft';
import { RuleRow, BenefitRow } from './tier-rows';

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

export function TierFields({
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
