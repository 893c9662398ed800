import { Alert, Button, Divider } from '@mantine/core';
import { IconAlertCircle, IconFingerprint } from '@tabler/icons-react';
import { errorMessage } from '../../api/client';
import { type SignedIn, usePasskeySignIn } from '../../api/mfa-sign-in';

/**
 * What @simplewebauthn/browser's browserSupportsWebAuthn() checks, without loading that library with the
 * sign-in page: it is fetched when the button is pressed.
 */
const browserSupportsWebAuthn = () =>
  typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';

/**
 * Signing in with a passkey: no email and no password; the browser offers the passkeys it holds for
 * this site. Worded "Continue…" so the page keeps exactly one button named "Sign in".
 */
export function PasskeySignInButton({ onSignedIn }: { onSignedIn: (session: SignedIn) => void }) {
  const signIn = usePasskeySignIn();
  if (!browserSupportsWebAuthn()) return null;
  const cancelled = signIn.error instanceof DOMException && signIn.error.name === 'NotAllowedError';
  return (
    <>
      <Divider label="or" labelPosition="center" />
      {signIn.isError && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Could not sign in with a passkey">
          {cancelled
            ? 'The passkey request was cancelled or timed out. Try again.'
            : errorMessage(signIn.error)}
        </Alert>
      )}
      <Button
        variant="default"
        fullWidth
        leftSection={<IconFingerprint size={18} />}
        loading={signIn.isPending}
        onClick={() => signIn.mutate(undefined, { onSuccess: onSignedIn })}
      >
        Continue with a passkey
      </Button>
    </>
  );
}
