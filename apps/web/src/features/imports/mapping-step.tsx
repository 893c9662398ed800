import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowRight, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import {
  type ColumnMapping,
  type Import,
  importMappingsQueryOptions,
  importQueryOptions,
  type ImportTypeInfo,
  useDeleteMapping,
  useSaveMapping,
} from '../../api/imports';
import { LoadingState } from '../../components/query-state';
import { listFormat } from './import-parts';
import { ValuesStep } from './values-step';

interface Props {
  item: Import;
  info: ImportTypeInfo;
  /** The import this file corrects: its mapping is offered first. */
  fromId: string | undefined;
  /** Shown when the mapping is being changed after a dry run: goes back to its result. */
  onCancel?: () => void;
  onStarted: () => void;
}

/** The entries of `mapping` whose column this file has. */
function fitting(mapping: ColumnMapping, columns: string[]): ColumnMapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, column]) => columns.includes(column)));
}

/** Step 2: one row per field, a column of the file for each; then the values to confirm, then the dry run. */
export function MappingStep({ item, info, fromId, onCancel, onStarted }: Props) {
  // A corrected file offers the columns matched for the file it corrects (once that import has loaded).
  const previous = useQuery({ ...importQueryOptions(fromId ?? ''), enabled: !!fromId && !item.mapping });
  if (fromId && !item.mapping && previous.isPending)
    return <LoadingState label="Loading the previous file’s mapping…" />;

  let initial: ColumnMapping = item.suggestedMapping;
  let source = 'Prefilled by matching the file’s column names to the fields.';
  if (item.mapping) {
    initial = item.mapping;
    source = 'The mapping of the last dry run.';
  } else if (previous.data?.mapping && previous.data.type === item.type) {
    initial = { ...item.suggestedMapping, ...fitting(previous.data.mapping, item.columns) };
    source = `Prefilled with the columns matched for ${previous.data.fileName}.`;
  }
  return (
    <MappingForm
      key={item.id}
      item={item}
      info={info}
      initial={initial}
      source={source}
      onCancel={onCancel}
      onStarted={onStarted}
    />
  );
}

