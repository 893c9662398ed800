import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { useConfirmPasswordReset } from '../../api/identity';
import { AnchorLink } from '../../components/links';
import { checkNewPassword, NewPasswordFields, type NewPasswordValues } from './password-fields';
import { PublicFrame } from './public-frame';
import { useBrandTitle } from '../brand/brand-mark';

/** The page an emailed reset link opens: choose a new password, then sign in with it. */
export function ResetPasswordPage({ token }: { token: string }) {
  useBrandTitle('Choose a new password');
  const navigate = useNavigate();
  const confirm = useConfirmPasswordReset();
  const [values, setValues] = useState<NewPasswordValues>({ password: '', confirmation: '' });
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const serverErrors = confirm.error instanceof ApiError ? confirm.error.fieldErrors() : {};
  // The token is not a field the person sees: a refused link is said at the top, with the way out.
  const linkError = serverErrors.token;
  const passwordError = localErrors.password ?? serverErrors.newPassword;
  const formError =
    confirm.isError && !linkError && !serverErrors.newPassword ? errorMessage(confirm.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkNewPassword(values);
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    confirm.mutate(
      { token, newPassword: values.password },
      {
        onSuccess: () => void navigate({ to: '/login', search: { notice: 'password-reset' }, replace: true }),
      },
    );
  }

  return (
    <PublicFrame title="Choose a new password">
      <form onSubmit={submit} noValidate aria-label="Choose a new password">
        <Stack>
          <Text size="sm" c="dimmed">
            Choosing a new password signs out every session of your account.
          </Text>
          {linkError && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert" title="This link cannot be used">
              <Stack gap={4}>
                <span>{linkError}</span>
                <AnchorLink to="/forgot-password">Ask for a new link</AnchorLink>
              </Stack>
            </Alert>
          )}
          {formError && (
            <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Could not change the password">
              {formError}
            </Alert>
          )}
          <NewPasswordFields
            values={values}
            onChange={setValues}
            errors={{ password: passwordError, confirmation: localErrors.confirmation }}
          />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            Set new password
          </Button>
          <Text size="sm">
            <AnchorLink to="/login">Back to sign in</AnchorLink>
          </Text>
        </Stack>
      </form>
    </PublicFrame>
  );
}
