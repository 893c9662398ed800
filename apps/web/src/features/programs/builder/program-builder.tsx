// The program builder form: details, tiers, enrollment rules, and saving or publishing them.
import {
  Alert,
  Button,
  Group,
  List,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage, isStaleVersion } from '../../../api/client';
import { partnerTypesQueryOptions } from '../../../api/partner-types';
import {
  agreementsQueryOptions,
  type Program,
  useCreateProgram,
  useProgramStatusAction,
  useSaveProgram,
} from '../../../api/programs';
import { formatDateTime } from '../../../components/dates';
import { useCan } from '../../auth/session';
import { ProgramStatusBadge } from '../badges';
import { type AgreementType, agreementTypeLabels } from '../labels';
import { ChecklistEditor } from './checklist-editor';
import { FieldErrors } from './field-errors';
import {
  changedSettings,
  checkDraft,
  claimedPaths,
  describePath,
  draftFromProgram,
  emptyDraft,
  type ProgramDraft,
  settingsBody,
  tiersBody,
  tiersChanged,
} from './program-draft';
import { TierEditor } from './tier-editor';
import { ProgramBreadcrumbs, Section, StaleAlert, StatusModal } from './program-builder-parts';

export function ProgramBuilder({ program, currency }: { program: Program | null; currency: string }) {
  const navigate = useNavigate();
  const canManage = useCan('programs:manage');
  const types = useQuery(partnerTypesQueryOptions);
  const agreements = useQuery({ ...agreementsQueryOptions, enabled: canManage || program !== null });
  const create = useCreateProgram();
  const save = useSaveProgram(program?.id ?? '');
  const statusAction = useProgramStatusAction(program?.id ?? '');

  // `base` is the saved program the draft started from: the version sent, and what "changed" means.
  const [base, setBase] = useState<Program | null>(program);
  const [draft, setDraft] = useState<ProgramDraft>(() =>
    program ? draftFromProgram(program, currency) : emptyDraft(),
  );
  const [errors, setErrors] = useState(() => new FieldErrors());
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [confirm, setConfirm] = useState<'publish' | 'retire' | null>(null);

  const readOnly = !canManage || base?.status === 'retired';
  const baseDraft = base ? draftFromProgram(base, currency) : null;
  const settingsChange = baseDraft ? changedSettings(baseDraft, draft) : undefined;
  const tiersChange = baseDraft ? tiersChanged(baseDraft, draft, currency) : true;
  const dirty = base === null || settingsChange !== undefined || tiersChange;
  const pending = create.isPending || save.isPending;

  const update = (patch: Partial<ProgramDraft>, structural = false) => {
    setDraft((d) => ({ ...d, ...patch }));
    // Errors are placed by position: once rows move they would point at the wrong inputs.
    if (structural) setErrors(new FieldErrors());
  };
  const fieldEdited = (path: string) => setErrors((e) => (e.at(path) ? e.without(path) : e));

  function showServerError(error: unknown) {
    if (isStaleVersion(error)) {
      setStale(true);
      setFormError(null);
      return;
    }
    if (error instanceof ApiError && error.errors.length) {
      setErrors(new FieldErrors(error.errors));
      setFormError('Some fields need a change: see the messages at the marked fields.');
      return;
    }
    setFormError(errorMessage(error));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (readOnly) return;
    const local = checkDraft(draft, currency);
    setErrors(new FieldErrors(local));
    setStale(false);
    if (local.length) {
      setFormError('Some fields need a change: see the messages at the marked fields.');
      return;
    }
    setFormError(null);
    if (!base) {
      create.mutate(
        { ...settingsBody(draft), tiers: tiersBody(draft, currency) },
        {
          onSuccess: (created) => {
            notifications.show({ color: 'green', message: `${created.name} was saved as a draft.` });
            void navigate({ to: '/programs/$id', params: { id: created.id }, replace: true });
          },
          onError: showServerError,
        },
      );
      return;
    }
    if (!dirty) return;
    save.mutate(
      {
        version: base.version,
        settings: settingsChange,
        tiers: tiersChange ? tiersBody(draft, currency) : undefined,
        // Settings may be saved while the tiers are refused: the next try must carry the new version.
        onStep: setBase,
      },
      {
        onSuccess: (saved) => {
          if (saved) {
            setBase(saved);
            setDraft(draftFromProgram(saved, currency));
          }
          notifications.show({ color: 'green', message: 'The program was saved.' });
        },
        onError: showServerError,
      },
    );
  }

  const claims = claimedPaths(draft);
  const unclaimed = errors.unclaimed(claims);
  const typeOptions = (types.data ?? [])
    .filter((t) => !t.retired || draft.eligibleTypes.includes(t.code))
    .map((t) => ({ value: t.code, label: t.retired ? `${t.name} (retired)` : t.name }));
  const agreementOptions = (Object.keys(agreementTypeLabels) as AgreementType[]).map((type) => {
    const agreement = agreements.data?.find((a) => a.type === type);
    return {
      value: type,
      label: agreement
        ? `${agreementTypeLabels[type]}: ${agreement.name} (version ${agreement.currentVersion.versionNumber})`
        : `${agreementTypeLabels[type]} (no agreement yet)`,
    };
  });

  return (
    <>
      <form onSubmit={submit} noValidate aria-labelledby="program-title">
        <Stack gap="lg">
          <ProgramBreadcrumbs name={base?.name ?? 'New program'} />
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="sm">
                <Title order={1} id="program-title">
                  {base?.name ?? 'New program'}
                </Title>
                {base && <ProgramStatusBadge status={base.status} />}
              </Group>
              {base && (
                <Text size="sm" c="dimmed">
                  Tiers version {base.tiersVersion} · {base.enrollmentCount} enrollment
                  {base.enrollmentCount === 1 ? '' : 's'} · last changed {formatDateTime(base.updatedAt)}
                </Text>
              )}
            </div>
            {!readOnly && (
              <Group gap="xs" role="group" aria-label="Program actions">
                {base?.status === 'draft' && (
                  <Button
                    variant="light"
                    color="green"
                    onClick={() => setConfirm('publish')}
                    disabled={dirty || pending}
                    title={dirty ? 'Save your changes first' : undefined}
                  >
                    Publish
                  </Button>
                )}
                {base && (
                  <Button variant="light" color="red" onClick={() => setConfirm('retire')} disabled={pending}>
                    Retire
                  </Button>
                )}
                <Button type="submit" loading={pending} disabled={!dirty}>
                  {base ? 'Save changes' : 'Save draft'}
                </Button>
              </Group>
            )}
          </Group>

          {!canManage && (
            <Alert color="gray" icon={<IconAlertCircle />}>
              Only a vendor admin can change programs; you see it as it is.
            </Alert>
          )}
          {base?.status === 'retired' && canManage && (
            <Alert color="gray" icon={<IconAlertCircle />}>
              This program is retired: it takes no new enrollments and can no longer change.
            </Alert>
          )}
          {base?.status === 'published' && canManage && (
            <Alert color="blue" icon={<IconAlertCircle />}>
              This program is published. Saving changed tiers creates tiers version {base.tiersVersion + 1};
              enrollments move onto it at their next evaluation.
            </Alert>
          )}
          {base?.status === 'draft' && dirty && canManage && (
            <Text size="sm" c="dimmed">
              Save your changes before publishing.
            </Text>
          )}
          {stale && program && (
            <StaleAlert
              latest={program}
              onLoadLatest={() => {
                setBase(program);
                setDraft(draftFromProgram(program, currency));
                setErrors(new FieldErrors());
                setStale(false);
              }}
              onKeepMine={() => {
                setBase(program);
                setStale(false);
              }}
            />
          )}
          {formError && (
            <Alert color="red" role="alert" icon={<IconAlertTriangle />} title="The program was not saved">
              {formError}
              {unclaimed.length > 0 && (
                <List size="sm" mt="xs">
                  {unclaimed.map((e) => (
                    <List.Item key={e.path}>
                      {describePath(e.path)}: {e.message}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}

          {/* A native disabled fieldset makes every input and button inside read-only in one place. */}
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="lg">
              <Section title="Settings">
                <Stack>
                  <TextInput
                    label="Program name"
                    required
                    value={draft.name}
                    onChange={(e) => {
                      fieldEdited('name');
                      update({ name: e.currentTarget.value });
                    }}
                    error={errors.at('name')}
                  />
                  <Textarea
                    label="Description"
                    description="Shown to applicants on the public application page"
                    autosize
                    minRows={2}
                    maxRows={6}
                    value={draft.description}
                    onChange={(e) => {
                      fieldEdited('description');
                      update({ description: e.currentTarget.value });
                    }}
                    error={errors.at('description')}
                  />
                  <MultiSelect
                    label="Eligible partner types"
                    placeholder={draft.eligibleTypes.length ? undefined : 'Choose one or more'}
                    description="Organizations of these types may apply and be enrolled"
                    required
                    data={typeOptions}
                    value={draft.eligibleTypes}
                    onChange={(eligibleTypes) => {
                      fieldEdited('eligibleTypes');
                      update({ eligibleTypes });
                    }}
                    searchable
                    error={
                      errors.within('eligibleTypes') ??
                      (types.isError ? 'The partner types could not be loaded' : undefined)
                    }
                  />
                  <TagsInput
                    label="Tracks"
                    description="Optional ways to take part, e.g. Sell, Service. Press Enter after each."
                    value={draft.tracks}
                    onChange={(tracks) => {
                      fieldEdited('tracks');
                      update({ tracks });
                    }}
                    error={errors.within('tracks')}
                  />
                  <MultiSelect
                    label="Required agreements"
                    placeholder={draft.requiredAgreementTypes.length ? undefined : 'None'}
                    description="A partner's enrollment waits until its organization accepts the current version of each"
                    data={agreementOptions}
                    value={draft.requiredAgreementTypes}
                    onChange={(value) => {
                      fieldEdited('requiredAgreementTypes');
                      update({ requiredAgreementTypes: value as AgreementType[] });
                    }}
                    error={errors.within('requiredAgreementTypes')}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <NumberInput
                      label="Demotion grace period (days)"
                      description="How long a partner may miss its tier's requirements before it moves down"
                      min={0}
                      max={730}
                      allowDecimal={false}
                      value={draft.demotionGraceDays}
                      onChange={(demotionGraceDays) => {
                        fieldEdited('demotionGraceDays');
                        update({ demotionGraceDays });
                      }}
                      error={errors.at('demotionGraceDays')}
                    />
                    <NumberInput
                      label="Agreement deadline (days)"
                      description="Time to accept a new agreement version before the enrollment is suspended"
                      min={1}
                      max={365}
                      allowDecimal={false}
                      value={draft.agreementDeadlineDays}
                      onChange={(agreementDeadlineDays) => {
                        fieldEdited('agreementDeadlineDays');
                        update({ agreementDeadlineDays });
                      }}
                      error={errors.at('agreementDeadlineDays')}
                    />
                  </SimpleGrid>
                </Stack>
              </Section>

              <Section
                title="Onboarding checklist"
                description="Tasks a new partner sees with its progress. Agreement, profile and teammate tasks complete themselves."
              >
                <ChecklistEditor
                  items={draft.checklist}
                  onChange={(checklist, structural) => update({ checklist }, structural)}
                  errors={errors}
                  onFieldEdit={fieldEdited}
                  readOnly={readOnly}
                />
              </Section>

              <Section
                title="Tiers"
                description="Ordered from the entry tier up. The tier engine places each partner in the highest tier whose requirements it meets."
              >
                <TierEditor
                  tiers={draft.tiers}
                  onChange={(tiers, structural) => update({ tiers }, structural)}
                  errors={errors}
                  onFieldEdit={fieldEdited}
                  readOnly={readOnly}
                  currency={currency}
                />
              </Section>
            </Stack>
          </fieldset>

          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={pending} disabled={!dirty}>
                {base ? 'Save changes' : 'Save draft'}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {base && (
        <StatusModal
          program={base}
          verb={confirm}
          onClose={() => setConfirm(null)}
          onDone={(saved) => {
            setBase(saved);
            setDraft(draftFromProgram(saved, currency));
          }}
          onStale={() => setStale(true)}
          action={statusAction}
        />
      )}
    </>
  );
}
