import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import type { Deal } from '../../api/deals';
import { formatDate, formatDateTime } from '../../components/dates';

/** Deal protection: while it runs, no other partner can claim the customer. */
export function ProtectionCard({ deal }: { deal: Deal }) {
  const protection = deal.protection;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deal-protection">
      <Stack gap="xs">
        <Title order={2} size="h4" id="deal-protection">
          Protection
        </Title>
        {protection ? (
          <>
            <Text size="sm">
              {deal.status === 'approved' ? 'Protected until ' : 'Was protected until '}
              <Text span fw={600}>
                {formatDate(protection.expiresAt)}
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              {protection.days} days from {formatDate(protection.startedAt)}
            </Text>
            {protection.extensionRequest && (
              <Alert
                color="blue"
                title={`Extension requested: ${protection.extensionRequest.days} days`}
                p="xs"
              >
                <Text size="sm">{protection.extensionRequest.reason}</Text>
                <Text size="xs" c="dimmed">
                  Asked {formatDateTime(protection.extensionRequest.at)}
                </Text>
              </Alert>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {deal.status === 'registered'
              ? 'Starts when the vendor approves the deal.'
              : 'This deal has no protection.'}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
