// The profile form's repeatable rows: certifications and case studies.
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { CaseStudyRow, CertificationRow } from './profile-form-values';

function RemoveRow({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onRemove} mt={26}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

/** Repeatable rows (certifications, case studies): each row edited in place, removed, or added up to `max`. */
export function RowsFieldset<Row extends { key: string }>({
  legend,
  addLabel,
  max,
  rows,
  error,
  onRows,
  empty,
  renderRow,
}: {
  legend: string;
  addLabel: string;
  max: number;
  rows: Row[];
  error: string | undefined;
  onRows: (rows: Row[]) => void;
  empty: () => Row;
  renderRow: (
    row: Row,
    index: number,
    onChange: (patch: Partial<Row>) => void,
    onRemove: () => void,
  ) => ReactNode;
}) {
  return (
    <Fieldset legend={legend}>
      <Stack>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        {rows.map((row, i) =>
          renderRow(
            row,
            i,
            (patch) => onRows(rows.map((r) => (r.key === row.key ? { ...r, ...patch } : r))),
            () => onRows(rows.filter((r) => r.key !== row.key)),
          ),
        )}
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => onRows([...rows, empty()])}
            disabled={rows.length >= max}
          >
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

export function CertificationInputs({
  index,
  row,
  errors = {},
  onChange,
  onRemove,
}: {
  index: number;
  row: CertificationRow;
  errors?: Record<string, string>;
  onChange: (patch: Partial<CertificationRow>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <Group align="flex-start" wrap="nowrap" gap="sm" role="group" aria-label={`Certification ${n}`}>
      <TextInput
        label="Name"
        required
        style={{ flex: 2 }}
        value={row.name}
        onChange={(e) => onChange({ name: e.currentTarget.value })}
        error={errors.name}
      />
      <TextInput
        label="Issuer"
        style={{ flex: 2 }}
        value={row.issuer}
        onChange={(e) => onChange({ issuer: e.currentTarget.value })}
        error={errors.issuer}
      />
      <NumberInput
        label="Year"
        style={{ flex: 1 }}
        min={1980}
        max={2100}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator={false}
        value={row.year}
        onChange={(year) => onChange({ year })}
        error={errors.year}
      />
      <RemoveRow label={`Remove certification ${n}`} onRemove={onRemove} />
    </Group>
  );
}

export function CaseStudyInputs({
  index,
  row,
  errors = {},
  onChange,
  onRemove,
}: {
  index: number;
  row: CaseStudyRow;
  errors?: Record<string, string>;
  onChange: (patch: Partial<CaseStudyRow>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <Paper withBorder p="sm" role="group" aria-label={`Case study ${n}`}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap="xs" style={{ flex: 1 }}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Title"
              required
              value={row.title}
              onChange={(e) => onChange({ title: e.currentTarget.value })}
              error={errors.title}
            />
            <TextInput
              label="Customer"
              value={row.customer}
              onChange={(e) => onChange({ customer: e.currentTarget.value })}
              error={errors.customer}
            />
          </SimpleGrid>
          <Textarea
            label="Summary"
            required
            autosize
            minRows={2}
            maxLength={3000}
            value={row.summary}
            onChange={(e) => onChange({ summary: e.currentTarget.value })}
            error={errors.summary}
          />
          <TextInput
            label="Link"
            type="url"
            placeholder="https://www.example.com/case-study"
            value={row.url}
            onChange={(e) => onChange({ url: e.currentTarget.value })}
            error={errors.url}
          />
        </Stack>
        <RemoveRow label={`Remove case study ${n}`} onRemove={onRemove} />
      </Group>
    </Paper>
  );
}
