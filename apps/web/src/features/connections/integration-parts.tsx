import { Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlugConnected, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage, isStaleVersion } from '../../api/client';
import { type Integration, type IntegrationStatus, useIntegrationStep } from '../../api/connections';
import { AnchorLink } from '../../components/links';
import { ReasonForm } from '../../components/reason-form';
import { useCan } from '../auth/session';
import { closeButtonProps } from '../programs/modal-props';
import { integrationStatusCopy } from './labels';

export const STALE_INTEGRATION =
  'This listing was changed by someone else meanwhile. It has been reloaded: check it and try again.';

export function IntegrationStatusBadge({ status }: { status: IntegrationStatus }) {
  const copy = integrationStatusCopy[status];
  return (
    <Badge color={copy.color} variant="light">
      {copy.label}
    </Badge>
  );
}

export const installsLabel = (count: number) =>
  `${new Intl.NumberFormat('en').format(count)} ${count === 1 ? 'install' : 'installs'}`;

/** A listing in the catalog: what it is, who built it, how widely it is installed. */
export function IntegrationCard({
  integration: i,
  showStatus,
}: {
  integration: Integration;
  showStatus: boolean;
}) {
  const headingId = `integration-${i.id}`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text fw={600} id={headingId}>
              <AnchorLink to="/integrations/$integrationId" params={{ integrationId: i.id }} inherit>
                {i.name}
              </AnchorLink>
            </Text>
            <Text size="xs" c="dimmed">
              by {i.organization.name}
            </Text>
          </div>
          <Badge variant="outline" color="indigo" style={{ flexShrink: 0 }}>
            {i.category}
          </Badge>
        </Group>
        <Text size="sm" lineClamp={3}>
          {i.description}
        </Text>
        <Group gap="xs" mt="auto" justify="space-between">
          <Group gap={4}>
            <IconPlugConnected size={14} aria-hidden />
            <Text size="sm" c="dimmed">
              {installsLabel(i.installCount)}
            </Text>
          </Group>
          {showStatus && <IntegrationStatusBadge status={i.status} />}
        </Group>
      </Stack>
    </Card>
  );
}

/** The vendor's verdict on a submitted listing: publish it to the catalog, or send it back with a reason. */
export function ReviewActions({
  integration: i,
  size = 'sm',
}: {
  integration: Integration;
  size?: 'xs' | 'sm';
}) {
  const canReview = useCan('integrations:review');
  const step = useIntegrationStep(i.id);
  const [rejecting, setRejecting] = useState(false);
  if (!canReview || i.status !== 'submitted') return null;

  function failed(error: Error) {
    notifications.show({
      color: isStaleVersion(error) ? 'orange' : 'red',
      title: isStaleVersion(error) ? 'Changed meanwhile' : 'That did not work',
      message: isStaleVersion(error) ? STALE_INTEGRATION : errorMessage(error),
    });
  }

  return (
    <>
      <Group gap="xs" wrap="nowrap">
        <Button
          size={size}
          color="green"
          leftSection={<IconCheck size={16} />}
          loading={step.isPending && step.variables?.verb === 'publish'}
          onClick={() =>
            step.mutate(
              { verb: 'publish', version: i.version },
              {
                onSuccess: (saved) =>
                  notifications.show({
                    color: 'green',
                    message: `${saved.name} is published in the catalog.`,
                  }),
                onError: failed,
              },
            )
          }
        >
          Publish
        </Button>
        <Button
          size={size}
          variant="light"
          color="red"
          leftSection={<IconX size={16} />}
          onClick={() => {
            step.reset();
            setRejecting(true);
          }}
        >
          Reject
        </Button>
      </Group>
      <Modal
        opened={rejecting}
        onClose={() => setRejecting(false)}
        title={`Reject ${i.name}`}
        closeButtonProps={closeButtonProps}
        centered
      >
        {rejecting && (
          <ReasonForm
            explanation={`${i.organization.name} sees your reason, and may change the listing and submit it again.`}
            reasonDescription="Shown to the listing partner and recorded in the audit log"
            reasonRequired
            staleMessage={STALE_INTEGRATION}
            label="Reject listing"
            color="red"
            error={
              step.variables?.verb === 'reject' && step.error && !isStaleVersion(step.error)
                ? step.error
                : null
            }
            pending={step.isPending}
            onCancel={() => setRejecting(false)}
            onSubmit={(reason) =>
              step.mutate(
                { verb: 'reject', version: i.version, reason },
                {
                  onSuccess: (saved) => {
                    notifications.show({
                      color: 'green',
                      message: `${saved.name} was sent back to its partner.`,
                    });
                    setRejecting(false);
                  },
                  onError: (error) => {
                    if (!isStaleVersion(error)) return;
                    setRejecting(false);
                    failed(error);
                  },
                },
              )
            }
          />
        )}
      </Modal>
    </>
  );
}
