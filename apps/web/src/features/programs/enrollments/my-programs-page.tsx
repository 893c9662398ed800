import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconCheck,
  IconCircleDashed,
  IconFlag,
  IconHandStop,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../api/client';
import {
  type Enrollment,
  enrollmentsQueryOptions,
  type Evaluation,
  useCompleteChecklistItem,
  useEvaluateEnrollment,
} from '../../../api/programs';
import { formatDate, formatDateTime } from '../../../components/dates';
import { ButtonLink } from '../../../components/links';
import { ErrorAlert, LoadingState } from '../../../components/query-state';
import { useCan, useSession } from '../../auth/session';
import { EnrollmentStatusBadge } from '../badges';
import { describeBenefit } from '../labels';
import { EvaluationDetails, evaluationSummary, RuleProgress } from './evaluation-view';
import { TierHistory } from './tier-history';
import { useBrandTitle } from '../../brand/brand-mark';

/** A partner's programs: status, tier and benefits, what needs doing, and the way to the next tier. */
export function MyProgramsPage() {
  useBrandTitle('My programs');
  const { organization } = useSession();
  const enrollments = useQuery(enrollmentsQueryOptions({ organizationId: organization.id }));

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>My programs</Title>
        <Text c="dimmed" size="sm">
          The programs {organization.name} takes part in.
        </Text>
      </div>
      {enrollments.isPending ? (
        <LoadingState label="Loading your programs…" />
      ) : enrollments.isError ? (
        <ErrorAlert error={enrollments.error} title="Your programs could not be loaded" />
      ) : enrollments.data.length === 0 ? (
        <Text c="dimmed">Your organization is not enrolled in any program yet.</Text>
      ) : (
        enrollments.data.map((e) => <EnrollmentCard key={e.id} enrollment={e} />)
      )}
    </Stack>
  );
}

