import { Alert, Group } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { AnchorLink } from '../../components/links';

/** What the sign-in page may be told by the page that sent a person there (`/login?notice=…`). */
export type SignInNotice = 'password-reset';

export interface SignInNoticeText {
  title: string;
  text: string;
}

export function parseSignInNotice(value: unknown): SignInNotice | undefined {
  return value === 'password-reset' ? value : undefined;
}

/** The notice's words come from the sign-in route's loader (auth/sign-in-messages.ts). */
export function SignInNoticeAlert({ notice }: { notice: SignInNoticeText | undefined }) {
  if (!notice) return null;
  const { title, text } = notice;
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
