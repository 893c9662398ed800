import {
  Alert,
  Badge,
  Breadcrumbs,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconFilePlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../../api/client';
import {
  acceptancesQueryOptions,
  type Agreement,
  agreementQueryOptions,
  useAcceptAgreement,
  usePublishAgreementVersion,
} from '../../../api/programs';
import { formatDateTime } from '../../../components/dates';
import { AnchorLink } from '../../../components/links';
import { ErrorAlert, LoadingState } from '../../../components/query-state';
import { useCan, useSession } from '../../auth/session';
import { agreementTypeLabels } from '../labels';
import { shortHash } from './agreements-page';
import { MarkdownText } from './markdown';
import { MarkdownEditor } from './markdown-editor';
import { closeButtonProps } from '../modal-props';
import { useBrandTitle } from '../../brand/brand-mark';

/** One agreement: its current text for anyone to read; acceptance for partner admins; versions and acceptances for the vendor. */
export function AgreementPage({ agreementId }: { agreementId: string }) {
  const { organization } = useSession();
  const agreement = useQuery(agreementQueryOptions(agreementId));
  useBrandTitle(`${agreement.data?.name ?? 'Agreement'}`);
  const isVendor = organization.kind === 'vendor';

  const breadcrumbs = (
    <Breadcrumbs>
      {isVendor ? (
        <AnchorLink to="/agreements">Agreements</AnchorLink>
      ) : (
        <AnchorLink to="/my-programs">My programs</AnchorLink>
      )}
      <Text size="sm">{agreement.data?.name ?? 'Agreement'}</Text>
    </Breadcrumbs>
  );

  if (agreement.isPending) return <LoadingState label="Loading agreement…" />;
  if (agreement.isError) {
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{isApiError(agreement.error, 404) ? 'Agreement not found' : 'Agreement'}</Title>
        {isApiError(agreement.error, 404) ? (
          <Text>There is no agreement at this address.</Text>
        ) : (
          <ErrorAlert error={agreement.error} title="The agreement could not be loaded" />
        )}
      </Stack>
    );
  }

  const a = agreement.data;
  const v = a.currentVersion;
  return (
    <Stack gap="lg">
      {breadcrumbs}
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1}>{a.name}</Title>
            <Badge variant="outline">{agreementTypeLabels[a.type]}</Badge>
          </Group>
          <Text size="sm" c="dimmed" aria-label="Version">
            Version {v.versionNumber}, published {formatDateTime(v.publishedAt)}
          </Text>
          <Text size="sm" c="dimmed">
            Content hash (SHA-256): <Code aria-label="Content hash">{v.contentHash}</Code>
          </Text>
        </div>
        {isVendor && <PublishVersionButton agreement={a} />}
      </Group>

      {!isVendor && <Acceptance agreement={a} organizationName={organization.name} />}

      <Paper withBorder p="xl" component="article" aria-label={`${a.name}, version ${v.versionNumber}`}>
        <MarkdownText>{v.body}</MarkdownText>
      </Paper>

      {isVendor && <Versions agreement={a} />}
      {isVendor && <Acceptances agreementId={a.id} />}
    </Stack>
  );
}

function Acceptance({ agreement, organizationName }: { agreement: Agreement; organizationName: string }) {
  const canAccept = useCan('agreements:accept');
  const accept = useAcceptAgreement(agreement.id);
  // The version number the person was reading when a newer one replaced it.
  const [supersededFrom, setSupersededFrom] = useState<number | null>(null);
  const current = agreement.currentVersion;
  const mine = agreement.acceptedByMe;
  const acceptedCurrent = mine?.versionId === current.id;

  function acceptCurrent() {
    const reading = current.versionNumber;
    setSupersededFrom(null);
    accept.mutate(current.id, {
      onSuccess: () =>
        notifications.show({
          color: 'green',
          message: `${organizationName} accepted ${agreement.name}, version ${reading}.`,
        }),
      onError: (error) => {
        if (isApiError(error, 409)) setSupersededFrom(reading);
      },
    });
  }

  if (acceptedCurrent) {
    return (
      <Alert color="green" icon={<IconCircleCheck />} title="Accepted" role="status">
        {organizationName} accepted version {mine.versionNumber} on {formatDateTime(mine.acceptedAt)}.
      </Alert>
    );
  }

  return (
    <Stack gap="sm">
      {supersededFrom !== null && supersededFrom !== current.versionNumber && (
        <Alert color="orange" icon={<IconAlertTriangle />} title="A newer version was published" role="alert">
          While you were reading version {supersededFrom}, the vendor published version{' '}
          {current.versionNumber}. The page now shows version {current.versionNumber}: read it before you
          accept.
        </Alert>
      )}
      {accept.isError && !isApiError(accept.error, 409) && (
        <Alert color="red" role="alert">
          {errorMessage(accept.error)}
        </Alert>
      )}
      <Alert color="yellow" icon={<IconAlertTriangle />} title="Not accepted yet">
        <Stack gap="xs">
          <Text size="sm">
            {mine
              ? `${organizationName} accepted version ${mine.versionNumber}; version ${current.versionNumber} replaces it and needs your acceptance.`
              : `${organizationName} has not accepted this agreement yet.`}
          </Text>
          {canAccept ? (
            <>
              <Text size="sm">
                By accepting, you accept version {current.versionNumber} (content hash{' '}
                {shortHash(current.contentHash)}…) on behalf of {organizationName}.
              </Text>
              <Button onClick={acceptCurrent} loading={accept.isPending} w="fit-content">
                Accept version {current.versionNumber}
              </Button>
            </>
          ) : (
            <Text size="sm">Only a partner admin of your organization can accept it.</Text>
          )}
        </Stack>
      </Alert>
    </Stack>
  );
}

