import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Partner } from '@partnergraph/shared/contracts/organizations';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../../api/client';
import {
  type Enrollment,
  type EnrollmentVerb,
  type Evaluation,
  programQueryOptions,
  programsQueryOptions,
  useCreateEnrollment,
  useEnrollmentStatusAction,
  useRecordAttestation,
} from '../../../api/programs';
import { LoadingState } from '../../../components/query-state';
import { ReasonForm } from '../../../components/reason-form';
import { EvaluationDetails, evaluationSummary } from './evaluation-view';
import { closeButtonProps } from '../modal-props';

// --- Status changes ---

const verbCopy: Record<
  EnrollmentVerb,
  { label: string; color: string; text: string; reasonRequired: boolean; done: string }
> = {
  suspend: {
    label: 'Suspend',
    color: 'orange',
    text: 'The enrollment is suspended until someone reactivates it; its benefits stop meanwhile.',
    reasonRequired: true,
    done: 'suspended',
  },
  reactivate: {
    label: 'Reactivate',
    color: 'green',
    text: 'The enrollment becomes active again (or waits for agreements still to accept).',
    reasonRequired: false,
    done: 'reactivated',
  },
  terminate: {
    label: 'Terminate',
    color: 'red',
    text: 'Terminating ends this enrollment for good. The organization may be enrolled again later.',
    reasonRequired: true,
    done: 'terminated',
  },
};

export function verbLabel(verb: EnrollmentVerb) {
  return verbCopy[verb].label;
}

/** The status changes that make sense from where the enrollment stands. */
export function verbsFor(status: Enrollment['status']): EnrollmentVerb[] {
  switch (status) {
    case 'pending_agreement':
    case 'active':
      return ['suspend', 'terminate'];
    case 'suspended':
      return ['reactivate', 'terminate'];
    case 'terminated':
      return [];
  }
}

export function EnrollmentStatusModal({
  enrollment,
  verb,
  onClose,
}: {
  enrollment: Enrollment | null;
  verb: EnrollmentVerb | null;
  onClose: () => void;
}) {
  const copy = verb ? verbCopy[verb] : null;
  return (
    <Modal
      closeButtonProps={closeButtonProps}
      opened={enrollment !== null && verb !== null}
      onClose={onClose}
      title={copy && enrollment ? `${copy.label} enrollment in ${enrollment.program.name}` : ''}
      centered
    >
      {enrollment && verb && (
        <StatusForm key={`${enrollment.id}-${verb}`} enrollment={enrollment} verb={verb} onDone={onClose} />
      )}
    </Modal>
  );
}

function StatusForm({
  enrollment,
  verb,
  onDone,
}: {
  enrollment: Enrollment;
  verb: EnrollmentVerb;
  onDone: () => void;
}) {
  const copy = verbCopy[verb];
  const action = useEnrollmentStatusAction();
  return (
    <ReasonForm
      explanation={copy.text}
      reasonDescription="Kept with the change and shown to the partner"
      reasonRequired={copy.reasonRequired}
      staleMessage="This enrollment was changed meanwhile (by someone else or by the tier engine). It is reloaded: close this and try again."
      label={copy.label}
      color={copy.color}
      error={action.error}
      pending={action.isPending}
      onCancel={onDone}
      onSubmit={(reason) =>
        action.mutate(
          { id: enrollment.id, verb, version: enrollment.version, ...(reason ? { reason } : {}) },
          {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: `The enrollment of ${enrollment.organization.name} in ${enrollment.program.name} was ${copy.done}.`,
              });
              onDone();
            },
          },
        )
      }
    />
  );
}

// --- Attestations ---

export function AttestationModal({
  enrollment,
  onClose,
}: {
  enrollment: Enrollment | null;
  onClose: () => void;
}) {
  return (
    <Modal
      closeButtonProps={closeButtonProps}
      opened={enrollment !== null}
      onClose={onClose}
      title="Record attestation"
      centered
    >
      {enrollment && <AttestationForm key={enrollment.id} enrollment={enrollment} onDone={onClose} />}
    </Modal>
  );
}

