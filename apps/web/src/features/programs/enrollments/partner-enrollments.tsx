import { Badge, Button, Group, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { Partner } from '@partnergraph/shared/contracts/organizations';
import { can } from '@partnergraph/shared/permissions';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import {
  type Enrollment,
  type EnrollmentVerb,
  enrollmentsQueryOptions,
  type Evaluation,
  useEvaluateEnrollment,
} from '../../../api/programs';
import { formatDate } from '../../../components/dates';
import { AnchorLink } from '../../../components/links';
import { ErrorAlert, LoadingState } from '../../../components/query-state';
import { useSession } from '../../auth/session';
import { EnrollmentStatusBadge } from '../badges';
import {
  AttestationModal,
  EnrollModal,
  EnrollmentStatusModal,
  EvaluationModal,
  verbLabel,
  verbsFor,
} from './enrollment-modals';

/**
 * The vendor's view of a partner's program memberships, on the partner page. Admins act on every
 * partner; a channel manager on the partners assigned to them (the server holds both to it).
 */
export function PartnerEnrollments({ partner }: { partner: Partner }) {
  const session = useSession();
  const { role, id: userId } = session.user;
  const isVendor = session.organization.kind === 'vendor';
  const enrollments = useQuery({
    ...enrollmentsQueryOptions({ organizationId: partner.id }),
    enabled: isVendor,
  });
  const evaluate = useEvaluateEnrollment();
  const [enrolling, enrollModal] = useDisclosure(false);
  const [statusChange, setStatusChange] = useState<{ enrollment: Enrollment; verb: EnrollmentVerb } | null>(
    null,
  );
  const [attesting, setAttesting] = useState<Enrollment | null>(null);
  const [result, setResult] = useState<{ enrollment: Enrollment; evaluation: Evaluation } | null>(null);

  if (!isVendor) return null;
  const inScope = role === 'admin' || (role === 'channel_manager' && partner.channelManager?.id === userId);
  const mayManage = can(role, 'enrollments:manage') && inScope;
  const mayEvaluate = can(role, 'enrollments:evaluate') && inScope;

  function runEvaluation(enrollment: Enrollment) {
    evaluate.mutate(enrollment.id, {
      onSuccess: (evaluation) => setResult({ enrollment, evaluation }),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Not evaluated', message: errorMessage(error) }),
    });
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="enrollments-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="enrollments-title">
          Enrollments
        </Title>
        {mayManage && partner.status !== 'terminated' && (
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={enrollModal.open}>
            Enroll in program
          </Button>
        )}
      </Group>
      {enrollments.isPending ? (
        <LoadingState label="Loading enrollments…" />
      ) : enrollments.isError ? (
        <ErrorAlert error={enrollments.error} title="The enrollments could not be loaded" />
      ) : enrollments.data.length === 0 ? (
        <Text c="dimmed">Not enrolled in any program.</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped aria-label="Enrollments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Program</Table.Th>
                <Table.Th>Tier</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Action required</Table.Th>
                <Table.Th>Enrolled</Table.Th>
                {(mayManage || mayEvaluate) && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {enrollments.data.map((e) => {
                const verbs = mayManage ? verbsFor(e.status) : [];
                const evaluable = mayEvaluate && e.status !== 'terminated';
                return (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <AnchorLink to="/programs/$id" params={{ id: e.program.id }}>
                        {e.program.name}
                      </AnchorLink>
                      {e.track && (
                        <Text size="xs" c="dimmed">
                          Track: {e.track}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{e.tier ? <Badge variant="outline">{e.tier.name}</Badge> : '—'}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <EnrollmentStatusBadge status={e.status} />
                        {e.statusReason && (
                          <Text size="sm" c="dimmed">
                            {e.statusReason}
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {e.actionRequired ? (
                        <Text size="sm" c="orange">
                          {e.actionRequiredReason ?? 'Yes'}
                          {e.actionDeadline ? ` by ${formatDate(e.actionDeadline)}` : ''}
                        </Text>
                      ) : e.pendingAgreements.length > 0 ? (
                        <Text size="sm" c="yellow">
                          Accept {e.pendingAgreements.map((p) => p.name).join(', ')}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          None
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(e.createdAt)}</Table.Td>
                    {(mayManage || mayEvaluate) && (
                      <Table.Td>
                        {(evaluable || mayManage) && (
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <Button
                                size="xs"
                                variant="default"
                                rightSection={<IconChevronDown size={14} />}
                                aria-label={`Actions for ${e.program.name}`}
                                loading={evaluate.isPending && evaluate.variables === e.id}
                              >
                                Actions
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {evaluable && (
                                <Menu.Item onClick={() => runEvaluation(e)}>Evaluate now</Menu.Item>
                              )}
                              {mayManage && e.status !== 'terminated' && (
                                <Menu.Item onClick={() => setAttesting(e)}>Record attestation</Menu.Item>
                              )}
                              {verbs.map((verb) => (
                                <Menu.Item
                                  key={verb}
                                  c={verb === 'terminate' ? 'red' : undefined}
                                  onClick={() => setStatusChange({ enrollment: e, verb })}
                                >
                                  {verbLabel(verb)}
                                </Menu.Item>
                              ))}
                            </Menu.Dropdown>
                          </Menu>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <EnrollModal
        partner={partner}
        enrollments={enrollments.data ?? []}
        opened={enrolling}
        onClose={enrollModal.close}
      />
      <EnrollmentStatusModal
        enrollment={statusChange?.enrollment ?? null}
        verb={statusChange?.verb ?? null}
        onClose={() => setStatusChange(null)}
      />
      <AttestationModal enrollment={attesting} onClose={() => setAttesting(null)} />
      <EvaluationModal result={result} onClose={() => setResult(null)} />
    </Stack>
  );
}
