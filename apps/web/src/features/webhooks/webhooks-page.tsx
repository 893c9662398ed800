import { Alert, Breadcrumbs, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import {
  useCreateWebhook,
  type Webhook,
  type WebhookWithSecret,
  webhooksQueryOptions,
} from '../../api/webhooks';
import { formatDate, formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { closeButtonProps } from '../programs/modal-props';
import { SecretReveal } from './secret-reveal';
import {
  checkWebhookValues,
  serverErrors,
  type WebhookErrors,
  WebhookFields,
  type WebhookValues,
} from './webhook-fields';
import { EventTypeBadges, WebhookStatusBadge } from './webhook-parts';
import { useBrandTitle } from '../brand/brand-mark';

/** The vendor admin's webhook subscriptions: add one (its signing secret shows once), open one to manage it. */
export function WebhooksPage() {
  useBrandTitle('Webhooks');
  const webhooks = useQuery(webhooksQueryOptions);
  const [adding, addModal] = useDisclosure(false);
  const [created, setCreated] = useState<WebhookWithSecret | null>(null);

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <AnchorLink to="/settings">Settings</AnchorLink>
        <Text size="sm">Webhooks</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Webhooks</Title>
          <Text c="dimmed" size="sm" maw={720}>
            PartnerGraph POSTs the events you subscribe to (a deal approved, a partner enrolled…) to your
            URLs, signed so the receiver can tell they came from here, and retries a failed delivery with
            backoff.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={addModal.open}>
          Add webhook
        </Button>
      </Group>
      {created && (
        <SecretReveal
          label="New webhook secret"
          title="Webhook added"
          secret={created.secret}
          onDone={() => setCreated(null)}
        >
          <Text size="sm">
            Events for{' '}
            <Text span fw={600}>
              {created.url}
            </Text>{' '}
            are signed with this secret.{' '}
            <AnchorLink to="/settings/webhooks/$webhookId" params={{ webhookId: created.id }}>
              Open the webhook
            </AnchorLink>{' '}
            to send a test event.
          </Text>
        </SecretReveal>
      )}
      {webhooks.isPending ? (
        <LoadingState label="Loading webhooks…" />
      ) : webhooks.isError ? (
        <ErrorAlert error={webhooks.error} title="The webhooks could not be loaded" />
      ) : webhooks.data.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          No webhooks yet. Add one to have events sent to your systems.
        </Text>
      ) : (
        <WebhooksTable webhooks={webhooks.data} />
      )}
      <Modal
        opened={adding}
        onClose={addModal.close}
        title="Add webhook"
        size="lg"
        closeButtonProps={closeButtonProps}
      >
        {adding && (
          <AddWebhookForm
            onCancel={addModal.close}
            onCreated={(webhook) => {
              setCreated(webhook);
              addModal.close();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function WebhooksTable({ webhooks }: { webhooks: Webhook[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Webhooks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>URL</Table.Th>
            <Table.Th>Event types</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {webhooks.map((webhook) => (
            <Table.Tr key={webhook.id}>
              <Table.Td maw={420} style={{ wordBreak: 'break-all' }}>
                <AnchorLink to="/settings/webhooks/$webhookId" params={{ webhookId: webhook.id }}>
                  {webhook.url}
                </AnchorLink>
                {webhook.description && (
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'normal' }}>
                    {webhook.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <EventTypeBadges eventTypes={webhook.eventTypes} />
              </Table.Td>
              <Table.Td>
                <WebhookStatusBadge status={webhook.status} />
              </Table.Td>
              <Table.Td title={formatDateTime(webhook.createdAt)}>{formatDate(webhook.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddWebhookForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (webhook: WebhookWithSecret) => void;
}) {
  const create = useCreateWebhook();
  const [values, setValues] = useState<WebhookValues>({ url: '', description: '', eventTypes: [] });
  const [localErrors, setLocalErrors] = useState<WebhookErrors>({});
  const server = serverErrors(create.error);
  const errors: WebhookErrors = { ...server.fields, ...localErrors };

  function set(patch: Partial<WebhookValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setLocalErrors({});
    // The server's refusal was about what is being changed now.
    if (create.isError) create.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkWebhookValues(values);
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(
      { url: values.url.trim(), description: values.description.trim(), eventTypes: values.eventTypes },
      { onSuccess: onCreated },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add webhook">
      <Stack>
        {server.form && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {server.form}
          </Alert>
        )}
        <WebhookFields values={values} errors={errors} onChange={set} autoFocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add webhook
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
