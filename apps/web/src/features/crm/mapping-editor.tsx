import { ActionIcon, Alert, Button, Group, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { crmMappingsSchema, localFields, stageTargets } from '@partnergraph/shared/contracts/crm';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import {
  crmSchemaQueryOptions,
  type CrmConnection,
  type CrmMappings,
  useSaveCrmMappings,
} from '../../api/crm';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { UnseenHeader } from '../../components/unseen-header';

const schema = z.object({ version: z.number(), mappings: crmMappingsSchema });
type Values = { version: number; mappings: CrmMappings };
const objects = [
  { key: 'account', title: 'Partners ↔ accounts' },
  { key: 'opportunity', title: 'Deals ↔ opportunities' },
  { key: 'lead', title: 'Referrals → leads' },
] as const;
const directions = [
  { value: 'push', label: 'PartnerGraph → CRM' },
  { value: 'pull', label: 'CRM → PartnerGraph' },
  { value: 'both', label: 'Both ways' },
];
const owners = [
  { value: 'partnergraph', label: 'PartnerGraph wins' },
  { value: 'crm', label: 'CRM wins' },
];

/**
 * The mapping screen: for each object, our field ↔ the CRM's field (from its describe), the direction,
 * and which side wins a conflict; the stage map. Saved mappings are checked against the CRM's schema
 * by the server, whose refusals land on the rows they name.
 */
export function MappingEditor({
  connection,
  savedVersion,
  onSaved,
}: {
  connection: CrmConnection;
  /** The version a save from this screen produced: the editor is remounted per version, so the notice lives above it. */
  savedVersion: number | null;
  onSaved: (version: number) => void;
}) {
  const save = useSaveCrmMappings(connection.id);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useContractForm<Values>(schema, {
    version: connection.version,
    mappings: connection.mappings,
  });
  const mappings = form.getValues().mappings;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setAlert(null);
        save.mutate(
          { version: connection.version, mappings: values.mappings },
          {
            onSuccess: (saved) => onSaved(saved.version),
            onError: (error) => setAlert(showServerErrors(form, error)),
          },
        );
      })}
    >
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        {savedVersion === connection.version && <Alert color="green">Mappings saved.</Alert>}
        {objects.map(({ key, title }) => (
          <Stack key={key} gap="xs">
            <Group justify="space-between">
              <Title order={3} size="h5">
                {title}
              </Title>
              <Switch
                label="Sync"
                key={form.key(`mappings.${key}.enabled`)}
                {...form.getInputProps(`mappings.${key}.enabled`, { type: 'checkbox' })}
              />
            </Group>
            {mappings[key].enabled && <ObjectFields connectionId={connection.id} object={key} form={form} />}
          </Stack>
        ))}
        {mappings.opportunity.enabled && <StageMap connectionId={connection.id} form={form} />}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            Save mappings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Form = ReturnType<typeof useContractForm<Values>>;

function ObjectFields({
  connectionId,
  object,
  form,
}: {
  connectionId: string;
  object: 'account' | 'opportunity' | 'lead';
  form: Form;
}) {
  const described = useQuery(crmSchemaQueryOptions(connectionId, object));
  if (described.isPending) return <LoadingState label="Reading the CRM’s fields…" />;
  if (described.isError)
    return <ErrorAlert error={described.error} title="The CRM’s fields could not be read" />;
  const remote = described.data.fields.map((f) => ({
    value: f.name,
    label: `${f.label} (${f.name}, ${f.type})`,
  }));
  const rows = form.getValues().mappings[object].fields;
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Our field</Table.Th>
          <Table.Th>{described.data.remoteName} field</Table.Th>
          <Table.Th>Direction</Table.Th>
          <Table.Th>When both changed</Table.Th>
          <UnseenHeader>Actions</UnseenHeader>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((_, i) => {
          const path = `mappings.${object}.fields.${i}` as const;
          return (
            <Table.Tr key={form.key(path)}>
              <Table.Td>
                <Select
                  aria-label="Our field"
                  data={[...localFields[object]]}
                  allowDeselect={false}
                  key={form.key(`${path}.local`)}
                  {...form.getInputProps(`${path}.local`)}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label="CRM field"
                  data={remote}
                  searchable
                  allowDeselect={false}
                  key={form.key(`${path}.remote`)}
                  {...form.getInputProps(`${path}.remote`)}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label="Direction"
                  data={directions}
                  allowDeselect={false}
                  key={form.key(`${path}.direction`)}
                  {...form.getInputProps(`${path}.direction`)}
                />
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label="System of record"
                  data={owners}
                  allowDeselect={false}
                  key={form.key(`${path}.systemOfRecord`)}
                  {...form.getInputProps(`${path}.systemOfRecord`)}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label="Remove the mapping"
                  onClick={() => form.removeListItem(`mappings.${object}.fields`, i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      <Table.Caption>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            form.insertListItem(`mappings.${object}.fields`, {
              local: localFields[object][0],
              remote: described.data.fields[0]?.name ?? '',
              direction: 'push',
              systemOfRecord: 'partnergraph',
            })
          }
        >
          Add a field
        </Button>
      </Table.Caption>
    </Table>
  );
}

function StageMap({ connectionId, form }: { connectionId: string; form: Form }) {
  const described = useQuery(crmSchemaQueryOptions(connectionId, 'opportunity'));
  const stageField = form.getValues().mappings.opportunity.fields.find((f) => f.local === 'stage')?.remote;
  const options = described.data?.fields.find((f) => f.name === stageField)?.options ?? [];
  if (!options.length) return null;
  const stageMap = form.getValues().mappings.opportunity.stageMap;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Stages
      </Title>
      <Text size="sm" c="dimmed">
        Each CRM stage as our stage, or won / lost. A record in a stage with no mapping is logged as an error
        and skipped.
      </Text>
      <Table>
        <Table.Tbody>
          {options.map((o) => (
            <Table.Tr key={o.value}>
              <Table.Td>{o.label}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Our stage for ${o.label}`}
                  placeholder="Not mapped"
                  data={[...stageTargets]}
                  value={stageMap[o.value] ?? null}
                  onChange={(v) => {
                    const next = { ...stageMap };
                    if (v) next[o.value] = v as (typeof stageTargets)[number];
                    else delete next[o.value];
                    form.setFieldValue('mappings.opportunity.stageMap', next);
                  }}
                  error={form.errors[`mappings.opportunity.stageMap.${o.value}`]}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
