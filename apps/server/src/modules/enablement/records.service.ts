import type { z } from 'zod';
import type { badgeVerificationSchema, learningRecordBody } from '@partnergraph/shared/contracts/enablement';
import type { Queryable } from '../../db/client';
import { runChange } from '../../db/transaction';
import { isVendor, type Ctx } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError, notFound, unprocessable } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { findUserByEmail } from '../identity/identity.repository';
import { findVendor } from '../organizations/organizations.repository';
import {
  checkSignature,
  encodeStatusList,
  issuerUrl,
  signStatusList,
  statusListBit,
  statusListUrl,
} from './badges';
import { findCertificationById, findRevokedStatusIndexes } from './certifications.repository';
import { isoDay, statusOf } from './certifications.service';
import { findCourseById } from './learning.repository';
import { completeCourse } from './learning.service';

// What arrives from outside: an external LMS's completions (an xAPI "completed"/"passed" statement
// posted with an API token), and anyone verifying a badge.

const courseIdOf = (objectId: string) => {
  const match = /(?:^|\/courses\/)([0-9a-f-]{36})\/?$/i.exec(objectId);
  return match?.[1] ?? null;
};

/**
 * An LMS reports that a person completed (or passed) a course. The vendor's token may report for
 * anyone; a partner's for its own people only: another organization's person answers 404, as does an
 * unknown one. Sent again, the statement changes nothing (LMSs resend).
 */
export async function recordLearning(deps: Deps, ctx: Ctx, input: z.output<typeof learningRecordBody>) {
  const email = input.actor.mbox
    .replace(/^mailto:/, '')
    .trim()
    .toLowerCase();
  if (input.result?.success === false || input.result?.completion === false)
    throw unprocessable(
      'A failed or unfinished attempt is not a completion: only completions and passes are recorded',
    );
  const completedAt = input.timestamp ? new Date(input.timestamp) : new Date();
  if (completedAt.getTime() > Date.now() + 5 * 60_000)
    throw new AppError('bad_request', 'A completion cannot be in the future', {
      errors: [{ path: 'body.timestamp', message: 'In the future' }],
    });
  return runChange(deps.db, ctx, async (tx, record) => {
    const user = await findUserByEmail(tx, email);
    if (
      !user ||
      user.status !== 'active' ||
      (!isVendor(ctx.actor) && user.organizationId !== ctx.actor.orgId)
    )
      throw new AppError('not_found', 'No such person', {
        errors: [{ path: 'body.actor.mbox', message: `No person with the address ${email}` }],
      });
    const courseId = courseIdOf(input.object.id);
    const course = courseId && isId(courseId) ? await findCourseById(tx, ctx.actor, courseId) : undefined;
    if (!course)
      throw new AppError('not_found', 'No such course', {
        errors: [{ path: 'body.object.id', message: 'No course with this id' }],
      });
    const scaled = input.result?.score?.scaled;
    const score = scaled === undefined ? null : Math.round(scaled * 100);
    const learner = { id: user.id, name: user.name, email: user.email, organizationId: user.organizationId };
    const earned = await completeCourse(
      tx,
      deps,
      record,
      learner,
      { id: course.c.id, title: course.c.title },
      {
        source: 'lms',
        score,
        completedAt,
      },
    );
    // A resent statement is acknowledged with an audit line of its own, so the LMS's traffic is traceable.
    record.audit({
      action: 'learning_record.received',
      entityType: 'course',
      entityId: course.c.id,
      after: { userId: user.id, verb: input.verb.id, score, timestamp: completedAt.toISOString() },
    });
    return {
      id: `${course.c.id}:${user.id}`,
      person: { id: user.id, name: user.name },
      course: { id: course.c.id, name: course.c.title },
      completedAt: completedAt.toISOString(),
      certificationsEarned: earned,
    };
  });
}

/** The revocation list as published: the bitstring of every revoked certification, encoded. */
export async function currentStatusList(q: Queryable) {
  return encodeStatusList(await findRevokedStatusIndexes(q));
}

