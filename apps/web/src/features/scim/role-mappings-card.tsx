import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { scimRoleMappingsBody } from '@partnergraph/shared/contracts/scim';
import type { Role } from '@partnergraph/shared/permissions';
import { IconAlertCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type RoleMappings, roleMappingsQueryOptions, useSaveRoleMappings } from '../../api/scim';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { roleLabels } from '../../components/roles';
import { useSession } from '../auth/session';
import { roleOptions } from '../identity/roles';

/**
 * Groups → roles: the groups the identity provider pushed and the role each gives its members, and
 * the admin's mapping of group names to roles (a group also maps by its own name, "Partner admin").
 */
export function RoleMappingsCard() {
  const mappings = useQuery(roleMappingsQueryOptions);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="scim-roles">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="scim-roles">
            Groups and roles
          </Title>
          <Text c="dimmed" size="sm">
            Push groups from your identity provider: their members get the role the group maps to (the highest
            when several do). A group named like a role (&ldquo;Partner admin&rdquo;) maps to it without a
            mapping.
          </Text>
        </div>
        {mappings.isPending ? (
          <LoadingState label="Loading groups…" />
        ) : mappings.isError ? (
          <ErrorAlert error={mappings.error} title="The groups could not be loaded" />
        ) : (
          <>
            <PushedGroups data={mappings.data} />
            <MappingsForm key={JSON.stringify(mappings.data.items)} data={mappings.data} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function PushedGroups({ data }: { data: RoleMappings }) {
  if (!data.groups.length) return <Text c="dimmed">Your identity provider has pushed no groups yet.</Text>;
  return (
    <Table striped aria-label="Pushed groups">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Group</Table.Th>
          <Table.Th>Members</Table.Th>
          <Table.Th>Role it gives</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.groups.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>{g.displayName}</Table.Td>
            <Table.Td>{g.members}</Table.Td>
            <Table.Td>{g.role ? roleLabels[g.role] : <Text c="dimmed">None</Text>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function MappingsForm({ data }: { data: RoleMappings }) {
  const { organization } = useSession();
  const save = useSaveRoleMappings();
  const form = useContractForm(scimRoleMappingsBody, {
    mappings: data.items.map((m) => ({ group: m.group, role: m.role as Role })),
  });
  const [formError, setFormError] = useState<string | null>(null);
  const options = roleOptions(organization.kind);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(
          { mappings: values.mappings.map((m) => ({ group: m.group.trim(), role: m.role })) },
          {
            onSuccess: () => {
              setFormError(null);
              notifications.show({ color: 'green', message: 'The group mappings were saved.' });
            },
            onError: (error) => setFormError(showServerErrors(form, error)),
          },
        ),
      )}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          Mappings
        </Title>
        {formError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {formError}
          </Alert>
        )}
        {form.getValues().mappings.length === 0 && (
          <Text c="dimmed">No mappings: groups map by their names.</Text>
        )}
        {form.getValues().mappings.map((_, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <TextInput
              label="Group name"
              placeholder="e.g. Sales Leads"
              style={{ flex: 2 }}
              maxLength={200}
              {...form.getInputProps(`mappings.${i}.group`)}
            />
            <Select
              label="Role"
              data={options}
              allowDeselect={false}
              style={{ flex: 1 }}
              {...form.getInputProps(`mappings.${i}.role`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`Remove mapping ${i + 1}`}
              onClick={() => form.removeListItem('mappings', i)}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() =>
              form.insertListItem('mappings', { group: '', role: options[options.length - 1]!.value })
            }
          >
            Add mapping
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save mappings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
