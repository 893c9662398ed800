import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { AuditSearch } from './audit-search';

interface Props {
  filters: AuditSearch;
  onChange: (filters: AuditSearch) => void;
}

/** Free-text filters apply on submit (Enter or "Apply"), so the log is not re-queried at every keystroke. */
export function AuditFilters({ filters, onChange }: Props) {
  const [draft, setDraft] = useState(filters);
  const set = (key: keyof AuditSearch, value: string) => setDraft({ ...draft, [key]: value || undefined });
  const anyFilter = Object.values(filters).some(Boolean);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange({
      ...draft,
      action: draft.action?.trim() || undefined,
      entityType: draft.entityType?.trim() || undefined,
      entityId: draft.entityId?.trim() || undefined,
    });
  }

  return (
    <form onSubmit={submit} role="search" aria-label="Filter the audit log">
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Action"
          placeholder="e.g. partner.updated"
          value={draft.action ?? ''}
          onChange={(e) => set('action', e.currentTarget.value)}
          w={{ base: '100%', sm: 180 }}
        />
        <TextInput
          label="Entity type"
          placeholder="e.g. organization"
          value={draft.entityType ?? ''}
          onChange={(e) => set('entityType', e.currentTarget.value)}
          w={{ base: '100%', sm: 150 }}
        />
        <TextInput
          label="Entity id"
          value={draft.entityId ?? ''}
          onChange={(e) => set('entityId', e.currentTarget.value)}
          w={{ base: '100%', sm: 170 }}
        />
        <TextInput
          label="From"
          type="date"
          value={draft.from ?? ''}
          max={draft.to}
          onChange={(e) => set('from', e.currentTarget.value)}
          w={{ base: '100%', sm: 150 }}
        />
        <TextInput
          label="To"
          type="date"
          value={draft.to ?? ''}
          min={draft.from}
          onChange={(e) => set('to', e.currentTarget.value)}
          w={{ base: '100%', sm: 150 }}
        />
        <Group gap="xs" wrap="nowrap">
          <Button type="submit">Apply</Button>
          {anyFilter && (
            <Button
              variant="subtle"
              onClick={() => {
                setDraft({});
                onChange({});
              }}
            >
              Clear filters
            </Button>
          )}
        </Group>
      </Group>
    </form>
  );
}
