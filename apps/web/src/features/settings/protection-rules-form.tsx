import { Button, Checkbox, Group, Stack, Switch, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import type { Settings, useUpdateSettings } from '../../api/settings';
import { SectionError } from './direct-coverage-form';

type OverrideRole = Settings['protectionOverrideRoles'][number];

const roleLabels: Record<OverrideRole, string> = {
  admin: 'Vendor admins',
  channel_manager: 'Channel managers',
};
const roles = Object.keys(roleLabels) as OverrideRole[];

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

export function ProtectionRulesSummary({ settings }: { settings: Settings }) {
  return (
    <Table variant="vertical" withTableBorder aria-label="Protection rules" layout="fixed">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th w={220}>May override a protection</Table.Th>
          <Table.Td>{settings.protectionOverrideRoles.map((r) => roleLabels[r]).join(', ')}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th>Tell partners a customer is taken</Table.Th>
          <Table.Td>{settings.protectedCustomerNotice ? 'Yes' : 'No'}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

/** Who may approve over another partner's protection, and whether registering partners are told of one. */
export function ProtectionRulesForm({
  settings,
  update,
}: {
  settings: Settings;
  update: ReturnType<typeof useUpdateSettings>;
}) {
  const [overriders, setOverriders] = useState<OverrideRole[]>(settings.protectionOverrideRoles);
  const [notice, setNotice] = useState(settings.protectedCustomerNotice);
  const [showError, setShowError] = useState(false);
  const changed =
    !sameRoles(overriders, settings.protectionOverrideRoles) || notice !== settings.protectedCustomerNotice;
  const rolesError = overriders.length === 0 ? 'Choose at least one role' : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (rolesError) {
      setShowError(true);
      return;
    }
    if (!changed) return;
    update.mutate(
      { version: settings.version, protectionOverrideRoles: overriders, protectedCustomerNotice: notice },
      {
        onSuccess: () => notifications.show({ color: 'green', message: 'The protection rules were saved.' }),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Protection rules">
      <Stack>
        <SectionError error={update.error} />
        <Checkbox.Group
          label="Who may override another partner’s protection"
          description="A registration of a customer another partner holds under protection is approved only by these roles, with a written reason recorded on both deals"
          value={overriders}
          onChange={(value) => {
            setOverriders(value as OverrideRole[]);
            setShowError(false);
            if (update.error) update.reset();
          }}
          error={showError ? rolesError : undefined}
        >
          <Group mt="xs">
            {roles.map((r) => (
              <Checkbox key={r} value={r} label={roleLabels[r]} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch
          label="Tell a registering partner that its customer is already protected"
          description="Only that it is taken by another partner: never who, nor amounts or dates"
          checked={notice}
          onChange={(event) => {
            setNotice(event.currentTarget.checked);
            if (update.error) update.reset();
          }}
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!changed}
            onClick={() => {
              setOverriders(settings.protectionOverrideRoles);
              setNotice(settings.protectedCustomerNotice);
              setShowError(false);
              update.reset();
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" disabled={!changed} loading={update.isPending}>
            Save protection rules
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
