import { Alert, Code, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type EmailDetail, emailQueryOptions } from '../../api/emails';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { EmailStatusBadge, transportLabels } from './email-parts';

/** One message of the outbox: who it went to, how, and the bodies when they were kept. */
export function EmailMessage({ emailId }: { emailId: string }) {
  const email = useQuery(emailQueryOptions(emailId));
  if (email.isPending) return <LoadingState label="Loading the message…" />;
  if (email.isError) return <ErrorAlert error={email.error} title="The message could not be loaded" />;
  const m = email.data;
  return (
    <Stack>
      <Stack gap={4}>
        <Text size="sm">
          <Text span c="dimmed">
            To{' '}
          </Text>
          {m.to}
        </Text>
        <Text size="sm">
          <Text span c="dimmed">
            Sent{' '}
          </Text>
          <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
        </Text>
        <Group gap="xs">
          <EmailStatusBadge status={m.status} />
          <Text size="sm" c="dimmed">
            via {transportLabels[m.transport]}
          </Text>
        </Group>
      </Stack>
      {m.error && (
        <Alert color="red" title="Sending failed">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {m.error}
          </Text>
        </Alert>
      )}
      <Bodies email={m} />
    </Stack>
  );
}

function Bodies({ email }: { email: EmailDetail }) {
  if (email.text === null && email.html === null) {
    return (
      <Text size="sm" c="dimmed">
        {email.transport === 'smtp' && email.status === 'sent'
          ? 'The message was delivered by SMTP; its body is not kept.'
          : 'The body of a message sent by SMTP is not kept.'}
      </Text>
    );
  }
  return (
    <>
      {email.text !== null && (
        <Stack gap={4} component="section" aria-label="Plain text">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            Plain text
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {email.text}
          </Code>
        </Stack>
      )}
      {email.html !== null && (
        <Stack gap={4} component="section" aria-label="HTML">
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            HTML
          </Text>
          {/* Never injected into the page: an empty sandbox runs no script and has no access to this origin. */}
          <iframe
            sandbox=""
            srcDoc={email.html}
            title={`HTML of “${email.subject}”`}
            style={{
              width: '100%',
              height: 320,
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 'var(--mantine-radius-sm)',
              background: 'white',
            }}
          />
        </Stack>
      )}
    </>
  );
}
