import { Button, Group, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { useCreatePartner } from '../../api/partners';
import {
  checkPartnerForm,
  emptyPartnerForm,
  partnerBodyFrom,
  PartnerFormFields,
  type PartnerFormValues,
  unplacedError,
} from './partner-form';

interface Props {
  opened: boolean;
  onClose: () => void;
}

export function NewPartnerModal({ opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="New partner" size="lg">
      {opened && <NewPartnerForm onDone={onClose} />}
    </Modal>
  );
}

function NewPartnerForm({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const create = useCreatePartner();
  const [values, setValues] = useState<PartnerFormValues>(emptyPartnerForm);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const serverErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkPartnerForm(values);
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    const { website, country, ...body } = partnerBodyFrom(values);
    // On create an absent field means "none"; null is only for clearing a value on update.
    create.mutate(
      { ...body, website: website ?? undefined, country: country ?? undefined },
      {
        onSuccess: (partner) => {
          notifications.show({ color: 'green', message: `${partner.name} was created.` });
          onDone();
          void navigate({ to: '/partners/$id', params: { id: partner.id } });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <PartnerFormFields
        values={values}
        onChange={setValues}
        errors={{ ...serverErrors, ...localErrors }}
        formError={unplacedError(create.error)}
      />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending}>
          Create partner
        </Button>
      </Group>
    </form>
  );
}
