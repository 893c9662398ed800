import type { CreatedToken } from '../../api/identity';
import { CopyableCode } from '../../components/copyable-code';
import { SecretReveal } from './secret-tokens';

/** The new API token's secret, shown this once, with a request to try it. */
export function TokenReveal({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const example = `curl -H "Authorization: Bearer ${token.token}" ${window.location.origin}/api/v1/partners`;
  return (
    <SecretReveal
      label="New token"
      title={`Token "${token.name}" created`}
      instruction="Copy the token now: you will not see it again. If you lose it, revoke it and create a new one."
      value={token.token}
      valueLabel="Token"
      copyLabel="Copy the token"
      onDone={onDone}
    >
      <CopyableCode value={example} label="Example request" copyLabel="Copy the example request" />
    </SecretReveal>
  );
}
