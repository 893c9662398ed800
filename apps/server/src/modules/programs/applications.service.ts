import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { approveApplicationBody, createApplicationBody } from '@partnergraph/shared/contracts/programs';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { Mailer } from '../../lib/mail';
import type { PageRequest } from '../../lib/pagination';
import { keyset, where } from '../../lib/pagination';
import { subjectsOf, takeAttempt, type Limit } from '../../lib/rate-limit';
import { hasUserWithEmail } from '../identity/identity.repository';
import { findPendingInvitationByEmail } from '../identity/invitations.repository';
import { insertInvitation } from '../identity/invitations.service';
import {
  applicationApprovedEmail,
  applicationReceivedEmail,
  applicationRejectedEmail,
  type Site,
} from '../mail/templates';
import {
  findOrganizationById,
  findPartnerById,
  findPartnersLike,
  insertOrganization,
  replacePartnerTypes,
  type OrganizationRow,
} from '../organizations/organizations.repository';
import { mayManageEnrollment } from './programs.visibility';
import { assertTypesUsable, domainOf } from '../organizations/organizations.service';
import { normalizeCompanyName } from '../organizations/company-identity';
import { enroll } from './enrollments.service';
import { applications, enrollments, programs } from './programs.tables';

type ApplicationRow = typeof applications.$inferSelect;
type Duplicate = ApplicationRow['duplicates'][number];

const applyLimit: Limit = { bucket: 'application', max: 5, windowMs: 3600_000 };
/** Trigram similarity above which two company names are worth a reviewer's look. */
const NAME_SIMILARITY = 0.45;

/** Organizations and open applications that look like the same company: same domain, or a similar name. */
export async function findDuplicates(
  q: Queryable,
  input: { companyName: string; domain: string | null; excludeApplicationId?: string },
) {
  const name = normalizeCompanyName(input.companyName);
  const out: Duplicate[] = [];
  const orgs = await findPartnersLike(q, { name, domain: input.domain, minSimilarity: NAME_SIMILARITY }, 10);
  for (const o of orgs) {
    const sameDomain = !!input.domain && o.domain === input.domain;
    out.push({
      kind: 'organization',
      id: o.id,
      name: o.name,
      reason: sameDomain ? `Same domain ${o.domain}` : `Similar name (${Math.round(o.sim * 100)}% alike)`,
    });
  }
  const apps = await q
    .select({
      id: applications.id,
      name: applications.companyName,
      domain: applications.domain,
      sim: sql<number>`similarity(lower(${applications.companyName}), ${name})`,
    })
    .from(applications)
    .where(
      and(
        eq(applications.status, 'submitted'),
        input.excludeApplicationId ? ne(applications.id, input.excludeApplicationId) : undefined,
        or(
          input.domain ? eq(applications.domain, input.domain) : undefined,
          sql`similarity(lower(${applications.companyName}), ${name}) > ${NAME_SIMILARITY}`,
        ),
      ),
    )
    .limit(10);
  for (const a of apps) {
    const sameDomain = !!input.domain && a.domain === input.domain;
    out.push({
      kind: 'application',
      id: a.id,
      name: a.name,
      reason: sameDomain
        ? `Another open application with domain ${a.domain}`
        : `Another open application with a similar name (${Math.round(a.sim * 100)}% alike)`,
    });
  }
  return out;
}

function toApplicationDto(a: ApplicationRow, programNames: Map<string, string>) {
  return {
    id: a.id,
    companyName: a.companyName,
    website: a.website,
    domain: a.domain,
    country: a.country,
    partnerTypes: a.partnerTypes,
    programs: a.programIds.map((id) => ({ id, name: programNames.get(id) ?? 'retired program' })),
    contactName: a.contactName,
    contactEmail: a.contactEmail,
    message: a.message,
    status: a.status,
    decisionReason: a.decisionReason,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    organizationId: a.organizationId,
    duplicates: a.duplicates,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
  };
}

async function programNamesFor(q: Queryable, rows: ApplicationRow[]) {
  const ids = [...new Set(rows.flatMap((r) => r.programIds))].filter(isId);
  if (!ids.length) return new Map<string, string>();
  const list = await q
    .select({ id: programs.id, name: programs.name })
    .from(programs)
    .where(inArray(programs.id, ids));
  return new Map(list.map((p) => [p.id, p.name]));
}

export const APPLICATION_RECEIVED = 'Thank you: your application was received. We will answer by email.';

