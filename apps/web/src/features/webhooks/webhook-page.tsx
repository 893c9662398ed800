import { Alert, Breadcrumbs, Button, Card, Code, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconKey, IconPlayerPause, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { errorMessage, isApiError, isStaleVersion } from '../../api/client';
import {
  useDeleteWebhook,
  useRotateWebhookSecret,
  useUpdateWebhook,
  type Webhook,
  type WebhookWithSecret,
  webhookQueryOptions,
} from '../../api/webhooks';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { closeButtonProps } from '../programs/modal-props';
import { DeliveryLog } from './delivery-log';
import { SecretReveal } from './secret-reveal';
import {
  checkWebhookValues,
  serverErrors,
  type WebhookErrors,
  WebhookFields,
  type WebhookValues,
} from './webhook-fields';
import { WebhookStatusBadge } from './webhook-parts';
import { useBrandTitle } from '../brand/brand-mark';

const STALE =
  'This webhook was changed by someone else meanwhile. The page now shows its current state; make your change again.';

/** One webhook: its endpoint, status and signing secret, and the log of what was sent to it. */
export function WebhookPage({ webhookId }: { webhookId: string }) {
  const webhook = useQuery(webhookQueryOptions(webhookId));
  useBrandTitle(`${webhook.data ? hostOf(webhook.data.url) : 'Webhook'} · Webhooks`);

  const breadcrumbs = (
    <Breadcrumbs>
      <AnchorLink to="/settings">Settings</AnchorLink>
      <AnchorLink to="/settings/webhooks">Webhooks</AnchorLink>
      <Text size="sm">{webhook.data ? hostOf(webhook.data.url) : 'Webhook'}</Text>
    </Breadcrumbs>
  );

  if (webhook.isPending) return <LoadingState label="Loading webhook…" />;
  if (webhook.isError) {
    const notFound = isApiError(webhook.error, 404);
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{notFound ? 'Webhook not found' : 'Webhook'}</Title>
        {notFound ? (
          <Text>
            There is no webhook at this address; it may have been deleted.{' '}
            <AnchorLink to="/settings/webhooks">Back to the webhooks</AnchorLink>
          </Text>
        ) : (
          <ErrorAlert error={webhook.error} title="The webhook could not be loaded" />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {breadcrumbs}
      <WebhookView webhook={webhook.data} />
    </Stack>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function WebhookView({ webhook }: { webhook: Webhook }) {
  // One mutation per place, so a refusal shows beside what caused it. Kept here, not in the form:
  // the form starts afresh from each version the server returns, and the reason it did must outlive that.
  const update = useUpdateWebhook(webhook.id);
  const toggle = useUpdateWebhook(webhook.id);
  const [rotating, setRotating] = useState(false);
  const [rotated, setRotated] = useState<WebhookWithSecret | null>(null);
  const [deleting, setDeleting] = useState(false);
  const active = webhook.status === 'active';

  function toggleStatus() {
    toggle.mutate(
      { version: webhook.version, status: active ? 'disabled' : 'active' },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message:
              saved.status === 'active'
                ? 'The webhook is enabled: new events are sent to it.'
                : 'The webhook is disabled: no new events are sent to it.',
          }),
      },
    );
  }

  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="sm" wrap="nowrap" align="center">
            <Title order={1} size="h2" style={{ wordBreak: 'break-all' }}>
              {webhook.url}
            </Title>
            <WebhookStatusBadge status={webhook.status} />
          </Group>
          {webhook.description && (
            <Text c="dimmed" size="sm" mt={4}>
              {webhook.description}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            Created {formatDateTime(webhook.createdAt)} · last changed {formatDateTime(webhook.updatedAt)}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            leftSection={active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
            loading={toggle.isPending}
            onClick={toggleStatus}
          >
            {active ? 'Disable' : 'Enable'}
          </Button>
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => setDeleting(true)}
          >
            Delete
          </Button>
        </Group>
      </Group>
      {toggle.error && <ChangeError error={toggle.error} />}
      {!active && (
        <Alert color="gray" icon={<IconPlayerPause />}>
          Disabled: events that happen meanwhile are not sent to this webhook, not even once it is enabled
          again; deliveries already queued wait until then.
        </Alert>
      )}
      {rotated && (
        <SecretReveal
          label="New webhook secret"
          title="Signing secret rotated"
          secret={rotated.secret}
          onDone={() => setRotated(null)}
        >
          <Text size="sm">
            The old secret keeps signing beside the new one for 24 hours
            {rotated.previousSecretExpiresAt
              ? `, until ${formatDateTime(rotated.previousSecretExpiresAt)}`
              : ''}
            : each delivery carries both signatures, so your receiver can switch without losing events.
          </Text>
        </SecretReveal>
      )}
      <Card withBorder padding="lg" component="section" aria-labelledby="webhook-endpoint">
        <Stack>
          <Title order={2} size="h4" id="webhook-endpoint">
            Endpoint
          </Title>
          <EditWebhookForm
            // Keyed by its own values: a new version from enabling or rotating keeps what is typed here.
            key={`${webhook.url}|${webhook.description}|${webhook.eventTypes.join(',')}`}
            webhook={webhook}
            update={update}
          />
        </Stack>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="webhook-secret">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2} size="h4" id="webhook-secret">
              Signing secret
            </Title>
            <Text size="sm">
              Begins <Code>{webhook.secretPrefix}…</Code>
            </Text>
            {webhook.previousSecretExpiresAt && new Date(webhook.previousSecretExpiresAt) > new Date() && (
              <Text size="sm" c="dimmed">
                The previous secret also signs until {formatDateTime(webhook.previousSecretExpiresAt)}.
              </Text>
            )}
          </Stack>
          <Button variant="light" leftSection={<IconKey size={16} />} onClick={() => setRotating(true)}>
            Rotate secret
          </Button>
        </Group>
      </Card>
      <DeliveryLog webhook={webhook} />
      <Modal
        opened={rotating}
        onClose={() => setRotating(false)}
        title="Rotate signing secret"
        closeButtonProps={closeButtonProps}
        centered
      >
        {rotating && (
          <RotateSecret
            webhook={webhook}
            onCancel={() => setRotating(false)}
            onRotated={(next) => {
              setRotated(next);
              setRotating(false);
            }}
          />
        )}
      </Modal>
      <Modal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title="Delete webhook"
        closeButtonProps={closeButtonProps}
        centered
      >
        {deleting && <DeleteWebhook webhook={webhook} onCancel={() => setDeleting(false)} />}
      </Modal>
    </>
  );
}

function ChangeError({ error }: { error: Error }) {
  return (
    <Alert color={isStaleVersion(error) ? 'orange' : 'red'} icon={<IconAlertTriangle />} role="alert">
      {isStaleVersion(error) ? STALE : errorMessage(error)}
    </Alert>
  );
}

function EditWebhookForm({
  webhook,
  update,
}: {
  webhook: Webhook;
  update: ReturnType<typeof useUpdateWebhook>;
}) {
  const initial: WebhookValues = {
    url: webhook.url,
    description: webhook.description,
    eventTypes: webhook.eventTypes,
  };
  const [values, setValues] = useState<WebhookValues>(initial);
  const [localErrors, setLocalErrors] = useState<WebhookErrors>({});
  const server = serverErrors(isStaleVersion(update.error) ? null : update.error);
  const errors: WebhookErrors = { ...server.fields, ...localErrors };

  const changes: { url?: string; description?: string; eventTypes?: string[] } = {};
  if (values.url.trim() !== webhook.url) changes.url = values.url.trim();
  if (values.description.trim() !== webhook.description) changes.description = values.description.trim();
  if (values.eventTypes.join('\n') !== webhook.eventTypes.join('\n')) changes.eventTypes = values.eventTypes;
  const changed = Object.keys(changes).length > 0;

  function set(patch: Partial<WebhookValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setLocalErrors({});
    if (update.isError && !isStaleVersion(update.error)) update.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkWebhookValues(values);
    setLocalErrors(found);
    if (Object.keys(found).length > 0 || !changed) return;
    update.mutate(
      { version: webhook.version, ...changes },
      { onSuccess: () => notifications.show({ color: 'green', message: 'The webhook was saved.' }) },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Edit webhook">
      <Stack>
        {isStaleVersion(update.error) && <ChangeError error={update.error} />}
        {server.form && (
          <Alert color="red" role="alert">
            {server.form}
          </Alert>
        )}
        <WebhookFields values={values} errors={errors} onChange={set} />
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!changed}
            onClick={() => {
              setValues(initial);
              setLocalErrors({});
              update.reset();
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" disabled={!changed} loading={update.isPending}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RotateSecret({
  webhook,
  onCancel,
  onRotated,
}: {
  webhook: Webhook;
  onCancel: () => void;
  onRotated: (webhook: WebhookWithSecret) => void;
}) {
  const rotate = useRotateWebhookSecret(webhook.id);
  return (
    <Stack>
      <Text>
        A new signing secret replaces <Code>{webhook.secretPrefix}…</Code>. The old one keeps signing beside
        it for 24 hours, so you have a day to give the new one to your receiver.
      </Text>
      {rotate.error && <ChangeError error={rotate.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          loading={rotate.isPending}
          onClick={() => rotate.mutate(webhook.version, { onSuccess: onRotated })}
        >
          Rotate secret
        </Button>
      </Group>
    </Stack>
  );
}

function DeleteWebhook({ webhook, onCancel }: { webhook: Webhook; onCancel: () => void }) {
  const remove = useDeleteWebhook(webhook.id);
  const navigate = useNavigate();
  return (
    <Stack>
      <Text>
        Stop sending events to{' '}
        <Text span fw={600} style={{ wordBreak: 'break-all' }}>
          {webhook.url}
        </Text>{' '}
        and delete its delivery log? This cannot be undone.
      </Text>
      {remove.error && (
        <Alert color="red" role="alert">
          {errorMessage(remove.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          color="red"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(undefined, {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  message: `The webhook for ${hostOf(webhook.url)} was deleted.`,
                });
                void navigate({ to: '/settings/webhooks' });
              },
            })
          }
        >
          Delete webhook
        </Button>
      </Group>
    </Stack>
  );
}