function PublishVersionButton({ agreement }: { agreement: Agreement }) {
  const canManage = useCan('agreements:manage');
  const [opened, modal] = useDisclosure(false);
  if (!canManage) return null;
  return (
    <>
      <Button leftSection={<IconFilePlus size={16} />} onClick={modal.open}>
        Publish new version
      </Button>
      <Modal
        closeButtonProps={closeButtonProps}
        opened={opened}
        onClose={modal.close}
        title={`New version of ${agreement.name}`}
        size="xl"
      >
        {opened && <PublishVersionForm agreement={agreement} onDone={modal.close} />}
      </Modal>
    </>
  );
}

function PublishVersionForm({ agreement, onDone }: { agreement: Agreement; onDone: () => void }) {
  const publish = usePublishAgreementVersion(agreement.id);
  const [body, setBody] = useState(agreement.currentVersion.body);
  const [localError, setLocalError] = useState<string | undefined>();
  const next = agreement.currentVersion.versionNumber + 1;

  function submit() {
    if (!body.trim()) return setLocalError('Write the agreement text');
    if (body.trim() === agreement.currentVersion.body.trim())
      return setLocalError('The text is unchanged: change it to publish a new version');
    setLocalError(undefined);
    publish.mutate(body, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: `Version ${next} of ${agreement.name} was published.`,
        });
        onDone();
      },
    });
  }

  return (
    <Stack>
      <Alert color="blue" icon={<IconAlertTriangle />}>
        Versions are immutable once published. Every active enrollment of a program that requires this
        agreement is marked “action required” until its organization accepts version {next}, and is suspended
        if it does not within the program’s deadline.
      </Alert>
      {publish.isError && (
        <Alert color="red" role="alert">
          {errorMessage(publish.error)}
        </Alert>
      )}
      <MarkdownEditor value={body} onChange={setBody} error={localError} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={publish.isPending}>
          Publish version {next}
        </Button>
      </Group>
    </Stack>
  );
}

function Versions({ agreement }: { agreement: Agreement }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="versions-title">
      <Title order={2} size="h3" id="versions-title">
        Versions
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Versions" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Published</Table.Th>
              <Table.Th>Content hash (SHA-256)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agreement.versions.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  {v.versionNumber}
                  {v.id === agreement.currentVersion.id ? ' (current)' : ''}
                </Table.Td>
                <Table.Td>{formatDateTime(v.publishedAt)}</Table.Td>
                <Table.Td>
                  <Text ff="monospace" size="xs">
                    {v.contentHash}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Acceptances({ agreementId }: { agreementId: string }) {
  const acceptances = useQuery(acceptancesQueryOptions(agreementId));
  return (
    <Stack gap="xs" component="section" aria-labelledby="acceptances-title">
      <Title order={2} size="h3" id="acceptances-title">
        Acceptances
      </Title>
      {acceptances.isPending ? (
        <LoadingState label="Loading acceptances…" />
      ) : acceptances.isError ? (
        <ErrorAlert error={acceptances.error} title="The acceptances could not be loaded" />
      ) : acceptances.data.length === 0 ? (
        <Text c="dimmed">No organization has accepted this agreement yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Acceptances" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Organization</Table.Th>
                <Table.Th>Accepted by</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Accepted</Table.Th>
                <Table.Th>Content hash</Table.Th>
                <Table.Th>From address</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {acceptances.data.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>
                    <AnchorLink to="/partners/$id" params={{ id: x.organization.id }}>
                      {x.organization.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{x.user.name}</Table.Td>
                  <Table.Td>{x.versionNumber}</Table.Td>
                  <Table.Td>{formatDateTime(x.acceptedAt)}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="xs" title={x.contentHash}>
                      {shortHash(x.contentHash)}…
                    </Text>
                  </Table.Td>
                  <Table.Td>{x.ip ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