function EnrollmentCard({ enrollment: e }: { enrollment: Enrollment }) {
  const titleId = `enrollment-${e.id}`;
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={titleId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="sm">
              <Title order={2} size="h3" id={titleId}>
                {e.program.name}
              </Title>
              <EnrollmentStatusBadge status={e.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {e.tier ? `Tier: ${e.tier.name}` : 'No tier yet'}
              {e.track ? ` · Track: ${e.track}` : ''} · Member since {formatDate(e.createdAt)}
            </Text>
          </div>
          {e.tier && (
            <Badge size="lg" variant="filled" aria-label={`Current tier ${e.tier.name}`}>
              {e.tier.name}
            </Badge>
          )}
        </Group>

        <Attention enrollment={e} />

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Benefits enrollment={e} />
          <Checklist enrollment={e} />
        </SimpleGrid>

        <TierProgress enrollment={e} />
        <TierHistory enrollmentId={e.id} />
      </Stack>
    </Card>
  );
}

/** What the partner must do: re-accept a new agreement version by a deadline, or accept before the enrollment starts. */
function Attention({ enrollment: e }: { enrollment: Enrollment }) {
  const pending =
    e.pendingAgreements.length > 0 ? (
      <List size="sm" spacing="xs" mt="xs">
        {e.pendingAgreements.map((p) => (
          <List.Item key={p.versionId}>
            <Group gap="sm">
              <Text size="sm">
                {p.name}, version {p.versionNumber}
              </Text>
              <ButtonLink to="/agreements/$id" params={{ id: p.agreementId }} size="xs" variant="white">
                Read and accept
              </ButtonLink>
            </Group>
          </List.Item>
        ))}
      </List>
    ) : null;

  if (e.actionRequired) {
    return (
      <Alert color="orange" icon={<IconAlertTriangle />} title="Action required" role="alert">
        <Text size="sm">
          {e.actionRequiredReason ?? 'Something needs your attention'}
          {e.actionDeadline ? ` by ${formatDateTime(e.actionDeadline)}` : ''}. Without it, the enrollment is
          suspended.
        </Text>
        {pending}
      </Alert>
    );
  }
  if (e.status === 'pending_agreement' || e.pendingAgreements.length > 0) {
    return (
      <Alert
        color="yellow"
        icon={<IconHandStop />}
        title={e.status === 'pending_agreement' ? 'Waiting for your agreement' : 'Agreements to accept'}
      >
        <Text size="sm">
          {e.status === 'pending_agreement'
            ? 'The enrollment starts once your organization accepts:'
            : 'The program requires your organization to accept:'}
        </Text>
        {pending}
      </Alert>
    );
  }
  if (e.status === 'suspended' || e.status === 'terminated') {
    return (
      <Alert color={e.status === 'suspended' ? 'orange' : 'red'} icon={<IconAlertTriangle />}>
        This enrollment is {e.status}
        {e.statusReason ? `: ${e.statusReason}` : '.'}
      </Alert>
    );
  }
  return null;
}

function Benefits({ enrollment: e }: { enrollment: Enrollment }) {
  const benefits = e.tier?.benefits ?? [];
  return (
    <Stack gap="xs" component="section" aria-label="Benefits">
      <Title order={3} size="h5">
        Benefits of {e.tier?.name ?? 'your tier'}
      </Title>
      {benefits.length === 0 ? (
        <Text size="sm" c="dimmed">
          This tier has no listed benefits.
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {benefits.map((b, i) => (
            <List.Item key={i}>{describeBenefit(b)}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function Checklist({ enrollment: e }: { enrollment: Enrollment }) {
  const canComplete = useCan('checklist:complete');
  const complete = useCompleteChecklistItem();
  const done = e.checklist.filter((c) => c.done).length;
  const total = e.checklist.length;
  if (total === 0) return null;
  const percent = Math.round((done / total) * 100);

  return (
    <Stack gap="xs" component="section" aria-label="Onboarding checklist">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Onboarding checklist
        </Title>
        <Text size="sm" c="dimmed" aria-live="polite">
          {done} of {total} done
        </Text>
      </Group>
      <Progress
        value={percent}
        color={done === total ? 'green' : 'indigo'}
        aria-label={`Onboarding: ${done} of ${total} done`}
      />
      <List spacing="xs" size="sm" center>
        {e.checklist.map((item) => (
          <List.Item
            key={item.key}
            icon={
              <ThemeIcon color={item.done ? 'green' : 'gray'} variant="light" size="sm" radius="xl">
                {item.done ? <IconCheck size={14} /> : <IconCircleDashed size={14} />}
              </ThemeIcon>
            }
          >
            <Group gap="sm">
              <Text
                size="sm"
                td={item.done ? 'line-through' : undefined}
                c={item.done ? 'dimmed' : undefined}
              >
                {item.title}
              </Text>
              <Text size="xs" c="dimmed">
                {item.done ? '(done)' : item.kind === 'custom' ? '' : '(completes itself)'}
              </Text>
              {!item.done && item.kind === 'custom' && canComplete && (
                <Button
                  size="compact-xs"
                  variant="light"
                  aria-label={`Mark done: ${item.title}`}
                  loading={complete.isPending && complete.variables?.key === item.key}
                  onClick={() =>
                    complete.mutate(
                      { id: e.id, key: item.key },
                      {
                        onError: (error) =>
                          notifications.show({ color: 'red', message: errorMessage(error) }),
                      },
                    )
                  }
                >
                  Mark done
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** Each requirement of the next tier as a bar, from the last evaluation, and "Evaluate now" for partner admins. */
function TierProgress({ enrollment: e }: { enrollment: Enrollment }) {
  const canEvaluate = useCan('enrollments:evaluate');
  const evaluate = useEvaluateEnrollment();
  const [result, setResult] = useState<Evaluation | null>(null);
  const [showAll, setShowAll] = useState(false);
  const evaluation = e.lastEvaluation;
  const currentRank = evaluation?.currentTier?.rank ?? e.tier?.rank ?? 1;
  const next = evaluation?.tiers.find((t) => t.rank === currentRank + 1);
  const live = e.status !== 'terminated';

  return (
    <Stack gap="sm" component="section" aria-label="Progress to the next tier">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {next ? `Progress to ${next.name}` : 'Tier progress'}
        </Title>
        {canEvaluate && live && (
          <Button
            size="xs"
            variant="light"
            loading={evaluate.isPending}
            onClick={() =>
              evaluate.mutate(e.id, {
                onSuccess: setResult,
                onError: (error) =>
                  notifications.show({ color: 'red', title: 'Not evaluated', message: errorMessage(error) }),
              })
            }
          >
            Evaluate now
          </Button>
        )}
      </Group>
      {result && (
        <Alert
          color={result.change?.kind === 'promotion' ? 'green' : result.change ? 'orange' : 'blue'}
          icon={
            result.change?.kind === 'promotion' ? (
              <IconArrowUp />
            ) : result.change ? (
              <IconArrowDown />
            ) : (
              <IconFlag />
            )
          }
          title={result.change?.kind === 'promotion' ? `Promoted to ${result.change.toTier}` : 'Evaluated'}
          role="status"
          withCloseButton
          onClose={() => setResult(null)}
        >
          {evaluationSummary(result)}
        </Alert>
      )}
      {!evaluation ? (
        <Text size="sm" c="dimmed">
          Not evaluated yet. The tier engine judges every enrollment when it is made and every six hours
          {canEvaluate && live ? ', or now with “Evaluate now”' : ''}.
        </Text>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            As of {formatDateTime(evaluation.evaluatedAt)}.
            {evaluation.demotionEffectiveAt && ` ${evaluationSummary(evaluation)}`}
          </Text>
          {next ? (
            next.rules.length === 0 ? (
              <Text size="sm">{next.name} has no requirements.</Text>
            ) : (
              <Stack gap="sm">
                <Text size="sm">
                  {next.rules.filter((r) => r.met).length} of {next.rules.length} requirements of {next.name}{' '}
                  met.
                </Text>
                {next.rules.map((rule, i) => (
                  <RuleProgress key={i} rule={rule} />
                ))}
              </Stack>
            )
          ) : (
            <Text size="sm">{evaluation.currentTier?.name ?? 'This'} is the program’s top tier.</Text>
          )}
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            onClick={() => setShowAll((s) => !s)}
            aria-expanded={showAll}
          >
            {showAll ? 'Hide how every tier is judged' : 'Show how every tier is judged'}
          </Button>
          {showAll && <EvaluationDetails evaluation={evaluation} />}
        </>
      )}
    </Stack>
  );
}
