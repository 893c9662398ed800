import { Button, Group, NumberInput, SimpleGrid, Stack, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import type { Settings, useUpdateSettings } from '../../api/settings';
import { SectionError } from './direct-coverage-form';

type Weights = Settings['engagementWeights'];
type Kind = keyof Weights;

export const weightLabels: Record<Kind, string> = {
  post: 'Post',
  comment: 'Comment',
  eventAttended: 'Event attended',
  referralSent: 'Referral sent',
  dealRegistered: 'Deal registered',
  profileUpdated: 'Profile updated',
  lessonCompleted: 'Lesson completed',
  certificationEarned: 'Certification earned',
};

const kinds = Object.keys(weightLabels) as Kind[];

// metrics.md's defaults (the contract holds them too, but the web app imports no runtime code from contracts).
const defaults: Weights = {
  post: 3,
  comment: 1,
  eventAttended: 5,
  referralSent: 4,
  dealRegistered: 4,
  profileUpdated: 1,
  lessonCompleted: 1,
  certificationEarned: 5,
};

export function EngagementWeightsSummary({ settings }: { settings: Settings }) {
  return (
    <Table variant="vertical" withTableBorder aria-label="Engagement weights" layout="fixed">
      <Table.Tbody>
        {kinds.map((k) => (
          <Table.Tr key={k}>
            <Table.Th w={220}>{weightLabels[k]}</Table.Th>
            <Table.Td>{settings.engagementWeights[k]} points</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Points per activity in the engagement score that partner health and scorecards use. */
export function EngagementWeightsForm({
  settings,
  update,
}: {
  settings: Settings;
  update: ReturnType<typeof useUpdateSettings>;
}) {
  const [values, setValues] = useState<Record<Kind, number | string>>(settings.engagementWeights);
  const errors: Partial<Record<Kind, string>> = {};
  for (const k of kinds) {
    const v = values[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) errors[k] = 'Give a number from 0 to 100';
    else if (v < 0 || v > 100) errors[k] = 'From 0 to 100';
  }
  const valid = Object.keys(errors).length === 0;
  const changed = kinds.some((k) => values[k] !== settings.engagementWeights[k]);
  const [showErrors, setShowErrors] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!valid) {
      setShowErrors(true);
      return;
    }
    if (!changed) return;
    update.mutate(
      { version: settings.version, engagementWeights: values as Weights },
      {
        onSuccess: () =>
          notifications.show({ color: 'green', message: 'The engagement weights were saved.' }),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Engagement weights">
      <Stack>
        <SectionError error={update.error} />
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }}>
          {kinds.map((k) => (
            <NumberInput
              key={k}
              label={weightLabels[k]}
              min={0}
              max={100}
              step={1}
              decimalScale={2}
              allowNegative={false}
              value={values[k]}
              onChange={(v) => {
                setValues((prev) => ({ ...prev, [k]: v }));
                if (update.error) update.reset();
              }}
              error={showErrors ? errors[k] : undefined}
            />
          ))}
        </SimpleGrid>
        <Group justify="space-between">
          <Button
            variant="subtle"
            onClick={() => {
              setValues(defaults);
              setShowErrors(false);
            }}
            disabled={kinds.every((k) => values[k] === defaults[k])}
          >
            Reset to the defaults
          </Button>
          <Group>
            <Button
              variant="default"
              disabled={!changed}
              onClick={() => {
                setValues(settings.engagementWeights);
                setShowErrors(false);
                update.reset();
              }}
            >
              Discard changes
            </Button>
            <Button type="submit" disabled={!changed} loading={update.isPending}>
              Save weights
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