function AttestationForm({ enrollment, onDone }: { enrollment: Enrollment; onDone: () => void }) {
  const program = useQuery(programQueryOptions(enrollment.program.id));
  const record = useRecordAttestation();
  // The labels the program's tiers ask the vendor to attest.
  const labels = [
    ...new Set(
      (program.data?.tiers ?? []).flatMap((t) =>
        t.requirements.filter((r) => r.metric === 'manual_attestation' && r.label).map((r) => r.label ?? ''),
      ),
    ),
  ];
  const [label, setLabel] = useState<string | null>(null);
  const [mode, setMode] = useState<'record' | 'withdraw'>('record');
  const [missing, setMissing] = useState(false);
  const chosen = label ?? (labels.length === 1 ? (labels[0] ?? null) : null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen?.trim()) return setMissing(true);
    record.mutate(
      { id: enrollment.id, label: chosen.trim(), attested: mode === 'record' },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message:
              mode === 'record'
                ? `Attestation “${chosen.trim()}” recorded for ${enrollment.organization.name}. It counts at the next evaluation.`
                : `Attestation “${chosen.trim()}” withdrawn for ${enrollment.organization.name}.`,
          });
          onDone();
        },
      },
    );
  }

  if (program.isPending) return <LoadingState label="Loading the program's requirements…" />;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          An attestation is the vendor’s word that {enrollment.organization.name} did something the platform
          cannot measure; tier requirements of {enrollment.program.name} read it.
        </Text>
        {labels.length > 0 ? (
          <Select
            label="Attestation"
            required
            data={labels}
            value={chosen}
            onChange={(value) => {
              setLabel(value);
              setMissing(false);
            }}
            error={missing ? 'Choose what you attest' : undefined}
          />
        ) : (
          <TextInput
            label="Attestation"
            description="This program's tiers ask for no attestation; the label must match a requirement to count"
            required
            value={label ?? ''}
            onChange={(e) => {
              setLabel(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? 'Say what you attest' : undefined}
          />
        )}
        <Radio.Group
          label="Action"
          value={mode}
          onChange={(value) => setMode(value as 'record' | 'withdraw')}
        >
          <Group mt="xs">
            <Radio value="record" label="Record" />
            <Radio value="withdraw" label="Withdraw" />
          </Group>
        </Radio.Group>
        {record.isError && (
          <Alert color="red" role="alert">
            {errorMessage(record.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending} color={mode === 'withdraw' ? 'red' : undefined}>
            {mode === 'record' ? 'Record attestation' : 'Withdraw attestation'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

// --- Evaluation result ---

export function EvaluationModal({
  result,
  onClose,
}: {
  result: { enrollment: Enrollment; evaluation: Evaluation } | null;
  onClose: () => void;
}) {
  return (
    <Modal
      closeButtonProps={closeButtonProps}
      opened={result !== null}
      onClose={onClose}
      title={result ? `Evaluation of ${result.enrollment.program.name}` : ''}
      size="lg"
    >
      {result && (
        <Stack>
          <Alert color={result.evaluation.change?.kind === 'promotion' ? 'green' : 'blue'} role="status">
            {evaluationSummary(result.evaluation)}
          </Alert>
          <EvaluationDetails evaluation={result.evaluation} />
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              Close
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

// --- Enrolling ---

export function EnrollModal({
  partner,
  enrollments,
  opened,
  onClose,
}: {
  partner: Partner;
  enrollments: Enrollment[];
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      closeButtonProps={closeButtonProps}
      opened={opened}
      onClose={onClose}
      title={`Enroll ${partner.name} in a program`}
      centered
    >
      {opened && <EnrollForm partner={partner} enrollments={enrollments} onDone={onClose} />}
    </Modal>
  );
}

function EnrollForm({
  partner,
  enrollments,
  onDone,
}: {
  partner: Partner;
  enrollments: Enrollment[];
  onDone: () => void;
}) {
  const programs = useQuery(programsQueryOptions({ status: 'published' }));
  const create = useCreateEnrollment();
  const [programId, setProgramId] = useState<string | null>(null);
  const [track, setTrack] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const partnerTypes = partner.types.map((t) => t.code);
  const live = new Set(enrollments.filter((e) => e.status !== 'terminated').map((e) => e.program.id));

  const options = (programs.data ?? []).map((p) => {
    const enrolled = live.has(p.id);
    const eligible = p.eligibleTypes.some((t) => partnerTypes.includes(t));
    return {
      value: p.id,
      label: enrolled
        ? `${p.name} (already enrolled)`
        : eligible
          ? p.name
          : `${p.name} (not for this partner's types)`,
      disabled: enrolled || !eligible,
    };
  });
  const program = programs.data?.find((p) => p.id === programId);
  const server = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!programId) return setMissing(true);
    create.mutate(
      { organizationId: partner.id, programId, ...(track ? { track } : {}) },
      {
        onSuccess: (enrollment) => {
          notifications.show({
            color: 'green',
            message: `${partner.name} was enrolled in ${enrollment.program.name} at ${enrollment.tier?.name ?? 'the entry tier'}.`,
          });
          onDone();
        },
      },
    );
  }

  if (programs.isPending) return <LoadingState label="Loading programs…" />;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label="Program"
          description="Published programs; the partner starts at the entry tier"
          required
          data={options}
          value={programId}
          onChange={(value) => {
            setProgramId(value);
            setTrack(null);
            setMissing(false);
          }}
          error={(missing ? 'Choose a program' : undefined) ?? server.programId}
          nothingFoundMessage="No published program"
        />
        {program && program.tracks.length > 0 && (
          <Select
            label="Track"
            data={program.tracks}
            value={track}
            onChange={setTrack}
            clearable
            error={server.track}
          />
        )}
        {program && program.requiredAgreementTypes.length > 0 && (
          <Text size="sm" c="dimmed">
            The enrollment waits for the partner to accept the program’s agreements before it becomes active.
          </Text>
        )}
        {create.isError && !server.programId && !server.track && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Enroll
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