function MappingForm({
  item,
  info,
  initial,
  source,
  onCancel,
  onStarted,
}: Omit<Props, 'fromId'> & { initial: ColumnMapping; source: string }) {
  const [mapping, setMapping] = useState<ColumnMapping>(initial);
  const [note, setNote] = useState(source);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  // The columns are chosen: their values are confirmed next, before the dry run.
  const [confirming, setConfirming] = useState(false);
  // The server checks the mapping again when it reads the values (the next step says what it refused).
  const errors = localErrors;

  const used = new Set(Object.values(mapping));
  const unused = item.columns.filter((c) => !used.has(c));

  function setField(key: string, column: string | null) {
    setMapping((m) => {
      const next = { ...m };
      if (column) next[key] = column;
      else delete next[key];
      return next;
    });
    setLocalErrors(({ [key]: _dropped, ...rest }) => rest);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    for (const f of info.fields)
      if (f.required && !mapping[f.key]) missing[f.key] = `${f.label} is required: choose its column`;
    setLocalErrors(missing);
    if (Object.keys(missing).length) return;
    setConfirming(true);
  }

  if (confirming)
    return (
      <ValuesStep item={item} mapping={mapping} onBack={() => setConfirming(false)} onStarted={onStarted} />
    );

  return (
    <Stack gap="lg">
      <SavedMappings
        item={item}
        mapping={mapping}
        onApply={(saved, name) => {
          const kept = fitting(saved, item.columns);
          const lost = Object.values(saved).filter((c) => !item.columns.includes(c));
          setMapping(kept);
          setLocalErrors({});
          setNote(
            lost.length
              ? `Mapping “${name}” applied. This file has no column ${listFormat.format(lost.map((c) => `“${c}”`))}: ${lost.length === 1 ? 'its field is' : 'their fields are'} left unmapped.`
              : `Mapping “${name}” applied.`,
          );
        }}
      />
      <form onSubmit={submit} noValidate aria-label="Column mapping">
        <Stack>
          <div>
            <Title order={2} size="h4">
              Match the file’s columns to the fields
            </Title>
            <Text size="sm" c="dimmed" aria-live="polite">
              {note}
            </Text>
          </div>
          {Object.keys(errors).length > 0 && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert">
              {Object.keys(errors).length === 1
                ? 'One field needs a column.'
                : `${Object.keys(errors).length} fields need a column.`}{' '}
              They are marked below.
            </Alert>
          )}
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" aria-label="Fields and their columns">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="45%">Field</Table.Th>
                  <Table.Th>Column in the file</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {info.fields.map((field) => (
                  <Table.Tr key={field.key}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600} id={`field-${field.key}`}>
                          {field.label}
                        </Text>
                        {field.required && (
                          <Badge size="xs" color="red" variant="light">
                            Required
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {field.description} (e.g. {field.example})
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`Column for ${field.label}`}
                        placeholder={field.required ? 'Choose a column' : 'Not imported'}
                        data={item.columns}
                        value={mapping[field.key] ?? null}
                        onChange={(value) => setField(field.key, value)}
                        clearable
                        searchable
                        required={field.required}
                        error={errors[field.key]}
                        comboboxProps={{ withinPortal: true }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {unused.length > 0 && (
            <Text size="sm" c="dimmed">
              Not imported: {listFormat.format(unused.map((c) => `“${c}”`))}.
            </Text>
          )}
          <Group justify="flex-end">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Back to the result
              </Button>
            )}
            <Button type="submit" rightSection={<IconArrowRight size={16} />}>
              Continue to values
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** "Use saved mapping" and "Save mapping as…": mappings kept by name for the type, for files that come again. */
function SavedMappings({
  item,
  mapping,
  onApply,
}: {
  item: Import;
  mapping: ColumnMapping;
  onApply: (mapping: ColumnMapping, name: string) => void;
}) {
  const saved = useQuery(importMappingsQueryOptions(item.type));
  const save = useSaveMapping();
  const remove = useDeleteMapping(item.type);
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const chosenMapping = saved.data?.find((m) => m.id === chosen);
  const saveError =
    save.error instanceof ApiError ? (save.error.fieldErrors().name ?? errorMessage(save.error)) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Give the mapping a name');
    if (trimmed.length > 100) return setNameError('At most 100 characters');
    if (!Object.keys(mapping).length) return setNameError('Map at least one column first');
    save.mutate(
      { type: item.type, name: trimmed, mapping },
      {
        onSuccess: (m) => {
          setName('');
          setChosen(m.id);
          notifications.show({ color: 'green', message: `Mapping “${m.name}” saved.` });
        },
      },
    );
  }

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="saved-mappings">
      <Stack gap="sm">
        <Title order={2} size="h5" id="saved-mappings">
          Saved mappings
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Select
              label="Use saved mapping"
              placeholder={
                saved.isPending ? 'Loading…' : saved.data?.length ? 'Choose a mapping' : 'None saved yet'
              }
              data={(saved.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              value={chosen}
              onChange={(value) => {
                setChosen(value);
                const m = saved.data?.find((s) => s.id === value);
                if (m) onApply(m.mapping, m.name);
              }}
              disabled={!saved.data?.length}
              error={
                saved.isError ? errorMessage(saved.error) : remove.error ? errorMessage(remove.error) : null
              }
              style={{ flex: 1 }}
            />
            {chosenMapping && (
              <Tooltip label={`Delete “${chosenMapping.name}”`}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`Delete saved mapping “${chosenMapping.name}”`}
                  loading={remove.isPending}
                  onClick={() =>
                    remove.mutate(chosenMapping.id, {
                      onSuccess: () => {
                        setChosen(null);
                        notifications.show({ message: `Mapping “${chosenMapping.name}” deleted.` });
                      },
                    })
                  }
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
          <form onSubmit={submit} noValidate aria-label="Save mapping">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label="Save mapping as…"
                placeholder="e.g. CRM export"
                value={name}
                onChange={(event) => {
                  setName(event.currentTarget.value);
                  setNameError(null);
                  if (save.isError) save.reset();
                }}
                error={nameError ?? saveError}
                maxLength={100}
                style={{ flex: 1 }}
              />
              <Button
                type="submit"
                variant="light"
                leftSection={<IconDeviceFloppy size={16} />}
                loading={save.isPending}
              >
                Save mapping
              </Button>
            </Group>
          </form>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Saving under an existing name replaces that mapping.
        </Text>
      </Stack>
    </Card>
  );
}