/** The public status list credential (a signed VC-JWT), or 404 before the first badge (no key, nothing to list). */
export async function statusListCredential(deps: Pick<Deps, 'db' | 'config' | 'secrets'>) {
  const jwt = await signStatusList(
    deps.db,
    deps.secrets,
    deps.config.PUBLIC_URL,
    await currentStatusList(deps.db),
  );
  if (!jwt) throw notFound('status list');
  return jwt;
}

/**
 * What the badge's credentialStatus says, read from the published list as an outside verifier would:
 * 'revoked' when its bit is set, 'active' when clear, null when the badge names no list of ours
 * (badges issued before the list existed fall back to the certification's own record).
 */
async function listedStatus(q: Queryable, publicUrl: string, payload: Record<string, unknown> | null) {
  const entry = payload?.credentialStatus as
    | { type?: unknown; statusPurpose?: unknown; statusListIndex?: unknown; statusListCredential?: unknown }
    | undefined;
  if (
    !entry ||
    entry.type !== 'BitstringStatusListEntry' ||
    entry.statusPurpose !== 'revocation' ||
    entry.statusListCredential !== statusListUrl(publicUrl) ||
    typeof entry.statusListIndex !== 'string' ||
    !/^\d+$/.test(entry.statusListIndex)
  )
    return null;
  return statusListBit(await currentStatusList(q), Number(entry.statusListIndex)) ? 'revoked' : 'active';
}

type Verification = z.infer<typeof badgeVerificationSchema>;

async function verdict(
  q: Queryable,
  publicUrl: string,
  jwt: string | null,
  certificationId: string | null,
): Promise<Verification> {
  const vendor = await findVendor(q);
  const issuer = vendor?.name ?? 'PartnerGraph';
  const blank = {
    credential: null,
    jwt,
    recipientName: null,
    achievement: null,
    issuer,
    issuedOn: null,
    expiresOn: null,
  };
  if (!jwt) return { ...blank, status: 'invalid', reason: 'No such badge' };
  const check = await checkSignature(q, jwt, publicUrl);
  const payload = check.payload;
  const subject = (payload?.credentialSubject ?? {}) as { name?: string; achievement?: { name?: string } };
  const shown = {
    credential: payload,
    jwt,
    recipientName: subject.name ?? null,
    achievement: subject.achievement?.name ?? null,
    issuer,
    issuedOn: typeof payload?.validFrom === 'string' ? payload.validFrom.slice(0, 10) : null,
    expiresOn: typeof payload?.validUntil === 'string' ? payload.validUntil.slice(0, 10) : null,
  };
  if (!check.ok) return { ...shown, status: 'invalid', reason: check.reason };
  const id = certificationId ?? String(payload?.id ?? '').replace(/^urn:uuid:/, '');
  const row = await findCertificationById(q, null, id);
  if (!row || String(payload?.id) !== `urn:uuid:${row.c.id}`)
    return { ...shown, status: 'invalid', reason: 'This credential does not match a badge issued here' };
  const listed = await listedStatus(q, publicUrl, payload);
  const status = listed === 'revoked' ? 'revoked' : statusOf(row.c, isoDay(new Date()));
  if (status === 'revoked')
    return {
      ...shown,
      status,
      reason: `Revoked by the issuer${row.c.revokedReason ? `: ${row.c.revokedReason}` : ''}`,
    };
  if (status === 'expired') return { ...shown, status, reason: `Expired on ${row.c.expiresOn}` };
  return { ...shown, status: 'valid', reason: `Signed by ${issuer} (${issuerUrl(publicUrl)}) and in force` };
}

/** The public verification of a stored badge: its signature is checked again, so an altered one shows as such. */
export async function verifyBadgeById(deps: Pick<Deps, 'db' | 'config'>, id: string) {
  const row = isId(id) ? await findCertificationById(deps.db, null, id) : undefined;
  if (!row) throw notFound('badge');
  return verdict(deps.db, deps.config.PUBLIC_URL, row.c.credentialJwt, row.c.id);
}

/** Verifies a credential as a holder presents it (the JWT itself). */
export function verifyPresentedBadge(deps: Pick<Deps, 'db' | 'config'>, jwt: string) {
  return verdict(deps.db, deps.config.PUBLIC_URL, jwt, null);
}
