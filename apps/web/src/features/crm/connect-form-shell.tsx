import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { type ConnectInput, useConnectCrm } from '../../api/crm';
import { showServerErrors } from '../../components/forms';

// What every connect form shares: sending it, the CRM's refusal placed on the fields it names (or shown
// above them), where the person goes next, and the fields two forms of one CRM have in common.

export function useConnectSubmit<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  toBody: (values: Values) => ConnectInput,
) {
  const connect = useConnectCrm();
  const navigate = useNavigate();
  const [alert, setAlert] = useState<string | null>(null);
  const onSubmit = form.onSubmit((values) => {
    setAlert(null);
    connect.mutate(toBody(values), {
      // OAuth: the grant is given on the CRM's own page, which sends the person back to the callback screen.
      onSuccess: (result) =>
        result.authorizeUrl
          ? window.location.assign(result.authorizeUrl)
          : navigate({ to: '/settings/crm/$connectionId', params: { connectionId: result.connection.id } }),
      onError: (error) => setAlert(showServerErrors(form, error)),
    });
  });
  return { onSubmit, alert, pending: connect.isPending };
}

export function ConnectFormShell({
  submit,
  label,
  children,
}: {
  submit: ReturnType<typeof useConnectSubmit>;
  label: string;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={submit.onSubmit}>
      <Stack>
        {submit.alert && (
          <Alert color="red" role="alert">
            {submit.alert}
          </Alert>
        )}
        {children}
        <Group justify="flex-end">
          <Button type="submit" loading={submit.pending}>
            {label}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Input = ReturnType<UseFormReturnType<Record<string, unknown>>['getInputProps']>;

/** A form's name and the address of the CRM, with the hint of what to type there. */
export function NameAndAddress({
  name,
  address,
  addressLabel,
  hint,
}: {
  name: { key: string; props: Input };
  address: { key: string; props: Input };
  addressLabel: string;
  hint: string;
}) {
  return (
    <>
      <TextInput label="Name" required key={name.key} {...name.props} />
      <TextInput label={addressLabel} required key={address.key} {...address.props} />
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </>
  );
}
