import { ActionIcon, Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type ChecklistKind, checklistKindLabels } from '../labels';
import type { FieldErrors } from './field-errors';
import { belowInput } from './layout';
import { type ChecklistDraft, codeFrom, newChecklistItem } from './program-draft';

const kindOptions = Object.entries(checklistKindLabels).map(([value, label]) => ({ value, label }));

interface Props {
  items: ChecklistDraft[];
  onChange: (items: ChecklistDraft[], structural?: boolean) => void;
  errors: FieldErrors;
  onFieldEdit: (path: string) => void;
  readOnly: boolean;
}

/** The onboarding tasks of a new partner. Most complete themselves; custom tasks are ticked by hand. */
export function ChecklistEditor({ items, onChange, errors, onFieldEdit, readOnly }: Props) {
  const set = (i: number, item: ChecklistDraft, field: string) => {
    onFieldEdit(`checklist.${i}.${field}`);
    onChange(items.map((c, k) => (k === i ? item : c)));
  };

  return (
    <Stack gap="xs">
      {errors.at('checklist') && (
        <Alert color="red" role="alert">
          {errors.at('checklist')}
        </Alert>
      )}
      {items.length === 0 && (
        <Text c="dimmed" size="sm">
          No onboarding tasks.
        </Text>
      )}
      {items.map((item, i) => {
        const label = `Checklist item ${i + 1}`;
        return (
          <Group key={item.uid} role="group" aria-label={label} align="flex-start" gap="xs" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
              <Select
                label="Task kind"
                data={kindOptions}
                value={item.kind}
                allowDeselect={false}
                onChange={(value) => value && set(i, { ...item, kind: value as ChecklistKind }, 'kind')}
                error={errors.at(`checklist.${i}.kind`)}
              />
              <TextInput
                label="Title"
                required
                value={item.title}
                onChange={(e) => {
                  const title = e.currentTarget.value;
                  set(
                    i,
                    { ...item, title, ...(item.keyEdited ? {} : { key: codeFrom(title, 'task') }) },
                    'title',
                  );
                }}
                error={errors.at(`checklist.${i}.title`)}
              />
              <TextInput
                label="Key"
                inputWrapperOrder={belowInput}
                description="Lower-case letters, digits and underscores"
                value={item.key}
                onChange={(e) => set(i, { ...item, key: e.currentTarget.value, keyEdited: true }, 'key')}
                error={errors.at(`checklist.${i}.key`)}
              />
            </SimpleGrid>
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={`Remove ${label.toLowerCase()}`}
                onClick={() =>
                  onChange(
                    items.filter((_, k) => k !== i),
                    true,
                  )
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        );
      })}
      {!readOnly && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...items, newChecklistItem()], true)}
          disabled={items.length >= 30}
          w="fit-content"
        >
          Add checklist item
        </Button>
      )}
    </Stack>
  );
}
