import {
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { InvolvementRole } from '@partnergraph/shared/contracts/deals';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  type Deal,
  type Involvement,
  involvementsQueryOptions,
  useInvolvementMutations,
} from '../../api/deals';
import { formatDate } from '../../components/dates';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useSession } from '../auth/session';
import { ActionError, fieldError } from './action-error';
import type { DealAbilities } from './deal-abilities';
import { involvementRoles, roleLabels } from './labels';
import { OrganizationPicker } from './organization-picker';

const roleOptions = involvementRoles.map((value) => ({ value, label: roleLabels[value] }));

/** The partners on a deal and their roles: what attribution credits, once the deal is won. */
export function InvolvementsSection({ deal, abilities }: { deal: Deal; abilities: DealAbilities }) {
  const involvements = useQuery(involvementsQueryOptions(deal.id));
  const mutations = useInvolvementMutations(deal.id);
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Involvement | null>(null);
  const items = involvements.data ?? [];
  const rowActions = (i: Involvement) =>
    (abilities.confirmInvolvement && i.status === 'proposed') ||
    abilities.removeInvolvement(i) ||
    abilities.answerInvitation(i);

  return (
    <Stack gap="sm" component="section" aria-labelledby="deal-involvements">
      <Group justify="space-between">
        <Title order={2} size="h3" id="deal-involvements">
          Involvements
        </Title>
        {abilities.addInvolvement && (
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            Add involvement
          </Button>
        )}
      </Group>
      {mutations.confirm.error && <ErrorAlert error={mutations.confirm.error} title="Could not confirm" />}
      {mutations.accept.error && <ErrorAlert error={mutations.accept.error} title="Could not accept" />}
      {mutations.remove.error && <ErrorAlert error={mutations.remove.error} title="Could not decline" />}
      {involvements.isPending ? (
        <LoadingState label="Loading involvements…" />
      ) : involvements.isError ? (
        <ErrorAlert error={involvements.error} title="The involvements could not be loaded" />
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          No partners are recorded on this deal{deal.vendorRecorded ? ' (vendor-sourced)' : ''}.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" aria-label="Involvements">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Organization</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Since</Table.Th>
                <Table.Th>Note</Table.Th>
                {items.some(rowActions) && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.organization.id}>
                  <Table.Td fw={500}>{i.organization.name}</Table.Td>
                  <Table.Td>{roleLabels[i.role]}</Table.Td>
                  <Table.Td>
                    {i.status === 'proposed' ? (
                      <Badge color="yellow" variant="light">
                        {i.invitation ? 'Invited' : 'Proposed'}
                      </Badge>
                    ) : (
                      <Badge color="green" variant="light">
                        Confirmed
                      </Badge>
                    )}
                    {i.status === 'proposed' && i.proposedBy && (
                      <Text size="xs" c="dimmed">
                        by {i.proposedBy.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(i.involvedAt)}</Table.Td>
                  <Table.Td>
                    {i.note ?? (
                      <Text c="dimmed" size="sm">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  {items.some(rowActions) && (
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        {abilities.confirmInvolvement && i.status === 'proposed' && (
                          <Button
                            size="xs"
                            color="green"
                            variant="light"
                            loading={
                              mutations.confirm.isPending && mutations.confirm.variables === i.organization.id
                            }
                            onClick={() =>
                              mutations.confirm.mutate(i.organization.id, {
                                onSuccess: () =>
                                  notifications.show({
                                    color: 'green',
                                    message: `${i.organization.name} is confirmed on the deal.`,
                                  }),
                              })
                            }
                            aria-label={`Confirm ${i.organization.name}`}
                          >
                            Confirm
                          </Button>
                        )}
                        {abilities.answerInvitation(i) && (
                          <>
                            <Button
                              size="xs"
                              color="green"
                              variant="light"
                              loading={mutations.accept.isPending}
                              onClick={() =>
                                mutations.accept.mutate(i.organization.id, {
                                  onSuccess: () =>
                                    notifications.show({
                                      color: 'green',
                                      message: 'You are on this deal now.',
                                    }),
                                })
                              }
                            >
                              Accept invitation
                            </Button>
                            <Button
                              size="xs"
                              color="red"
                              variant="subtle"
                              loading={mutations.remove.isPending}
                              onClick={() =>
                                mutations.remove.mutate(i.organization.id, {
                                  onSuccess: () => {
                                    notifications.show({
                                      message: 'Invitation declined: this deal is no longer shown to you.',
                                    });
                                    void navigate({ to: '/deals' });
                                  },
                                })
                              }
                            >
                              Decline
                            </Button>
                          </>
                        )}
                        {abilities.removeInvolvement(i) && (
                          <Button
                            size="xs"
                            color="red"
                            variant="subtle"
                            onClick={() => setRemoving(i)}
                            aria-label={`Remove ${i.organization.name}`}
                          >
                            Remove
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title="Add involvement"
        closeButtonProps={{ 'aria-label': 'Close dialog' }}
      >
        {adding && (
          <AddInvolvementForm
            deal={deal}
            existing={items.map((i) => i.organization.id)}
            onDone={() => setAdding(false)}
          />
        )}
      </Modal>
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={removing ? `Remove ${removing.organization.name}` : ''}
        closeButtonProps={{ 'aria-label': 'Close dialog' }}
      >
        {removing && (
          <RemoveInvolvementForm deal={deal} involvement={removing} onDone={() => setRemoving(null)} />
        )}
      </Modal>
    </Stack>
  );
}

function AddInvolvementForm({
  deal,
  existing,
  onDone,
}: {
  deal: Deal;
  existing: string[];
  onDone: () => void;
}) {
  const { organization } = useSession();
  const isVendor = organization.kind === 'vendor';
  const { add } = useInvolvementMutations(deal.id);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [role, setRole] = useState<InvolvementRole | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!organizationId) found.organizationId = 'Choose an organization';
    if (!role) found.role = 'Choose a role';
    setErrors(found);
    if (!organizationId || !role) return;
    add.mutate(
      { organizationId, role, note: note.trim() || undefined },
      {
        onSuccess: (added) => {
          notifications.show({
            color: 'green',
            message:
              added.status === 'proposed'
                ? `${added.organization.name} was proposed; the vendor confirms it.`
                : `${added.organization.name} was added to the deal.`,
          });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {isVendor
            ? 'The organization is on the deal at once, and sees its customer, amount and status.'
            : 'Your proposal is shown on the deal as proposed until the vendor confirms it.'}
        </Text>
        <ActionError error={add.error} fields={['organizationId', 'role', 'note']} />
        <OrganizationPicker
          source={isVendor ? 'partners' : 'counterparts'}
          label="Organization"
          placeholder={isVendor ? 'Search partners' : 'Organizations you have worked with'}
          required
          value={organizationId}
          onChange={setOrganizationId}
          exclude={[...existing, deal.registeredBy.id]}
          error={errors.organizationId ?? fieldError(add.error, 'organizationId')}
        />
        <Select
          label="Role"
          required
          data={roleOptions}
          value={role}
          onChange={(value) => setRole(value as InvolvementRole | null)}
          error={errors.role ?? fieldError(add.error, 'role')}
        />
        <Textarea
          label="Note"
          description="Seen by the vendor and your organization"
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(add.error, 'note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            {isVendor ? 'Add' : 'Propose'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RemoveInvolvementForm({
  deal,
  involvement,
  onDone,
}: {
  deal: Deal;
  involvement: Involvement;
  onDone: () => void;
}) {
  const { remove } = useInvolvementMutations(deal.id);
  return (
    <Stack>
      <Text size="sm">
        {involvement.organization.name} ({roleLabels[involvement.role].toLowerCase()}) is taken off the deal
        {deal.status === 'won' ? ' and no longer credited for it' : ''}.
      </Text>
      {remove.error && (
        <Text c="red" size="sm" role="alert">
          {errorMessage(remove.error)}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          color="red"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(involvement.organization.id, {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  message: `${involvement.organization.name} was removed from the deal.`,
                });
                onDone();
              },
            })
          }
        >
          Remove
        </Button>
      </Group>
    </Stack>
  );
}
