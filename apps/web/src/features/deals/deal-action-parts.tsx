// What every deal action form shares: running the action against the version on screen, and its buttons.
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Deal, type DealAction, useDealAction } from '../../api/deals';

export interface FormProps {
  deal: Deal;
  onDone: () => void;
}

/** Runs one action with the version the page shows now, and says so when it went through. */
export function useRun(deal: Deal, onDone: () => void) {
  const action = useDealAction(deal.id);
  const run = (body: DealAction, done: string) =>
    action.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: done });
        onDone();
      },
    });
  return { action, run };
}

export function FormButtons({
  label,
  color,
  pending,
  onCancel,
}: {
  label: string;
  color?: string;
  pending: boolean;
  onCancel: () => void;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" color={color} loading={pending}>
        {label}
      </Button>
    </Group>
  );
}

/** A whole number from a NumberInput, or undefined when left empty. */
export const wholeOrUndefined = (value: string | number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : undefined;