/** The public form: no sign-in, limited per client address, checked for duplicates for the reviewer. */
export async function submitApplication(
  db: Db,
  req: { requestId: string; ip: string | null },
  mailer: Mailer,
  site: Site,
  input: z.output<typeof createApplicationBody>,
) {
  const subjects = subjectsOf(null, req.ip);
  await takeAttempt(db, applyLimit, subjects, 'applications from this address');
  const programIds = [...new Set(input.programIds)];
  const published = programIds.filter(isId).length
    ? await db
        .select()
        .from(programs)
        .where(and(inArray(programs.id, programIds.filter(isId)), eq(programs.status, 'published')))
    : [];
  if (published.length !== programIds.length) {
    throw invalid([{ path: 'body.programIds', message: 'Choose among the programs open for applications' }]);
  }
  await assertTypesUsable(db, input.partnerTypes, 'body.partnerTypes');
  if (!published.some((p) => p.eligibleTypes.some((t) => input.partnerTypes.includes(t)))) {
    throw invalid([
      {
        path: 'body.partnerTypes',
        message: 'None of these partner types is eligible for the chosen programs',
      },
    ]);
  }
  const domain = domainOf(input.website);
  const id = newId();
  await runChange(db, { ...req, actor: null }, async (tx, record) => {
    const duplicates = await findDuplicates(tx, { companyName: input.companyName, domain });
    await tx.insert(applications).values({
      id,
      companyName: input.companyName,
      website: input.website,
      domain,
      country: input.country,
      partnerTypes: input.partnerTypes,
      programIds,
      contactName: input.contactName,
      contactEmail: input.contactEmail.toLowerCase(),
      message: input.message ?? '',
      duplicates,
      ip: req.ip,
    });
    record.audit({
      action: 'application.submitted',
      entityType: 'application',
      entityId: id,
      after: { companyName: input.companyName, domain, duplicates: duplicates.length },
    });
    record.event({
      type: 'application.submitted',
      entityType: 'application',
      entityId: id,
      payload: { id, companyName: input.companyName },
    });
  });
  await mailer.send({
    to: input.contactEmail,
    ...applicationReceivedEmail(
      {
        contactName: input.contactName,
        companyName: input.companyName,
        programNames: published.map((p) => p.name),
      },
      site,
    ),
  });
  return { id, status: 'submitted' as const, message: APPLICATION_RECEIVED };
}

