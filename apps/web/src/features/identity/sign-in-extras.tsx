import { Alert, Group } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useSearch } from '@tanstack/react-router';
import { AnchorLink } from '../../components/links';

/** What the sign-in page may be told by the page that sent a person there (`/login?notice=…`). */
export type SignInNotice = 'password-reset';

export function parseSignInNotice(value: unknown): SignInNotice | undefined {
  return value === 'password-reset' ? value : undefined;
}

const notices: Record<SignInNotice, { title: string; text: string }> = {
  'password-reset': {
    title: 'Password changed',
    text: 'Your new password is set and every session of your account was signed out. Sign in with the new password.',
  },
};

export function SignInNoticeAlert() {
  const { notice } = useSearch({ from: '/login' });
  if (!notice) return null;
  const { title, text } = notices[notice];
  return (
    <Alert color="green" icon={<IconCircleCheck />} title={title} role="status">
      {text}
    </Alert>
  );
}

export function ForgotPasswordLink() {
  return (
    <Group justify="flex-end" mt={-8}>
      <AnchorLink to="/forgot-password" size="sm">
        Forgot your password?
      </AnchorLink>
    </Group>
  );
}
