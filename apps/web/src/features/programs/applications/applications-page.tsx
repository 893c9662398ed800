import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCopy } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage, isApiError, isStaleVersion } from '../../../api/client';
import { partnerTypesQueryOptions } from '../../../api/partner-types';
import { type Application, applicationsQueryOptions, useDecideApplication } from '../../../api/programs';
import { countryName } from '../../../components/countries';
import { formatDateTime } from '../../../components/dates';
import { AnchorLink } from '../../../components/links';
import { ErrorAlert, LoadMore, LoadingState } from '../../../components/query-state';
import { useCan } from '../../auth/session';
import { closeButtonProps } from '../modal-props';
import { useBrandTitle } from '../../brand/brand-mark';

type StatusFilter = Application['status'] | 'all';

const filters: { value: StatusFilter; label: string }[] = [
  { value: 'submitted', label: 'To review' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'all', label: 'All' },
];

const statusCopy: Record<Application['status'], { label: string; color: string }> = {
  submitted: { label: 'To review', color: 'blue' },
  approved: { label: 'Approved', color: 'green' },
  rejected: { label: 'Rejected', color: 'red' },
};

/** Another reviewer got there first: the message every decision shows on 409 (and on 422 "already decided"). */
const ACTED_FIRST =
  'Another reviewer acted on this application first. The queue was refreshed: check its current state.';

type Decision = { verb: 'approve' | 'reject'; application: Application } | null;

/** The application changed under the reviewer: a stale version, or already approved/rejected. */
function actedFirst(error: unknown) {
  return (
    isStaleVersion(error) || (isApiError(error, 422) && /already (approved|rejected)/.test(error.message))
  );
}

export function ApplicationsPage() {
  useBrandTitle('Applications');
  const canReview = useCan('applications:review');
  const [status, setStatus] = useState<StatusFilter>('submitted');
  const applications = useInfiniteQuery(applicationsQueryOptions(status === 'all' ? {} : { status }));
  const types = useQuery(partnerTypesQueryOptions);
  const [decision, setDecision] = useState<Decision>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const typeName = (code: string) => types.data?.find((t) => t.code === code)?.name ?? code;
  const items = applications.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Applications</Title>
        <Text c="dimmed" size="sm">
          Companies that applied on the public form. Approving creates (or links) the organization, invites
          the contact as its partner admin and enrolls it in the programs applied for.
        </Text>
      </div>
      <SegmentedControl
        aria-label="Show applications"
        data={filters}
        value={status}
        onChange={(value) => {
          setStatus(value as StatusFilter);
          setNotice(null);
        }}
        w="fit-content"
      />
      {notice && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle />}
          role="alert"
          withCloseButton
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      {applications.isPending ? (
        <LoadingState label="Loading applications…" />
      ) : applications.isError ? (
        <ErrorAlert error={applications.error} title="The applications could not be loaded" />
      ) : items.length === 0 ? (
        <Text c="dimmed">
          {status === 'submitted' ? 'No applications waiting for review.' : 'No applications.'}
        </Text>
      ) : (
        <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Applications">
          {items.map((a) => (
            <li key={a.id}>
              <ApplicationCard
                application={a}
                typeName={typeName}
                canReview={canReview}
                onDecide={(verb) => {
                  setNotice(null);
                  setDecision({ verb, application: a });
                }}
              />
            </li>
          ))}
        </Stack>
      )}
      {applications.data && (
        <LoadMore
          hasNextPage={applications.hasNextPage}
          isFetchingNextPage={applications.isFetchingNextPage}
          fetchNextPage={applications.fetchNextPage}
          shown={items.length}
          noun="applications"
        />
      )}
      <DecisionModal
        decision={decision}
        onClose={() => setDecision(null)}
        onActedFirst={() => {
          setDecision(null);
          setNotice(ACTED_FIRST);
        }}
      />
    </Stack>
  );
}