// Applications are the vendor's: the route permission admits vendor roles only.
export async function listApplications(
  db: Db,
  _ctx: Ctx,
  f: { status?: ApplicationRow['status'] | undefined },
  page: Omit<PageRequest, 'sort'>,
) {
  const ks = keyset({ createdAt: { column: applications.createdAt, cast: 'timestamptz' } }, applications.id, {
    ...page,
    sort: '-createdAt',
  });
  const rows = await db
    .select()
    .from(applications)
    .where(where(f.status ? eq(applications.status, f.status) : undefined, ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const res = ks.page(rows, (r) => r.createdAt);
  const names = await programNamesFor(db, res.items);
  return { items: res.items.map((a) => toApplicationDto(a, names)), nextCursor: res.nextCursor };
}

async function findApplication(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}) {
  if (!isId(id)) return undefined;
  const query = q.select().from(applications).where(eq(applications.id, id));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function getApplication(db: Db, _ctx: Ctx, id: string) {
  const a = await findApplication(db, id);
  if (!a) throw notFound('application');
  return toApplicationDto(a, await programNamesFor(db, [a]));
}

/**
 * Approval creates (or links) the organization, invites the contact as its
 * partner admin, and enrolls it at the entry tier of each program applied
 * for — all in one transaction. Two reviewers at once: the version makes one lose (409).
 */
export async function approveApplication(
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  site: Site,
  id: string,
  input: z.output<typeof approveApplicationBody>,
) {
  const result = await runChange(db, ctx, async (tx, record) => {
    const a = await findApplication(tx, id, { forUpdate: true });
    if (!a) throw notFound('application');
    assertVersion(a, input.version);
    if (a.status !== 'submitted') throw unprocessable(`This application was already ${a.status}`);
    let orgId: string;
    let linked: OrganizationRow | undefined;
    if (input.organizationId) {
      // Linking goes through the same scope as any change to that partner.
      linked = isId(input.organizationId)
        ? await findPartnerById(tx, ctx.actor, input.organizationId)
        : undefined;
      if (!linked) throw invalid([{ path: 'body.organizationId', message: 'No such partner organization' }]);
      if (!mayManageEnrollment(ctx.actor, linked))
        throw forbidden('You may link applications only to partners assigned to you');
      if (linked.status === 'terminated') throw unprocessable('This organization is terminated');
      const org = linked;
      orgId = org.id;
    } else {
      orgId = newId();
      await insertOrganization(tx, {
        id: orgId,
        kind: 'partner',
        name: a.companyName,
        status: 'active',
        website: a.website,
        domain: a.domain,
        country: a.country,
      });
      await replacePartnerTypes(tx, orgId, a.partnerTypes, a.partnerTypes[0]!);
      record.audit({
        action: 'partner.created',
        entityType: 'organization',
        entityId: orgId,
        after: { name: a.companyName, fromApplication: id },
      });
    }
    const progs = await tx.select().from(programs).where(inArray(programs.id, a.programIds));
    const enrolled: string[] = [];
    for (const program of progs.filter((p) => p.status === 'published')) {
      const [existing] = await tx
        .select({ id: enrollments.id })
        .from(enrollments)
        .where(
          and(
            eq(enrollments.organizationId, orgId),
            eq(enrollments.programId, program.id),
            sql`${enrollments.status} <> 'terminated'`,
          ),
        );
      if (existing) continue;
      await enroll(tx, record, {
        organizationId: orgId,
        program,
        actorUserId: ctx.actor.userId,
        reason: 'Application approved',
      });
      enrolled.push(program.name);
    }
    // Invite the contact unless they already have an account or an open invitation.
    const hasUser = await hasUserWithEmail(tx, a.contactEmail);
    const hasInvite = await findPendingInvitationByEmail(tx, a.contactEmail);
    // A new organization's contact becomes its admin. Into an existing organization the
    // contact (self-declared on a public form) comes in only as a user, and only when the
    // address is on that organization's own domain; its admins can promote them.
    const emailDomain = a.contactEmail.split('@')[1] ?? '';
    const role = linked ? 'partner_user' : 'partner_admin';
    const invite = !hasUser && !hasInvite && (!linked || (!!linked.domain && emailDomain === linked.domain));
    let token: string | null = null;
    if (invite) {
      const org = await findOrganizationById(tx, orgId);
      token = (
        await insertInvitation(tx, record, {
          organization: org!,
          email: a.contactEmail,
          role,
          inviter: { id: ctx.actor.userId, name: ctx.actor.name },
        })
      ).token;
    }
    const [row] = await tx
      .update(applications)
      .set({
        status: 'approved',
        organizationId: orgId,
        decidedAt: new Date(),
        decidedByUserId: ctx.actor.userId,
        version: sql`${applications.version} + 1`,
      })
      .where(eq(applications.id, id))
      .returning();
    record.audit({
      action: 'application.approved',
      entityType: 'application',
      entityId: id,
      after: { organizationId: orgId, enrolled, invited: invite ? role : null },
    });
    record.event({
      type: 'application.approved',
      entityType: 'application',
      entityId: id,
      organizationIds: [orgId],
      payload: { id, organizationId: orgId },
    });
    return {
      dto: toApplicationDto(row!, await programNamesFor(tx, [row!])),
      token,
      enrolled,
      application: a,
    };
  });
  const a = result.application;
  await mailer.send({
    to: a.contactEmail,
    ...applicationApprovedEmail(
      {
        contactName: a.contactName,
        companyName: a.companyName,
        programNames: result.enrolled,
        invitationToken: result.token,
      },
      site,
    ),
  });
  return result.dto;
}

export async function rejectApplication(
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  site: Site,
  id: string,
  input: { version: number; reason: string },
) {
  const dto = await runChange(db, ctx, async (tx, record) => {
    const a = await findApplication(tx, id, { forUpdate: true });
    if (!a) throw notFound('application');
    assertVersion(a, input.version);
    if (a.status !== 'submitted') throw unprocessable(`This application was already ${a.status}`);
    const [row] = await tx
      .update(applications)
      .set({
        status: 'rejected',
        decisionReason: input.reason,
        decidedAt: new Date(),
        decidedByUserId: ctx.actor.userId,
        version: sql`${applications.version} + 1`,
      })
      .where(eq(applications.id, id))
      .returning();
    record.audit({
      action: 'application.rejected',
      entityType: 'application',
      entityId: id,
      after: { reason: input.reason },
    });
    record.event({ type: 'application.rejected', entityType: 'application', entityId: id, payload: { id } });
    return toApplicationDto(row!, await programNamesFor(tx, [row!]));
  });
  await mailer.send({
    to: dto.contactEmail,
    ...applicationRejectedEmail(
      { contactName: dto.contactName, companyName: dto.companyName, reason: input.reason },
      site,
    ),
  });
  return dto;
}
