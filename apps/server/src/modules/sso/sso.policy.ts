// The "SSO required" check identity's password sign-in calls. Kept apart from the sign-in service so
// identity depends on this file and the repository only (sso's sign-in depends on identity).
import type { Queryable } from '../../db/client';
import { AppError } from '../../lib/errors';
import { findPolicy } from './sso.repository';

export const SSO_REQUIRED_MESSAGE =
  'Your organization signs in with SSO: choose "Continue with your company\'s sign-in" and use your company account.';

/**
 * Refuses password sign-in to members of an organization that requires SSO, except its designated
 * break-glass admin (the vendor's way back in when its IdP is down). Called once the password is verified,
 * so the answer tells nothing to someone who does not know it.
 */
export async function assertPasswordSignInAllowed(
  q: Queryable,
  user: { id: string; organizationId: string },
): Promise<void> {
  const policy = await findPolicy(q, user.organizationId);
  if (!policy?.ssoRequired || policy.breakGlassUserId === user.id) return;
  throw new AppError('forbidden', SSO_REQUIRED_MESSAGE, { ssoRequired: true });
}
