import { eq } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { mfaPasskeys } from './mfa.tables';

/** A person's factors are theirs alone: nobody else lists, renames or removes them one by one. */
export const ownPasskeys = (actor: Actor) => eq(mfaPasskeys.userId, actor.userId);

/**
 * Whose MFA policy and people an administrator sees: the vendor's admin any
 * organization's (the vendor runs the platform and may have to reset a partner
 * admin locked out of their own), a partner admin its own organization's only.
 */
export const seesOrganizationSecurity = (actor: Actor, organizationId: string) =>
  actor.orgKind === 'vendor' || actor.orgId === organizationId;
