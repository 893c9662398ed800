import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconMailCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { useRequestPasswordReset } from '../../api/identity';
import { AnchorLink } from '../../components/links';
import { PublicFrame } from './public-frame';
import { useBrandTitle } from '../brand/brand-mark';

function requestErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 429) {
    const minutes = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 60) : null;
    return minutes
      ? `Too many reset requests. Try again later (in about ${minutes} minute${minutes === 1 ? '' : 's'}).`
      : 'Too many reset requests. Try again later.';
  }
  return errorMessage(error);
}

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  useBrandTitle('Forgot your password?');
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const emailError =
    (missing ? 'Enter your email' : undefined) ??
    (request.error instanceof ApiError ? request.error.fieldErrors().email : undefined);
  const formError = request.isError && !emailError ? requestErrorMessage(request.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = email.trim();
    setMissing(!trimmed);
    if (trimmed) request.mutate({ email: trimmed });
  }

  return (
    <PublicFrame title="Forgot your password?">
      {request.isSuccess ? (
        <Stack>
          <Alert color="green" icon={<IconMailCheck />} title="Check your email" role="status">
            {request.data.message}
          </Alert>
          <Text size="sm">
            <AnchorLink to="/login">Back to sign in</AnchorLink>
          </Text>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Ask for a reset link">
          <Stack>
            <Text size="sm" c="dimmed">
              Enter the email address of your account and we will send you a link to choose a new password.
            </Text>
            {formError && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Could not send the link">
                {formError}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              error={emailError}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              Send reset link
            </Button>
            <Text size="sm">
              <AnchorLink to="/login">Back to sign in</AnchorLink>
            </Text>
          </Stack>
        </form>
      )}
    </PublicFrame>
  );
}
