import type { Db } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { notFound, staleVersion } from '../../lib/errors';
import type { Mailer } from '../../lib/mail';
import { findUserById, findUsers } from '../identity/identity.repository';
import type { Site } from '../mail/templates';
import { findOrganizationById } from '../organizations/organizations.repository';
import { tellOwner } from './factors';
import {
  deletePasskeysOfUser,
  deleteRecoveryCodesOfUser,
  deleteTotpOfUser,
  findFactorCounts,
  findPolicy,
  storePolicy,
} from './mfa.repository';
import { seesOrganizationSecurity } from './mfa.visibility';

/** The organization an administrator asks about, when they may see its security; otherwise 404. */
async function organizationFor(db: Db, ctx: Ctx, organizationId: string) {
  if (!seesOrganizationSecurity(ctx.actor, organizationId)) throw notFound('organization');
  const org = await findOrganizationById(db, organizationId);
  if (!org) throw notFound('organization');
  return org;
}

/** Everyone of the organization, page by page (the users list's own visibility applies). */
async function peopleOf(db: Db, ctx: Ctx, organizationId: string) {
  const people = [];
  let cursor: string | undefined;
  do {
    const page = await findUsers(db, ctx.actor, { organizationId }, { limit: 200, cursor, sort: 'name' });
    people.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return people;
}

export async function getOrganizationSecurity(db: Db, ctx: Ctx, organizationId: string) {
  const org = await organizationFor(db, ctx, organizationId);
  const policy = await findPolicy(db, org.id);
  const people = await peopleOf(db, ctx, org.id);
  const counts = await findFactorCounts(
    db,
    people.map((p) => p.id),
  );
  return {
    organizationId: org.id,
    organizationName: org.name,
    mfaRequired: policy.required,
    mfaAfterSso: policy.requiredAfterSso,
    version: policy.version,
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      role: p.role,
      status: p.status,
      ...counts.get(p.id)!,
    })),
  };
}

/** Turning "MFA required" on lets everyone in: those without a factor enroll one at their next sign-in. */
export async function setMfaPolicy(
  db: Db,
  ctx: Ctx,
  organizationId: string,
  input: { required: boolean; afterSso?: boolean | undefined; version: number },
) {
  const org = await organizationFor(db, ctx, organizationId);
  const current = await findPolicy(db, org.id);
  assertVersion(current, input.version);
  const values = { required: input.required, requiredAfterSso: input.afterSso ?? current.requiredAfterSso };
  await runChange(db, ctx, async (tx, record) => {
    const stored = await storePolicy(tx, org.id, values, input.version);
    if (!stored) throw staleVersion((await findPolicy(tx, org.id)).version);
    record.audit({
      action: 'mfa.policy_changed',
      entityType: 'organization',
      entityId: org.id,
      before: { mfaRequired: current.required, mfaAfterSso: current.requiredAfterSso },
      after: { mfaRequired: values.required, mfaAfterSso: values.requiredAfterSso },
    });
  });
  return getOrganizationSecurity(db, ctx, organizationId);
}

/**
 * For a person who lost their phone and security keys: every factor and
 * recovery code goes; they sign in with their password again (and enroll
 * anew where the organization requires MFA). Told to them by e-mail.
 */
export async function resetFactors(d: { db: Db; mailer: Mailer; site: Site }, ctx: Ctx, userId: string) {
  const user = await findUserById(d.db, ctx.actor, userId);
  if (!user) throw notFound('user');
  const removed = await runChange(d.db, ctx, async (tx, record) => {
    const apps = await deleteTotpOfUser(tx, user.id);
    const keys = await deletePasskeysOfUser(tx, user.id);
    await deleteRecoveryCodesOfUser(tx, user.id);
    record.audit({
      action: 'mfa.factors_reset',
      entityType: 'user',
      entityId: user.id,
      after: { authenticatorApps: apps.length, passkeys: keys.length },
    });
    return apps.length + keys.length;
  });
  await tellOwner(
    d,
    user,
    `${ctx.actor.name}, an administrator, reset the sign-in factors of your account (${removed} removed): set up a new one from your account's security page`,
  );
  const counts = await findFactorCounts(d.db, [user.id]);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    ...counts.get(user.id)!,
  };
}
