import { PasswordInput } from '@mantine/core';

// The same rule as the contract's passwordSchema, checked here first to spare a round trip.
export const MIN_PASSWORD_LENGTH = 10;

export interface NewPasswordValues {
  password: string;
  confirmation: string;
}

/** Errors for a new password and its repetition, keyed by field, before anything is sent. */
export function checkNewPassword({ password, confirmation }: NewPasswordValues): Record<string, string> {
  const found: Record<string, string> = {};
  if (password.length < MIN_PASSWORD_LENGTH)
    found.password = `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  else if (confirmation !== password) found.confirmation = 'The two passwords differ';
  return found;
}

interface Props {
  values: NewPasswordValues;
  onChange: (values: NewPasswordValues) => void;
  errors: { password?: string | undefined; confirmation?: string | undefined };
  label?: string;
}

/** A new password typed twice; `autoComplete="new-password"` lets password managers offer one. */
export function NewPasswordFields({ values, onChange, errors, label = 'New password' }: Props) {
  return (
    <>
      <PasswordInput
        label={label}
        description={`At least ${MIN_PASSWORD_LENGTH} characters`}
        autoComplete="new-password"
        required
        value={values.password}
        onChange={(e) => onChange({ ...values, password: e.currentTarget.value })}
        error={errors.password}
      />
      <PasswordInput
        label="Repeat the password"
        autoComplete="new-password"
        required
        value={values.confirmation}
        onChange={(e) => onChange({ ...values, confirmation: e.currentTarget.value })}
        error={errors.confirmation}
      />
    </>
  );
}
