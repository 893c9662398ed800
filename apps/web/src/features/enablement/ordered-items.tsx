// A list of named items in an order the person sets: each moved up or down with the arrows, or removed.
// A collection's assets and a learning path's courses.
import { ActionIcon, Group, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';

export function OrderedItems({
  ids,
  nameOf,
  removeLabel,
  canRemove = true,
  onMove,
  onRemove,
}: {
  ids: string[];
  /** The name an item is shown and announced by. */
  nameOf: (id: string) => string;
  /** The accessible name of an item's remove button, given the item's name. */
  removeLabel: (name: string) => string;
  canRemove?: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}) {
  return ids.map((id, i) => {
    const name = nameOf(id);
    return (
      <Group key={id} justify="space-between" wrap="nowrap">
        <Text size="sm">
          {i + 1}. {name}
        </Text>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={`Move “${name}” up`}
            disabled={i === 0}
            onClick={() => onMove(i, i - 1)}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={`Move “${name}” down`}
            disabled={i === ids.length - 1}
            onClick={() => onMove(i, i + 1)}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          {canRemove && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={removeLabel(name)}
              onClick={() => onRemove(i)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      </Group>
    );
  });
}
