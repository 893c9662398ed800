import { Alert, Button, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { FieldErrors } from './field-errors';
import { newTier, type TierDraft } from './program-draft';
import { TierFields } from './tier-fields';

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
