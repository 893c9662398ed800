import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconPlayerPlay } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  type ColumnMapping,
  type FieldValues,
  type Import,
  importValuesQueryOptions,
  useStartDryRun,
  type ValueMapping,
} from '../../api/imports';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { formatCount, plural } from './import-parts';

interface Props {
  item: Import;
  mapping: ColumnMapping;
  onBack: () => void;
  onStarted: () => void;
}

/**
 * Between the columns and the dry run: the values of coded columns that are not codes as written
 * ("Germany", "Reseller"), each with the code proposed for it, to confirm or change. The dry run
 * applies exactly what is confirmed here.
 */
export function ValuesStep({ item, mapping, onBack, onStarted }: Props) {
  const proposals = useQuery(importValuesQueryOptions(item.id, item.version, mapping));
  if (proposals.isPending) return <LoadingState label="Reading the file’s values…" />;
  if (proposals.isError)
    return (
      <Stack>
        <ErrorAlert error={proposals.error} title="The file’s values could not be read" />
        <Group>
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            Back to the columns
          </Button>
        </Group>
      </Stack>
    );
  return (
    <ValuesForm item={item} mapping={mapping} fields={proposals.data} onBack={onBack} onStarted={onStarted} />
  );
}

/** Each value's code: the last confirmed one for this file, else the proposal. */
function initialValues(item: Import, fields: FieldValues[]): ValueMapping {
  return Object.fromEntries(
    fields.map((f) => [
      f.field,
      Object.fromEntries(
        f.values.flatMap((v) => {
          const code = item.valueMapping?.[f.field]?.[v.value] ?? v.suggestion;
          return code ? [[v.value, code]] : [];
        }),
      ),
    ]),
  );
}

function ValuesForm({ item, mapping, fields, onBack, onStarted }: Props & { fields: FieldValues[] }) {
  const [values, setValues] = useState<ValueMapping>(() => initialValues(item, fields));
  const dryRun = useStartDryRun(item.id);
  const asked = fields.filter((f) => f.values.length > 0);
  const unmapped = asked.reduce((n, f) => n + f.values.filter((v) => !values[f.field]?.[v.value]).length, 0);

  function setValue(field: string, written: string, code: string | null) {
    setValues((current) => {
      const next = { ...current[field] };
      if (code) next[written] = code;
      else delete next[written];
      return { ...current, [field]: next };
    });
    if (dryRun.isError) dryRun.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    dryRun.mutate({ version: item.version, mapping, values }, { onSuccess: onStarted });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Value mapping">
      <Stack gap="lg">
        <div>
          <Title order={2} size="h4">
            Confirm how values are read
          </Title>
          <Text size="sm" c="dimmed">
            {asked.length
              ? 'These values are not codes as written. Each is imported as the code chosen here; change any that is wrong.'
              : 'Every value in the coded columns is already a code: nothing to map.'}
          </Text>
        </div>
        {dryRun.error && <ErrorAlert error={dryRun.error} title="The dry run did not start" />}
        {unmapped > 0 && (
          <Alert color="yellow" icon={<IconAlertCircle />}>
            {plural(unmapped, 'value')} {unmapped === 1 ? 'has' : 'have'} no code: the dry run will report the
            rows that hold {unmapped === 1 ? 'it' : 'them'}. Choose a code to import{' '}
            {unmapped === 1 ? 'it' : 'them'}.
          </Alert>
        )}
        {asked.map((f) => (
          <FieldValuesTable
            key={f.field}
            field={f}
            chosen={values[f.field] ?? {}}
            onChange={(written, code) => setValue(f.field, written, code)}
          />
        ))}
        <Group justify="space-between">
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            Back to the columns
          </Button>
          <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={dryRun.isPending}>
            Run dry run
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FieldValuesTable({
  field,
  chosen,
  onChange,
}: {
  field: FieldValues;
  chosen: Record<string, string>;
  onChange: (written: string, code: string | null) => void;
}) {
  const id = `values-${field.field}`;
  const data = field.choices.map((c) => ({
    value: c.value,
    label: c.label === c.value ? c.value : `${c.label} (${c.value})`,
  }));
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Group gap="xs">
        <Title order={3} size="h5" id={id}>
          {field.label}
        </Title>
        <Text size="sm" c="dimmed">
          column “{field.column}”, {field.what}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label={`Values of ${field.label}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>In the file</Table.Th>
              <Table.Th>Rows</Table.Th>
              <Table.Th w="50%">Import as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {field.values.map((v) => (
              <Table.Tr key={v.value}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{v.value}</Table.Td>
                <Table.Td>{formatCount(v.rows)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Select
                      aria-label={`Import “${v.value}” as`}
                      placeholder="No code: reported by the dry run"
                      data={data}
                      value={chosen[v.value] ?? null}
                      onChange={(code) => onChange(v.value, code)}
                      searchable
                      clearable
                      comboboxProps={{ withinPortal: true }}
                      style={{ flex: 1 }}
                    />
                    {v.suggestion && chosen[v.value] === v.suggestion && (
                      <Badge size="xs" variant="light">
                        Proposed
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {field.truncated && (
        <Text size="xs" c="dimmed">
          The column has more values than listed: those not listed are read as written.
        </Text>
      )}
    </Stack>
  );
}
