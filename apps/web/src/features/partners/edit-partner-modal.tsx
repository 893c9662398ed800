import { Alert, Button, Group, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Partner } from '@partnergraph/shared/contracts/organizations';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, isStaleVersion } from '../../api/client';
import { partnerKeys, useUpdatePartner } from '../../api/partners';
import { useSession } from '../auth/session';
import {
  changedFields,
  checkPartnerForm,
  partnerFormFrom,
  PartnerFormFields,
  type PartnerFormValues,
  unplacedError,
} from './partner-form';

interface Props {
  partner: Partner;
  opened: boolean;
  onClose: () => void;
}

export function EditPartnerModal({ partner, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Edit ${partner.name}`} size="lg">
      {/* Mounted per opening: the form starts from the partner as it is now. */}
      {opened && <EditPartnerForm partner={partner} onDone={onClose} />}
    </Modal>
  );
}

function EditPartnerForm({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const queryClient = useQueryClient();
  const update = useUpdatePartner(partner.id);
  const governedByVendor = useSession().organization.kind === 'partner';
  const [initial] = useState<PartnerFormValues>(() => partnerFormFrom(partner));
  const [values, setValues] = useState(initial);
  // The version this edit is based on. It moves only when the person has seen the newer record.
  const [baseVersion, setBaseVersion] = useState(partner.version);
  const [staleNotice, setStaleNotice] = useState(false);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const serverErrors = update.error instanceof ApiError ? update.error.fieldErrors() : {};
  const formError = isStaleVersion(update.error) ? null : unplacedError(update.error);

  function rebaseAfterConflict() {
    // useUpdatePartner has reloaded the partner before this runs; the page behind shows that version.
    const fresh = queryClient.getQueryData<Partner>(partnerKeys.detail(partner.id));
    if (fresh) setBaseVersion(fresh.version);
    setStaleNotice(true);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkPartnerForm(values);
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const changes = changedFields(initial, values);
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    setStaleNotice(false);
    update.mutate(
      { ...changes, version: baseVersion },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: `${saved.name} was saved.` });
          onDone();
        },
        onError: (error) => {
          if (isStaleVersion(error)) rebaseAfterConflict();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      {staleNotice && (
        <Alert color="yellow" title="This partner was changed by someone else" role="alert" mb="md">
          The page now shows the latest version behind this form. Your edits are still here: check them
          against it and save again.
        </Alert>
      )}
      <PartnerFormFields
        values={values}
        onChange={setValues}
        errors={{ ...serverErrors, ...localErrors }}
        formError={formError}
        governedByVendor={governedByVendor}
      />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={update.isPending}>
          Save changes
        </Button>
      </Group>
    </form>
  );
}
