import { Accordion, Alert, Badge, Button, Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import type { ImportTypeInfo } from '../../api/imports';
import { downloadCsv, templateCsv } from './csv-file';
import { importTypeNames } from './import-codes';
import { dependsOnText, keyText, typeNoun } from './import-parts';

/** What a file of this type holds: its key, what it depends on, and its columns (with a template). */
export function TypeDetails({ info }: { info: ImportTypeInfo }) {
  const depends = dependsOnText(info);
  return (
    <Stack gap="sm">
      <Text size="sm">
        A record is matched by its{' '}
        <Text span fw={600}>
          {keyText(info)}
        </Text>
        : importing a file again updates the records it imported before.
      </Text>
      {depends && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
          {depends}
        </Alert>
      )}
      <Accordion variant="contained">
        <Accordion.Item value="columns">
          <Accordion.Control>
            The columns of a {typeNoun(info.type)} file ({info.fields.length})
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <FieldsTable info={info} />
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  Column names are matched to fields ignoring case, spaces and punctuation; you can change the
                  match in the next step.
                </Text>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconDownload size={14} />}
                  onClick={() => downloadCsv(`${info.type}-template.csv`, templateCsv(info))}
                >
                  Download a template
                </Button>
              </Group>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

function FieldsTable({ info }: { info: ImportTypeInfo }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" aria-label={`Columns of ${importTypeNames[info.type]}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column</Table.Th>
            <Table.Th>Required</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th>Example</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {info.fields.map((field) => (
            <Table.Tr key={field.key}>
              <Table.Td>
                <Code>{field.key}</Code>
                <Text size="xs" c="dimmed">
                  {field.label}
                </Text>
              </Table.Td>
              <Table.Td>
                {field.required ? (
                  <Badge variant="light" color="red" size="sm">
                    Required
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    Optional
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{field.description}</Text>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Code>{field.example}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
