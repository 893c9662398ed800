import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage, isStaleVersion } from '../../api/client';
import {
  type Integration,
  integrationCategoriesQueryOptions,
  useCreateIntegration,
  useUpdateIntegration,
} from '../../api/connections';
import { closeButtonProps } from '../programs/modal-props';

interface Values {
  name: string;
  category: string;
  description: string;
  documentationUrl: string;
  editions: string[];
}

type Errors = Partial<Record<keyof Values, string>>;

const valuesOf = (i: Integration | null): Values => ({
  name: i?.name ?? '',
  category: i?.category ?? '',
  description: i?.description ?? '',
  documentationUrl: i?.documentationUrl ?? '',
  editions: i?.editions ?? [],
});

/** Checks made before sending, in the server's words, so obvious slips need no round trip. */
function check(v: Values): Errors {
  const errors: Errors = {};
  if (v.name.trim().length < 2) errors.name = 'Give the integration a name';
  if (v.category.trim().length < 2) errors.category = 'Give a category, e.g. CRM or Security';
  if (v.description.trim().length < 10)
    errors.description = 'Describe the integration (10 characters or more)';
  if (v.documentationUrl.trim() && !/^https?:\/\/\S+$/i.test(v.documentationUrl.trim()))
    errors.documentationUrl = 'An http(s) address';
  return errors;
}

function serverErrors(error: unknown): Errors {
  if (!(error instanceof ApiError)) return {};
  const fields = error.fieldErrors();
  const placed: Errors = {};
  for (const key of ['name', 'category', 'description', 'documentationUrl', 'editions'] as const) {
    if (fields[key]) placed[key] = fields[key];
  }
  return placed;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The listing to edit; null lists a new one. */
  integration: Integration | null;
}

/** List an integration (ISVs and technology partners), or edit one's own listing. */
export function IntegrationFormModal({ opened, onClose, integration }: Props) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={integration ? `Edit ${integration.name}` : 'List an integration'}
      closeButtonProps={closeButtonProps}
      centered
      size="lg"
    >
      {opened && <IntegrationForm integration={integration} onClose={onClose} />}
    </Modal>
  );
}

function IntegrationForm({ integration, onClose }: { integration: Integration | null; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreateIntegration();
  const update = useUpdateIntegration(integration?.id ?? '');
  const categories = useQuery(integrationCategoriesQueryOptions);
  const [values, setValues] = useState<Values>(() => valuesOf(integration));
  const [errors, setErrors] = useState<Errors>({});
  const mutation = integration ? update : create;
  const fromServer = serverErrors(mutation.error);
  const shown: Errors = { ...fromServer, ...errors };
  const unplaced = mutation.error && Object.keys(fromServer).length === 0 ? mutation.error : null;

  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch) as (keyof Values)[]) delete next[key];
      return next;
    });
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = check(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = {
      name: values.name.trim(),
      category: values.category.trim(),
      description: values.description.trim(),
      documentationUrl: values.documentationUrl.trim() || null,
      editions: values.editions,
    };
    if (!integration) {
      create.mutate(body, {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: `${saved.name} is saved as a draft. Submit it for review when it is ready.`,
          });
          onClose();
          void navigate({ to: '/integrations/$integrationId', params: { integrationId: saved.id } });
        },
      });
      return;
    }
    // Only what changed goes out, with the version the form was loaded from.
    const before = valuesOf(integration);
    const changed = Object.fromEntries(
      Object.entries(body).filter(
        ([key, value]) =>
          JSON.stringify(value) !==
          JSON.stringify(
            key === 'documentationUrl' ? before.documentationUrl || null : before[key as keyof Values],
          ),
      ),
    );
    if (Object.keys(changed).length === 0) return onClose();
    update.mutate(
      { version: integration.version, ...changed },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: `${saved.name} is saved.` });
          onClose();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {unplaced && (
          <Alert color={isStaleVersion(unplaced) ? 'orange' : 'red'} role="alert">
            {isStaleVersion(unplaced)
              ? 'Someone else changed this listing meanwhile; it has been reloaded. Close the form, check it, and edit again.'
              : errorMessage(unplaced)}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          maxLength={120}
          value={values.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={shown.name}
          data-autofocus
        />
        <Autocomplete
          label="Category"
          description="Where it sits in the catalog, e.g. CRM, Security, Analytics"
          required
          maxLength={80}
          data={categories.data ?? []}
          value={values.category}
          onChange={(category) => set({ category })}
          error={shown.category}
        />
        <Textarea
          label="Description"
          description="What the integration does and for whom"
          required
          autosize
          minRows={4}
          maxRows={12}
          maxLength={5000}
          value={values.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={shown.description}
        />
        <TextInput
          label="Documentation link"
          placeholder="https://"
          maxLength={500}
          value={values.documentationUrl}
          onChange={(e) => set({ documentationUrl: e.currentTarget.value })}
          error={shown.documentationUrl}
        />
        <TagsInput
          label="Editions"
          description="The editions of the product it works with; press Enter after each"
          maxTags={10}
          value={values.editions}
          onChange={(editions) => set({ editions })}
          clearable
          error={shown.editions}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {integration ? 'Save listing' : 'Save as draft'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
