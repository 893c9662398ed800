import { Alert, Box, Card, Code, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCertificate, IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { badgeVerificationSchema } from '@partnergraph/shared/contracts/enablement';
import { badgeQueryOptions } from '../../api/enablement';
import { isApiError } from '../../api/client';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useBrandTitle } from '../brand/brand-mark';

type BadgeVerification = z.infer<typeof badgeVerificationSchema>;

const verdicts = {
  valid: { color: 'green', title: 'Verified', Icon: IconCircleCheck },
  expired: { color: 'gray', title: 'Expired', Icon: IconAlertTriangle },
  revoked: { color: 'red', title: 'Revoked', Icon: IconAlertTriangle },
  invalid: { color: 'red', title: 'Not verified', Icon: IconAlertTriangle },
} as const;

/** The public page of a badge: the signature is checked by the server on every visit. */
export function BadgePage({ badgeId }: { badgeId: string }) {
  const badge = useQuery(badgeQueryOptions(badgeId));
  useBrandTitle('Badge verification');
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Container size="sm" py="xl" component="main">
        <Stack>
          <Group gap="xs">
            <IconCertificate aria-hidden />
            <Text fw={800} c="var(--mantine-primary-color-filled)">
              Badge verification
            </Text>
          </Group>
          {badge.isPending ? (
            <LoadingState label="Checking the badge…" />
          ) : isApiError(badge.error, 404) ? (
            <Alert color="red" title="No such badge">
              This address does not name a badge issued here.
            </Alert>
          ) : badge.isError ? (
            <ErrorAlert error={badge.error} />
          ) : (
            <Verdict data={badge.data} />
          )}
        </Stack>
      </Container>
    </Box>
  );
}

function Verdict({ data: b }: { data: BadgeVerification }) {
  const v = verdicts[b.status];
  return (
    <Card withBorder padding="lg">
      <Stack>
        <Alert color={v.color} icon={<v.Icon />} title={v.title} role="status">
          {b.reason}
        </Alert>
        <Title order={1} size="h2">
          {b.achievement ?? 'Unknown achievement'}
        </Title>
        <Text>
          Awarded to <b>{b.recipientName ?? 'someone'}</b> by {b.issuer}
          {b.issuedOn ? ` on ${b.issuedOn}` : ''}
          {b.expiresOn ? `, valid until ${b.expiresOn}` : ''}.
        </Text>
        {b.jwt && (
          <details>
            <summary>The signed Open Badges 3.0 credential</summary>
            <Code block mt="xs" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {b.jwt}
            </Code>
          </details>
        )}
      </Stack>
    </Card>
  );
}