function ApplicationCard({
  application: a,
  typeName,
  canReview,
  onDecide,
}: {
  application: Application;
  typeName: (code: string) => string;
  canReview: boolean;
  onDecide: (verb: 'approve' | 'reject') => void;
}) {
  const titleId = `application-${a.id}`;
  const copy = statusCopy[a.status];
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="sm">
              <Title order={2} size="h4" id={titleId}>
                {a.companyName}
              </Title>
              <Badge color={copy.color} variant="light">
                {copy.label}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              Applied {formatDateTime(a.createdAt)}
            </Text>
          </div>
          {canReview && a.status === 'submitted' && (
            <Group gap="xs">
              <Button
                color="green"
                onClick={() => onDecide('approve')}
                aria-label={`Approve ${a.companyName}`}
              >
                Approve
              </Button>
              <Button
                variant="light"
                color="red"
                onClick={() => onDecide('reject')}
                aria-label={`Reject ${a.companyName}`}
              >
                Reject
              </Button>
            </Group>
          )}
        </Group>
        <Table variant="vertical" layout="fixed" withTableBorder aria-label={`Details of ${a.companyName}`}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={160}>Website</Table.Th>
              <Table.Td>
                <Anchor href={a.website} target="_blank" rel="noopener noreferrer" size="sm">
                  {a.website}
                </Anchor>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Country</Table.Th>
              <Table.Td>{countryName(a.country)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Partner types</Table.Th>
              <Table.Td>{a.partnerTypes.map(typeName).join(', ')}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Programs</Table.Th>
              <Table.Td>{a.programs.map((p) => p.name).join(', ')}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Contact</Table.Th>
              <Table.Td>
                {a.contactName}{' '}
                <Anchor href={`mailto:${a.contactEmail}`} size="sm">
                  {a.contactEmail}
                </Anchor>
              </Table.Td>
            </Table.Tr>
            {a.message && (
              <Table.Tr>
                <Table.Th>Message</Table.Th>
                <Table.Td style={{ whiteSpace: 'pre-line' }}>{a.message}</Table.Td>
              </Table.Tr>
            )}
            {a.status !== 'submitted' && (
              <Table.Tr>
                <Table.Th>Decision</Table.Th>
                <Table.Td>
                  {copy.label}
                  {a.decidedAt ? ` ${formatDateTime(a.decidedAt)}` : ''}
                  {a.decisionReason ? `: ${a.decisionReason}` : ''}
                  {a.organizationId && (
                    <>
                      {' · '}
                      <AnchorLink to="/partners/$id" params={{ id: a.organizationId }} size="sm">
                        Open the partner
                      </AnchorLink>
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        {a.duplicates.length > 0 && (
          <Alert color="yellow" icon={<IconCopy />} title="Possible duplicates">
            <List size="sm" spacing={4}>
              {a.duplicates.map((d) => (
                <List.Item key={`${d.kind}-${d.id}`}>
                  {d.kind === 'organization' ? (
                    <>
                      Partner{' '}
                      <AnchorLink to="/partners/$id" params={{ id: d.id }} size="sm">
                        {d.name}
                      </AnchorLink>
                    </>
                  ) : (
                    <>Application from {d.name}</>
                  )}
                  : {d.reason}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function DecisionModal({
  decision,
  onClose,
  onActedFirst,
}: {
  decision: Decision;
  onClose: () => void;
  onActedFirst: () => void;
}) {
  const title = decision
    ? `${decision.verb === 'approve' ? 'Approve' : 'Reject'} ${decision.application.companyName}`
    : '';
  return (
    <Modal
      closeButtonProps={closeButtonProps}
      opened={decision !== null}
      onClose={onClose}
      title={title}
      centered
      size="lg"
    >
      {decision && (
        <DecisionForm
          key={`${decision.verb}-${decision.application.id}`}
          verb={decision.verb}
          application={decision.application}
          onDone={onClose}
          onActedFirst={onActedFirst}
        />
      )}
    </Modal>
  );
}

function DecisionForm({
  verb,
  application: a,
  onDone,
  onActedFirst,
}: {
  verb: 'approve' | 'reject';
  application: Application;
  onDone: () => void;
  onActedFirst: () => void;
}) {
  const decide = useDecideApplication();
  const orgDuplicates = a.duplicates.filter((d) => d.kind === 'organization');
  const [link, setLink] = useState<string>('new');
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const reasonError =
    (missingReason ? 'Give a reason: it is emailed to the applicant' : undefined) ??
    (decide.error instanceof ApiError ? decide.error.fieldErrors().reason : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Only a stale version or an already-decided application means another reviewer acted;
    // any other refusal (e.g. an ineligible partner type) is shown as the server said it.
    const onError = (error: Error) => {
      if (actedFirst(error)) onActedFirst();
    };
    if (verb === 'reject') {
      if (!reason.trim()) return setMissingReason(true);
      decide.mutate(
        { verb, id: a.id, version: a.version, reason: reason.trim() },
        {
          onSuccess: () => {
            notifications.show({
              color: 'green',
              message: `The application of ${a.companyName} was rejected.`,
            });
            onDone();
          },
          onError,
        },
      );
      return;
    }
    decide.mutate(
      { verb, id: a.id, version: a.version, ...(link === 'new' ? {} : { organizationId: link }) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: `${a.companyName} was approved: ${a.contactEmail} was invited as its partner admin.`,
          });
          onDone();
        },
        onError,
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {verb === 'approve' ? (
          <>
            <Text size="sm">
              {a.contactName} ({a.contactEmail}) is invited as partner admin and the organization is enrolled
              in {a.programs.map((p) => p.name).join(', ')} at the entry tier.
            </Text>
            {orgDuplicates.length > 0 && (
              <Radio.Group
                label="Organization"
                description="This looks like a partner that already exists: link the application to it instead of creating another."
                value={link}
                onChange={setLink}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="new" label={`Create a new organization “${a.companyName}”`} />
                  {orgDuplicates.map((d) => (
                    <Radio
                      key={d.id}
                      value={d.id}
                      label={`Link to existing organization ${d.name} (${d.reason})`}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          </>
        ) : (
          <Textarea
            label="Reason"
            description="Emailed to the applicant and kept with the decision"
            required
            data-autofocus
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissingReason(false);
            }}
            error={reasonError}
          />
        )}
        {decide.isError && !reasonError && !actedFirst(decide.error) && (
          <Alert color="red" role="alert">
            {errorMessage(decide.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button
            type="submit"
            color={verb === 'approve' ? 'green' : 'red'}
            loading={decide.isPending}
            data-autofocus={verb === 'approve' || undefined}
          >
            {verb === 'approve' ? 'Approve' : 'Reject'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
