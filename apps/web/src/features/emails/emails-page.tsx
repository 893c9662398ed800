import { Alert, Anchor, Breadcrumbs, Code, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type Email, emailsQueryOptions } from '../../api/emails';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { closeButtonProps } from '../programs/modal-props';
import { EmailMessage } from './email-message';
import { EmailStatusBadge, transportLabels } from './email-parts';
import { useBrandTitle } from '../brand/brand-mark';

/** The vendor admin's outbox: every message the platform sent, or wrote to its log, newest first. */
export function EmailsPage() {
  useBrandTitle('Email outbox');
  const list = useInfiniteQuery(emailsQueryOptions);
  const emails = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [opened, setOpened] = useState<Email | null>(null);
  // The newest message says how mail goes out now.
  const logging = emails[0]?.transport === 'log';

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <AnchorLink to="/settings">Settings</AnchorLink>
        <Text size="sm">Email outbox</Text>
      </Breadcrumbs>
      <div>
        <Title order={1}>Email outbox</Title>
        <Text c="dimmed" size="sm" maw={720}>
          Every email the platform sends: invitations, password resets, notices. Without <Code>SMTP_URL</Code>{' '}
          messages are not delivered but written to the server log and kept here, whole, so the platform can
          be tried without a mail server.
        </Text>
      </div>
      {logging && (
        <Alert color="orange" icon={<IconAlertTriangle />} title="Email is not being delivered">
          Nobody receives these messages: invitations and password resets reach people only through the server
          log, where their one-time links are (here they are hidden). Configure SMTP (<Code>SMTP_URL</Code>)
          before real users are invited.
        </Alert>
      )}
      {list.isPending ? (
        <LoadingState label="Loading the outbox…" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The outbox could not be loaded" />
      ) : emails.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          No email has been sent yet.
        </Text>
      ) : (
        <>
          <EmailsTable emails={emails} onOpen={setOpened} />
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={emails.length}
            noun={emails.length === 1 ? 'email' : 'emails'}
          />
        </>
      )}
      <Modal
        opened={opened !== null}
        onClose={() => setOpened(null)}
        title={opened?.subject}
        size="xl"
        closeButtonProps={closeButtonProps}
      >
        {opened && <EmailMessage emailId={opened.id} />}
      </Modal>
    </Stack>
  );
}

function EmailsTable({ emails, onOpen }: { emails: Email[]; onOpen: (email: Email) => void }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Emails">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Transport</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {emails.map((email) => (
            // The whole row opens the message; the subject is its button, for the keyboard.
            <Table.Tr key={email.id} onClick={() => onOpen(email)} style={{ cursor: 'pointer' }}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={email.createdAt}>{formatDateTime(email.createdAt)}</time>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{email.to}</Table.Td>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  ta="left"
                  onClick={(event) => {
                    event.stopPropagation();
                    onOpen(email);
                  }}
                >
                  {email.subject}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <EmailStatusBadge status={email.status} />
                {email.error && (
                  <Text size="xs" c="dimmed" lineClamp={2} title={email.error}>
                    {email.error}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{transportLabels[email.transport]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
