import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { endOfCloseDate } from './deal-dates';
import type { z } from 'zod';
import type {
  addInvolvementBody,
  approveDealBody,
  attributionModel,
  closeDealBody,
  Conflict,
  Deal,
  conflictCheckQuery,
  createDealBody,
  dealListQuery,
  extendDealBody,
  InvolvementRole,
  rejectDealBody,
  requestExtensionBody,
  updateDealBody,
  updateInvolvementBody,
} from '@partnergraph/shared/contracts/deals';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange, type ChangeRecorder, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { conflict, forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import { isIndustry } from '../../lib/industries';
import { evenSplit } from '../../lib/money';
import type { Mailer } from '../../lib/mail';
import type { PageRequest } from '../../lib/pagination';
import { auditLog } from '../audit/audit.tables';
import { users } from '../identity/identity.tables';
import { customerDomain, normalizeCompanyName } from '../organizations/company-identity';
import { dealApprovedEmail, dealRejectedEmail, type Site } from '../mail/templates';
import { notifyOrganization } from '../notifications/notifications.service';
import { organizations } from '../organizations/organizations.tables';
import { bestBenefit } from '../programs/benefits';
import { readSettings, requireRate } from '../settings/settings.service';
import {
  findDeal,
  involvementDto,
  involvementsOf,
  listDeals as listDealRows,
  today,
  toDealDtos,
  type LoadedDeal,
} from './deals.repository';
import { dealInvolvements, deals } from './deals.tables';
import {
  hiddenDealFields,
  mayReviewDeal,
  namablePartner,
  redactDeal,
  type RedactedDeal,
  type RedactedDealField,
} from './deals.visibility';

const DAY = 86_400_000;
/** Trigram similarity from which two customer names are shown to a reviewer as a possible conflict. */
const NAME_SIMILARITY = 0.45;

// --- Customer identity and validation ---

export interface CustomerKey {
  name: string;
  nameKey: string;
  domain: string | null;
  root: string | null;
  label: string | null;
}

export function customerKey(name: string, domainInput: string | null | undefined, path: string): CustomerKey {
  const parsed = domainInput ? customerDomain(domainInput) : null;
  if (domainInput && !parsed) {
    throw invalid([{ path, message: 'Not a public web domain (e.g. acme.com or an address on it)' }]);
  }
  const nameKey = normalizeCompanyName(name);
  return {
    name,
    nameKey: nameKey || name.toLowerCase(),
    domain: parsed?.domain ?? null,
    root: parsed?.root ?? null,
    label: parsed?.label ?? null,
  };
}

function checkIndustry(industry: string | null | undefined, path: string) {
  if (industry && !isIndustry(industry)) {
    throw invalid([{ path, message: 'Unknown NAICS sector code (see /reference/industries)' }]);
  }
}

function checkNotFuture(date: string, path: string) {
  if (date > today()) throw invalid([{ path, message: 'A close date cannot be in the future' }]);
}

function checkNotPast(date: string, path: string) {
  if (date < today()) throw invalid([{ path, message: 'An expected close date cannot be in the past' }]);
}

// --- Reading ---

export async function listDeals(
  db: Db,
  ctx: Ctx,
  query: z.output<typeof dealListQuery>,
  page: Omit<PageRequest, 'sort'>,
) {
  return listDealRows(db, ctx.actor, query, page);
}

async function loadVisible(q: Queryable, actor: Actor, id: string, forUpdate = false): Promise<LoadedDeal> {
  const loaded = await findDeal(q, actor, id, { forUpdate });
  if (!loaded) throw notFound('deal');
  return loaded;
}

async function dto(q: Queryable, actor: Actor, loaded: LoadedDeal) {
  return (await toDealDtos(q, actor, [loaded]))[0]!;
}

export async function getDeal(db: Db, ctx: Ctx, id: string) {
  return dto(db, ctx.actor, await loadVisible(db, ctx.actor, id));
}

// --- Conflicts ---

/**
 * Open deals that look like the same customer: the same registrable domain,
 * the same normalized name, a name that is the other's domain label, or a
 * similar name by trigrams. Candidates are deals awaiting review that were
 * registered within the protection window, and approved deals still protected.
 * A partner sees only its own organization's deals among them.
 */
export async function findConflicts(
  q: Queryable,
  actor: Actor,
  key: CustomerKey,
  opts: { excludeDealId?: string; country?: string; registrantOrgId?: string } = {},
): Promise<Conflict[]> {
  const { defaultProtectionDays } = await readSettings(q);
  const now = new Date();
  const compact = key.nameKey.replace(/ /g, '');
  const matches = [
    key.root ? sql`d.customer_root_domain = ${key.root}` : undefined,
    key.label ? sql`replace(d.customer_name_key, ' ', '') = ${key.label}` : undefined,
    sql`d.customer_domain_label = ${compact}`,
    sql`replace(d.customer_name_key, ' ', '') = ${compact}`,
    sql`(d.customer_name_key % ${key.nameKey} and similarity(d.customer_name_key, ${key.nameKey}) >= ${NAME_SIMILARITY})`,
  ].filter(Boolean);
  const result = await q.execute<{
    id: string;
    customer_name: string;
    customer_name_key: string;
    customer_domain: string | null;
    customer_root_domain: string | null;
    customer_domain_label: string | null;
    country: string;
    status: 'registered' | 'approved';
    registered_by_org_id: string;
    registrant_name: string;
    registrant_kind: 'vendor' | 'partner';
    created_at: Date;
    protection_expires_at: Date | null;
    sim: number;
  }>(sql`
    select d.id, d.customer_name, d.customer_name_key, d.customer_domain, d.customer_root_domain,
      d.customer_domain_label, d.country, d.status, d.registered_by_org_id, o.name as registrant_name,
      o.kind as registrant_kind, d.created_at, d.protection_expires_at,
      similarity(d.customer_name_key, ${key.nameKey})::float8 as sim
    from deals d join organizations o on o.id = d.registered_by_org_id
    where ((d.status = 'registered' and d.created_at > now() - make_interval(days => ${defaultProtectionDays}))
        or (d.status = 'approved' and (d.protection_expires_at is null or d.protection_expires_at > now())))
      and (${sql.join(matches, sql` or `)})
      ${opts.excludeDealId && isId(opts.excludeDealId) ? sql`and d.id <> ${opts.excludeDealId}` : sql``}
      ${actor.orgKind === 'vendor' ? sql`` : sql`and d.registered_by_org_id = ${actor.orgId}`}
    order by d.created_at
    limit 25`);
  return result.rows
    .map((d) => {
      const reasons: string[] = [];
      let score = 0;
      if (key.domain && d.customer_domain === key.domain) {
        reasons.push(`Same web domain ${key.domain}`);
        score = 1;
      } else if (key.root && d.customer_root_domain === key.root) {
        reasons.push(`Same company domain ${key.root} (${key.domain} and ${d.customer_domain})`);
        score = 1;
      }
      const otherCompact = d.customer_name_key.replace(/ /g, '');
      if (otherCompact === compact) {
        reasons.push(
          `Same name once case, punctuation and legal suffixes are set aside (“${d.customer_name}”)`,
        );
        score = Math.max(score, 0.95);
      } else if (key.label && otherCompact === key.label) {
        reasons.push(`Their customer “${d.customer_name}” is named like the domain ${key.domain}`);
        score = Math.max(score, 0.9);
      } else if (d.customer_domain_label === compact) {
        reasons.push(`Their customer’s domain ${d.customer_domain} is named like “${key.name}”`);
        score = Math.max(score, 0.9);
      } else if (d.sim >= NAME_SIMILARITY) {
        reasons.push(`Similar name: “${d.customer_name}” (${Math.round(d.sim * 100)}% alike)`);
        score = Math.max(score, d.sim);
      }
      if (reasons.length && opts.country && d.country === opts.country) {
        reasons.push(`Also in the same country (${d.country})`);
      }
      const strong = (!!key.root && d.customer_root_domain === key.root) || otherCompact === compact;
      return {
        deal: {
          id: d.id,
          customerName: d.customer_name,
          customerDomain: d.customer_domain,
          country: d.country,
          status: d.status,
          registeredBy: { id: d.registered_by_org_id, name: d.registrant_name },
          createdAt: new Date(d.created_at).toISOString(),
          protectionExpiresAt: d.protection_expires_at
            ? new Date(d.protection_expires_at).toISOString()
            : null,
        },
        reasons,
        score: Math.round(score * 100) / 100,
        strong,
        blocking:
          strong &&
          isProtectedFor(d, opts.registrantOrgId ?? actor.orgId, now) &&
          d.registrant_kind === 'partner',
      };
    })
    .filter((c) => c.reasons.length > 0)
    .sort((a, b) => b.score - a.score);
}

/** An approved deal whose protection still runs, held by an organization other than `orgId`. */
function isProtectedFor(
  d: { status: string; protection_expires_at: Date | string | null; registered_by_org_id: string },
  orgId: string,
  now: Date,
) {
  return (
    d.status === 'approved' &&
    d.protection_expires_at !== null &&
    new Date(d.protection_expires_at) > now &&
    d.registered_by_org_id !== orgId
  );
}

/**
 * Deals protecting this customer for a partner other than `orgId`: approved,
 * protection running, and a strong match (the same registrable domain or the
 * same normalized name). A similar name alone never counts: that is the
 * reviewer's judgement, shown among the conflicts.
 */
async function protectingDeals(q: Queryable, key: CustomerKey, orgId: string, excludeDealId?: string) {
  const compact = key.nameKey.replace(/ /g, '');
  const result = await q.execute<{
    id: string;
    registered_by_org_id: string;
    registrant_name: string;
    customer_name: string;
    protection_expires_at: Date | string;
  }>(sql`
    select d.id, d.registered_by_org_id, o.name as registrant_name, d.customer_name, d.protection_expires_at
    from deals d join organizations o on o.id = d.registered_by_org_id
    where d.status = 'approved' and d.protection_expires_at > now() and o.kind = 'partner'
      and d.registered_by_org_id <> ${orgId}
      and (${key.root ? sql`d.customer_root_domain = ${key.root} or ` : sql``}replace(d.customer_name_key, ' ', '') = ${compact})
      ${excludeDealId ? sql`and d.id <> ${excludeDealId}` : sql``}
    order by d.approved_at, d.id`);
  return result.rows;
}

/**
 * What a registering partner is told of another partner's protection of its
 * customer: that there is one, nothing more (not who, nor amounts or dates).
 * The vendor may turn the notice off.
 */
async function protectedByAnotherPartner(
  q: Queryable,
  actor: Actor,
  key: CustomerKey,
  excludeDealId?: string,
) {
  if (!(await readSettings(q)).protectedCustomerNotice) return false;
  return (await protectingDeals(q, key, actor.orgId, excludeDealId)).length > 0;
}

export async function checkConflicts(db: Db, ctx: Ctx, query: z.output<typeof conflictCheckQuery>) {
  const key = customerKey(query.customerName, query.customerDomain, 'customerDomain');
  const excludeDealId = query.excludeDealId && isId(query.excludeDealId) ? query.excludeDealId : undefined;
  const items = await findConflicts(db, ctx.actor, key, { excludeDealId });
  return {
    items,
    protectedByAnotherPartner: await protectedByAnotherPartner(db, ctx.actor, key, excludeDealId),
  };
}

export async function dealConflicts(db: Db, ctx: Ctx, id: string) {
  const { deal } = await loadVisible(db, ctx.actor, id);
  const key = customerKey(deal.customerName, deal.customerDomain, 'customerDomain');
  return {
    items: await findConflicts(db, ctx.actor, key, {
      excludeDealId: deal.id,
      country: deal.country,
      registrantOrgId: deal.registeredByOrgId,
    }),
  };
}

// --- Registration ---

async function assertActivePartner(q: Queryable, orgId: string) {
  const [org] = await q
    .select({ status: organizations.status })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (org?.status !== 'active') {
    throw unprocessable(
      `Your organization is ${org?.status ?? 'unknown'}: only active partners register deals`,
    );
  }
}

export interface NewDeal {
  key: CustomerKey;
  country: string;
  industry: string | null;
  amount: number;
  currency: string;
  products: string[];
  expectedCloseDate: string;
  stage: (typeof deals.$inferInsert)['stage'];
  notes: string;
  referralId?: string;
}

/**
 * Writes a deal in the caller's transaction: a partner's starts `registered`
 * with the partner as `sourced`; the vendor's own starts `approved` with no
 * sourced partner (vendor-sourced). Shared by registration and referral conversion.
 */
export async function insertDeal(tx: Tx, record: ChangeRecorder, actor: Actor, input: NewDeal) {
  await requireRate(tx, input.currency, today(), input.amount);
  const vendor = actor.orgKind === 'vendor';
  if (!vendor) await assertActivePartner(tx, actor.orgId);
  const now = new Date();
  const id = newId();
  await tx.insert(deals).values({
    id,
    registeredByOrgId: actor.orgId,
    registeredByUserId: actor.userId,
    vendorRecorded: vendor,
    customerName: input.key.name,
    customerNameKey: input.key.nameKey,
    customerDomain: input.key.domain,
    customerRootDomain: input.key.root,
    customerDomainLabel: input.key.label,
    country: input.country,
    industry: input.industry,
    amount: input.amount,
    currency: input.currency,
    products: input.products,
    expectedCloseDate: input.expectedCloseDate,
    stage: input.stage ?? null,
    notes: input.notes,
    status: vendor ? 'approved' : 'registered',
    approvedAt: vendor ? now : null,
    referralId: input.referralId ?? null,
    createdAt: now,
    updatedAt: now,
  });
  if (!vendor) {
    await tx.insert(dealInvolvements).values({
      dealId: id,
      organizationId: actor.orgId,
      role: 'sourced',
      status: 'confirmed',
      involvedAt: now,
      confirmedAt: now,
    });
  }
  const summary = {
    customerName: input.key.name,
    customerDomain: input.key.domain,
    country: input.country,
    amount: input.amount,
    currency: input.currency,
    status: vendor ? 'approved' : 'registered',
    ...(input.referralId ? { referralId: input.referralId } : {}),
  };
  record.audit({ action: 'deal.registered', entityType: 'deal', entityId: id, after: summary });
  record.event({
    type: 'deal.registered',
    entityType: 'deal',
    entityId: id,
    organizationIds: vendor ? [] : [actor.orgId],
    payload: { id, ...summary },
  });
  return id;
}

export async function registerDeal(db: Db, ctx: Ctx, input: z.output<typeof createDealBody>) {
  const key = customerKey(input.customerName, input.customerDomain, 'body.customerDomain');
  checkIndustry(input.industry, 'body.industry');
  checkNotPast(input.expectedCloseDate, 'body.expectedCloseDate');
  const id = await runChange(db, ctx, (tx, record) =>
    insertDeal(tx, record, ctx.actor, {
      key,
      country: input.country,
      industry: input.industry ?? null,
      amount: input.amount,
      currency: input.currency,
      products: input.products,
      expectedCloseDate: input.expectedCloseDate,
      stage: input.stage ?? null,
      notes: input.notes,
    }),
  );
  const deal = await getDeal(db, ctx, id);
  const conflicts = await findConflicts(db, ctx.actor, key, { excludeDealId: id, country: input.country });
  return {
    ...deal,
    conflicts,
    protectedByAnotherPartner: await protectedByAnotherPartner(db, ctx.actor, key, id),
  };
}

// --- Changes by the registering partner or the vendor ---

/** The registering partner, or vendor staff who may review the deal. */
function mayWork(actor: Actor, loaded: LoadedDeal) {
  if (actor.orgKind === 'vendor') {
    return mayReviewDeal(actor, {
      kind: loaded.registrantKind,
      channelManagerId: loaded.registrantManagerId,
    });
  }
  return loaded.deal.registeredByOrgId === actor.orgId;
}

function mayReview(actor: Actor, loaded: LoadedDeal) {
  return (
    actor.orgKind === 'vendor' &&
    mayReviewDeal(actor, { kind: loaded.registrantKind, channelManagerId: loaded.registrantManagerId })
  );
}

const open = (status: string) => status === 'registered' || status === 'approved';

/** Applies a change to a locked, visible deal after the version and permission checks. */
async function changeDeal<T>(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  allowed: (actor: Actor, loaded: LoadedDeal) => boolean,
  denial: string,
  apply: (tx: Tx, record: ChangeRecorder, loaded: LoadedDeal) => Promise<T>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const loaded = await loadVisible(tx, ctx.actor, id, true);
    if (!allowed(ctx.actor, loaded)) throw forbidden(denial);
    assertVersion(loaded.deal, version);
    await apply(tx, record, loaded);
    return dto(tx, ctx.actor, (await findDeal(tx, ctx.actor, id))!);
  });
}

/** A deal's state change: its audit entry and its outbox event, under one action name. */
function recordDeal(
  record: ChangeRecorder,
  loaded: LoadedDeal,
  type: string,
  payload: Record<string, unknown>,
  before?: Record<string, unknown>,
) {
  record.audit({
    action: type,
    entityType: 'deal',
    entityId: loaded.deal.id,
    before: before ?? null,
    after: payload,
  });
  record.event({
    type,
    entityType: 'deal',
    entityId: loaded.deal.id,
    organizationIds: loaded.registrantKind === 'partner' ? [loaded.deal.registeredByOrgId] : [],
    payload: { id: loaded.deal.id, ...payload },
  });
}

async function setDeal(tx: Tx, id: string, patch: Partial<typeof deals.$inferInsert>) {
  await tx
    .update(deals)
    .set({ ...patch, version: sql`${deals.version} + 1`, updatedAt: new Date() })
    .where(eq(deals.id, id));
}

export async function updateDeal(db: Db, ctx: Ctx, id: string, input: z.output<typeof updateDealBody>) {
  checkIndustry(input.industry, 'body.industry');
  if (input.expectedCloseDate) checkNotPast(input.expectedCloseDate, 'body.expectedCloseDate');
  return changeDeal(
    db,
    ctx,
    id,
    input.version,
    mayWork,
    'Only the registering partner and its channel manager change a deal',
    async (tx, record, { deal }) => {
      if (!open(deal.status)) throw unprocessable(`This deal is ${deal.status}: closed deals are not edited`);
      const customerChange =
        input.customerName !== undefined || input.customerDomain !== undefined || input.country !== undefined;
      if (customerChange && deal.status !== 'registered') {
        throw unprocessable(
          'The customer of an approved deal is fixed: its protection was granted for that customer',
        );
      }
      const patch: Partial<typeof deals.$inferInsert> = {};
      if (customerChange) {
        const key = customerKey(
          input.customerName ?? deal.customerName,
          input.customerDomain === undefined ? deal.customerDomain : input.customerDomain,
          'body.customerDomain',
        );
        Object.assign(patch, {
          customerName: key.name,
          customerNameKey: key.nameKey,
          customerDomain: key.domain,
          customerRootDomain: key.root,
          customerDomainLabel: key.label,
        });
        if (input.country) patch.country = input.country;
      }
      if (input.industry !== undefined) patch.industry = input.industry;
      if (input.amount !== undefined) patch.amount = input.amount;
      if (input.currency !== undefined || input.amount !== undefined) {
        await requireRate(tx, input.currency ?? deal.currency, today(), input.amount ?? deal.amount);
      }
      if (input.currency !== undefined) patch.currency = input.currency;
      if (input.products !== undefined) patch.products = input.products;
      if (input.expectedCloseDate !== undefined) patch.expectedCloseDate = input.expectedCloseDate;
      if (input.stage !== undefined) patch.stage = input.stage;
      if (input.notes !== undefined) patch.notes = input.notes;
      const before = Object.fromEntries(Object.keys(patch).map((k) => [k, deal[k as keyof typeof deal]]));
      await setDeal(tx, deal.id, patch);
      record.audit({ action: 'deal.updated', entityType: 'deal', entityId: deal.id, before, after: patch });
      record.event({
        type: 'deal.updated',
        entityType: 'deal',
        entityId: deal.id,
        organizationIds: [deal.registeredByOrgId],
        payload: { id: deal.id, changed: Object.keys(patch) },
      });
    },
  );
}

// --- Review ---

/** Serializes approvals of one customer: two reviewers approving rival registrations at once would each find it free. */
async function lockCustomer(tx: Tx, key: CustomerKey) {
  // Rival deals share a registrable domain or a normalized name: each is a lock, taken in one order.
  const names = [key.root ? `root:${key.root}` : null, `name:${key.nameKey.replace(/ /g, '')}`]
    .filter((k): k is string => k !== null)
    .sort();
  for (const k of names)
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`deal-customer:${k}`}))`);
}

const roleWords: Record<string, string> = { admin: 'vendor admins', channel_manager: 'channel managers' };

/**
 * Protection is exclusive: a registration whose customer another partner holds
 * under protection (a strong match) is not approved, unless a reviewer whose
 * role the settings allow overrides with a written reason. The holder's deal
 * keeps its protection; the override is recorded on both deals for the vendor.
 */
export async function approveDeal(db: Db, ctx: Ctx, id: string, input: z.output<typeof approveDealBody>) {
  return changeDeal(
    db,
    ctx,
    id,
    input.version,
    mayReview,
    'Channel managers review the deals of partners assigned to them',
    async (tx, record, loaded) => {
      const { deal } = loaded;
      if (deal.status !== 'registered') throw unprocessable(`This deal is already ${deal.status}`);
      const key = customerKey(deal.customerName, deal.customerDomain, 'customerDomain');
      await lockCustomer(tx, key);
      const holders = await protectingDeals(tx, key, deal.registeredByOrgId, deal.id);
      const settings = await readSettings(tx);
      if (holders.length) {
        const mayOverride = (settings.protectionOverrideRoles as string[]).includes(ctx.actor.role);
        const who = settings.protectionOverrideRoles.map((r) => roleWords[r] ?? r).join(' and ');
        const first = holders[0]!;
        if (!input.overrideReason) {
          throw conflict(
            `${first.customer_name} is protected for ${first.registrant_name} by deal ${first.id} until ${new Date(first.protection_expires_at).toISOString().slice(0, 10)}` +
              (holders.length > 1 ? ` (and ${holders.length - 1} more)` : '') +
              `: this registration is not approved over it unless ${who} override with a written reason${mayOverride ? '' : ' (your role may not)'}`,
            { protectingDealIds: holders.map((h) => h.id) },
          );
        }
        if (!mayOverride) throw forbidden(`Only ${who} may approve over another partner’s protection`);
      }
      const benefit = await bestBenefit(tx, deal.registeredByOrgId, 'deal_protection_days');
      const days =
        input.protectionDays ?? (benefit ? Math.round(benefit.value) : settings.defaultProtectionDays);
      const now = new Date();
      const expiresAt = new Date(now.getTime() + days * DAY);
      await setDeal(tx, deal.id, {
        status: 'approved',
        approvedAt: now,
        protectionDays: days,
        protectionExpiresAt: expiresAt,
        decidedByUserId: ctx.actor.userId,
        decidedAt: now,
      });
      const basis = input.protectionDays
        ? 'set by the reviewer'
        : benefit
          ? `from the ${benefit.source}`
          : 'the default';
      const after = {
        status: 'approved',
        protectionDays: days,
        protectionBasis: basis,
        expiresAt: expiresAt.toISOString(),
      };
      recordDeal(record, loaded, 'deal.approved', after, { status: deal.status });
      if (holders.length && input.overrideReason) {
        recordOverride(record, loaded, holders, input.overrideReason);
      }
    },
  );
}

/** An approval over other partners' protection: on the approved deal and on each holder's, vendor eyes only. */
function recordOverride(
  record: ChangeRecorder,
  loaded: LoadedDeal,
  holders: Awaited<ReturnType<typeof protectingDeals>>,
  reason: string,
) {
  const overridden = holders.map((h) => ({
    dealId: h.id,
    organizationId: h.registered_by_org_id,
    organizationName: h.registrant_name,
  }));
  record.audit({
    action: 'deal.protection_override',
    entityType: 'deal',
    entityId: loaded.deal.id,
    after: { reason, overridden },
  });
  for (const h of overridden) {
    record.audit({
      action: 'deal.protection_overridden',
      entityType: 'deal',
      entityId: h.dealId,
      after: {
        reason,
        dealId: loaded.deal.id,
        organizationId: loaded.deal.registeredByOrgId,
        organizationName: loaded.registrantName,
      },
    });
  }
  // The vendor's own webhooks: no partner is told who overrode whom.
  record.event({
    type: 'deal.protection_overridden',
    entityType: 'deal',
    entityId: loaded.deal.id,
    organizationIds: [],
    payload: { id: loaded.deal.id, reason, overridden },
  });
}

export async function rejectDeal(db: Db, ctx: Ctx, id: string, input: z.output<typeof rejectDealBody>) {
  return changeDeal(
    db,
    ctx,
    id,
    input.version,
    mayReview,
    'Channel managers review the deals of partners assigned to them',
    async (tx, record, loaded) => {
      const { deal } = loaded;
      if (deal.status !== 'registered') throw unprocessable(`This deal is already ${deal.status}`);
      const now = new Date();
      await setDeal(tx, deal.id, {
        status: 'rejected',
        decisionReason: input.reason,
        decidedByUserId: ctx.actor.userId,
        decidedAt: now,
        endedAt: now,
      });
      const after = { status: 'rejected', reason: input.reason };
      recordDeal(record, loaded, 'deal.rejected', after, { status: deal.status });
    },
  );
}

export async function requestExtension(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof requestExtensionBody>,
) {
  return changeDeal(
    db,
    ctx,
    id,
    input.version,
    (actor, loaded) => actor.orgKind === 'partner' && loaded.deal.registeredByOrgId === actor.orgId,
    'Only the registering partner asks for an extension',
    async (tx, record, loaded) => {
      const { deal } = loaded;
      if (deal.status !== 'approved') {
        throw unprocessable(`Only an approved deal's protection is extended; this one is ${deal.status}`);
      }
      await setDeal(tx, deal.id, {
        extensionDays: input.days,
        extensionReason: input.reason,
        extensionRequestedAt: new Date(),
      });
      const after = { extensionDays: input.days, reason: input.reason };
      recordDeal(record, loaded, 'deal.extension_requested', after);
    },
  );
}

export async function extendDeal(db: Db, ctx: Ctx, id: string, input: z.output<typeof extendDealBody>) {
  return changeDeal(
    db,
    ctx,
    id,
    input.version,
    mayReview,
    'Channel managers review the deals of partners assigned to them',
    async (tx, record, loaded) => {
      const { deal } = loaded;
      if (deal.status !== 'approved' || !deal.protectionExpiresAt) {
        throw unprocessable(`Only an approved, protected deal is extended; this one is ${deal.status}`);
      }
      const days = input.days ?? deal.extensionDays;
      if (!days) throw invalid([{ path: 'body.days', message: 'Give the days: no extension was requested' }]);
      const expiresAt = new Date(deal.protectionExpiresAt.getTime() + days * DAY);
      await setDeal(tx, deal.id, {
        protectionDays: (deal.protectionDays ?? 0) + days,
        protectionExpiresAt: expiresAt,
        extensionDays: null,
        extensionReason: null,
        extensionRequestedAt: null,
      });
      const after = { days, expiresAt: expiresAt.toISOString() };
      recordDeal(record, loaded, 'deal.extended', after, {
        expiresAt: deal.protectionExpiresAt.toISOString(),
      });
    },
  );
}

export async function closeDeal(db: Db, ctx: Ctx, id: string, input: z.output<typeof closeDealBody>) {
  checkNotFuture(input.closeDate, 'body.closeDate');
  return changeDeal(
    db,
    ctx,
    id,
    input.version,
    mayWork,
    'Only the registering partner and its channel manager close a deal',
    async (tx, record, loaded) => {
      const { deal } = loaded;
      if (deal.status === 'registered')
        throw unprocessable('This deal awaits review: it closes once approved');
      if (deal.status !== 'approved') throw unprocessable(`This deal is already ${deal.status}`);
      if (input.closeDate < deal.createdAt.toISOString().slice(0, 10)) {
        throw invalid([{ path: 'body.closeDate', message: 'A deal cannot close before it was registered' }]);
      }
      const endedAt = endOfCloseDate(input.closeDate);
      if (input.outcome === 'won') {
        await requireRate(tx, deal.currency, input.closeDate, input.amount);
        await setDeal(tx, deal.id, {
          status: 'won',
          amount: input.amount,
          closeDate: input.closeDate,
          endedAt,
        });
      } else {
        await setDeal(tx, deal.id, {
          status: 'lost',
          closeDate: input.closeDate,
          lostReason: input.reason,
          endedAt,
        });
      }
      const after =
        input.outcome === 'won'
          ? { status: 'won', amount: input.amount, currency: deal.currency, closeDate: input.closeDate }
          : { status: 'lost', closeDate: input.closeDate, reason: input.reason };
      record.audit({
        action: `deal.${input.outcome}`,
        entityType: 'deal',
        entityId: deal.id,
        before: { status: deal.status, amount: deal.amount },
        after,
      });
      const involved = await tx
        .select({ org: dealInvolvements.organizationId })
        .from(dealInvolvements)
        .where(and(eq(dealInvolvements.dealId, deal.id), eq(dealInvolvements.status, 'confirmed')));
      record.event({
        type: 'deal.closed',
        entityType: 'deal',
        entityId: deal.id,
        organizationIds: [...new Set([deal.registeredByOrgId, ...involved.map((i) => i.org)])].filter(
          (o) => loaded.registrantKind === 'partner' || o !== deal.registeredByOrgId,
        ),
        payload: { id: deal.id, ...after },
      });
    },
  );
}

/** The scheduled job: approved deals whose protection ran out become `expired`. */
export async function expireDealProtection(db: Db, now = new Date()) {
  const due = await db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.status, 'approved'), lte(deals.protectionExpiresAt, now)))
    .limit(1000);
  let expired = 0;
  for (const { id } of due) {
    await runChange(
      db,
      { actor: null, requestId: 'job:deal-protection', ip: null },
      async (tx, record) => {
        const [d] = await tx
          .update(deals)
          .set({
            status: 'expired',
            endedAt: sql`${deals.protectionExpiresAt}`,
            version: sql`${deals.version} + 1`,
            updatedAt: now,
          })
          .where(and(eq(deals.id, id), eq(deals.status, 'approved'), lte(deals.protectionExpiresAt, now)))
          .returning();
        if (!d) return;
        expired++;
        const after = { status: 'expired', protectionExpiredAt: d.protectionExpiresAt?.toISOString() };
        record.audit({
          action: 'deal.expired',
          entityType: 'deal',
          entityId: id,
          before: { status: 'approved' },
          after,
        });
        record.event({
          type: 'deal.expired',
          entityType: 'deal',
          entityId: id,
          organizationIds: d.vendorRecorded ? [] : [d.registeredByOrgId],
          payload: { id, ...after },
        });
      },
      { refreshOnly: true },
    );
  }
  return { expired };
}

// --- Involvements ---

export async function listInvolvements(db: Db, ctx: Ctx, id: string) {
  const { deal } = await loadVisible(db, ctx.actor, id);
  const rows = await involvementsOf(db, [deal.id]);
  return {
    items: rows.map((i) => involvementDto(ctx.actor, deal.registeredByOrgId, i)).filter((i) => i !== null),
  };
}

async function loadInvolvement(tx: Tx, actor: Actor, dealId: string, organizationId: string) {
  const loaded = await loadVisible(tx, actor, dealId, true);
  const rows = isId(organizationId)
    ? (await involvementsOf(tx, [loaded.deal.id])).filter(
        (i) => i.involvement.organizationId === organizationId,
      )
    : [];
  const found = rows[0];
  // An involvement the actor may not read is answered like one that does not exist.
  if (!found || !involvementDto(actor, loaded.deal.registeredByOrgId, found)) throw notFound('involvement');
  return { loaded, found };
}

export async function addInvolvement(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof addInvolvementBody>,
) {
  const actor = ctx.actor;
  return runChange(db, ctx, async (tx, record) => {
    const loaded = await loadVisible(tx, actor, id, true);
    const { deal } = loaded;
    const vendor = actor.orgKind === 'vendor';
    if (
      vendor
        ? !mayReview(actor, loaded)
        : deal.registeredByOrgId !== actor.orgId && !(await isConfirmedOn(tx, deal.id, actor.orgId))
    ) {
      throw forbidden('Only the vendor and the partners on a deal add partners to it');
    }
    if (deal.status === 'rejected' || deal.status === 'expired') {
      throw unprocessable(`This deal is ${deal.status}: no partners are added to it`);
    }
    const [org] = isId(input.organizationId)
      ? await tx
          .select({
            id: organizations.id,
            name: organizations.name,
            kind: organizations.kind,
            status: organizations.status,
            // A partner names only the partners it may see: the rule referrals use.
            namable: vendor
              ? sql<boolean>`true`
              : sql<boolean>`${namablePartner(actor.orgId, input.organizationId)}`,
          })
          .from(organizations)
          .where(eq(organizations.id, input.organizationId))
      : [];
    // Any other organization answers as if it did not exist, so its name does not leak.
    if (!org || org.kind !== 'partner' || !org.namable) throw notFound('partner organization');
    if (org.status === 'terminated') throw unprocessable(`${org.name} is terminated`);
    const existing = (await involvementsOf(tx, [deal.id])).map((i) => i.involvement);
    const same = existing.find((i) => i.organizationId === org.id);
    if (same) {
      // Another partner's pending proposal is not this caller's to learn of.
      const visible =
        vendor ||
        same.status === 'confirmed' ||
        same.proposedByOrgId === actor.orgId ||
        deal.registeredByOrgId === actor.orgId;
      throw conflict(
        visible
          ? `${org.name} is already on this deal as ${same.role.replace('_', '-')} (${same.status})`
          : `${org.name} cannot be proposed for this deal`,
      );
    }
    if (input.role === 'sourced' && existing.some((i) => i.role === 'sourced')) {
      throw conflict('This deal already has a sourced partner: a deal has at most one');
    }
    const now = new Date();
    const status = vendor ? 'confirmed' : 'proposed';
    await tx.insert(dealInvolvements).values({
      dealId: deal.id,
      organizationId: org.id,
      role: input.role,
      status,
      note: input.note ?? null,
      notedByOrgId: input.note ? actor.orgId : null,
      proposedByOrgId: vendor ? null : actor.orgId,
      involvedAt: now,
      confirmedAt: vendor ? now : null,
    });
    await setDeal(tx, deal.id, {});
    const after = { organizationId: org.id, organizationName: org.name, role: input.role, status };
    record.audit({
      action: vendor ? 'deal.involvement_added' : 'deal.involvement_proposed',
      entityType: 'deal',
      entityId: deal.id,
      after,
    });
    record.event({
      type: vendor ? 'deal.involvement_added' : 'deal.involvement_proposed',
      entityType: 'deal',
      entityId: deal.id,
      organizationIds: vendor ? [org.id] : [actor.orgId],
      payload: { id: deal.id, ...after },
    });
    const [row] = (await involvementsOf(tx, [deal.id])).filter(
      (i) => i.involvement.organizationId === org.id,
    );
    return involvementDto(actor, deal.registeredByOrgId, row!)!;
  });
}

async function isConfirmedOn(q: Queryable, dealId: string, orgId: string) {
  const [row] = await q
    .select({ role: dealInvolvements.role })
    .from(dealInvolvements)
    .where(
      and(
        eq(dealInvolvements.dealId, dealId),
        eq(dealInvolvements.organizationId, orgId),
        eq(dealInvolvements.status, 'confirmed'),
      ),
    );
  return !!row;
}

export async function confirmInvolvement(db: Db, ctx: Ctx, id: string, organizationId: string) {
  return runChange(db, ctx, async (tx, record) => {
    const { loaded, found } = await loadInvolvement(tx, ctx.actor, id, organizationId);
    if (!mayReview(ctx.actor, loaded))
      throw forbidden('Channel managers confirm on the deals of partners assigned to them');
    if (found.involvement.status === 'confirmed')
      throw unprocessable(`${found.orgName} is already confirmed on this deal`);
    const now = new Date();
    await tx
      .update(dealInvolvements)
      .set({ status: 'confirmed', confirmedAt: now })
      .where(
        and(eq(dealInvolvements.dealId, loaded.deal.id), eq(dealInvolvements.organizationId, organizationId)),
      );
    await setDeal(tx, loaded.deal.id, {});
    const after = {
      organizationId,
      organizationName: found.orgName,
      role: found.involvement.role,
      status: 'confirmed',
    };
    record.audit({
      action: 'deal.involvement_confirmed',
      entityType: 'deal',
      entityId: loaded.deal.id,
      after,
    });
    record.event({
      type: 'deal.involvement_added',
      entityType: 'deal',
      entityId: loaded.deal.id,
      organizationIds: [
        organizationId,
        ...(found.involvement.proposedByOrgId ? [found.involvement.proposedByOrgId] : []),
      ],
      payload: { id: loaded.deal.id, ...after },
    });
    const [row] = (await involvementsOf(tx, [loaded.deal.id])).filter(
      (i) => i.involvement.organizationId === organizationId,
    );
    return involvementDto(ctx.actor, loaded.deal.registeredByOrgId, row!)!;
  });
}

/** The vendor changes a partner's role on a deal (one role per partner: a referrer who also co-sells is re-cast). */
export async function updateInvolvement(
  db: Db,
  ctx: Ctx,
  id: string,
  organizationId: string,
  input: z.output<typeof updateInvolvementBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const { loaded, found } = await loadInvolvement(tx, ctx.actor, id, organizationId);
    if (!mayReview(ctx.actor, loaded)) throw forbidden('The vendor changes roles on a deal');
    const current = found.involvement;
    if (input.role === 'sourced' && current.role !== 'sourced') {
      const others = await involvementsOf(tx, [loaded.deal.id]);
      if (others.some((i) => i.involvement.role === 'sourced')) {
        throw conflict('This deal already has a sourced partner: a deal has at most one');
      }
    }
    const patch: Partial<typeof dealInvolvements.$inferInsert> = { role: input.role };
    if (input.note !== undefined) {
      patch.note = input.note;
      patch.notedByOrgId = input.note ? ctx.actor.orgId : null;
    }
    await tx
      .update(dealInvolvements)
      .set(patch)
      .where(
        and(eq(dealInvolvements.dealId, loaded.deal.id), eq(dealInvolvements.organizationId, organizationId)),
      );
    await setDeal(tx, loaded.deal.id, {});
    const change = {
      organizationId,
      organizationName: found.orgName,
      fromRole: current.role,
      role: input.role,
    };
    record.audit({
      action: 'deal.involvement_changed',
      entityType: 'deal',
      entityId: loaded.deal.id,
      before: { role: current.role },
      after: change,
    });
    record.event({
      type: 'deal.involvement_changed',
      entityType: 'deal',
      entityId: loaded.deal.id,
      organizationIds: [organizationId],
      payload: { id: loaded.deal.id, ...change },
    });
    const [row] = (await involvementsOf(tx, [loaded.deal.id])).filter(
      (i) => i.involvement.organizationId === organizationId,
    );
    return involvementDto(ctx.actor, loaded.deal.registeredByOrgId, row!)!;
  });
}

export async function removeInvolvement(db: Db, ctx: Ctx, id: string, organizationId: string) {
  await runChange(db, ctx, async (tx, record) => {
    const { loaded, found } = await loadInvolvement(tx, ctx.actor, id, organizationId);
    const proposerWithdrawing =
      ctx.actor.orgKind === 'partner' &&
      found.involvement.status === 'proposed' &&
      found.involvement.proposedByOrgId === ctx.actor.orgId;
    if (!proposerWithdrawing && !mayReview(ctx.actor, loaded)) {
      throw forbidden('The vendor removes partners from a deal; a partner may withdraw its own proposal');
    }
    if (organizationId === loaded.deal.registeredByOrgId) {
      throw unprocessable('The registering partner stays on its deal: change its role instead');
    }
    await tx
      .delete(dealInvolvements)
      .where(
        and(eq(dealInvolvements.dealId, loaded.deal.id), eq(dealInvolvements.organizationId, organizationId)),
      );
    await setDeal(tx, loaded.deal.id, {});
    const before = {
      organizationId,
      organizationName: found.orgName,
      role: found.involvement.role,
      status: found.involvement.status,
    };
    record.audit({
      action: 'deal.involvement_removed',
      entityType: 'deal',
      entityId: loaded.deal.id,
      before,
    });
    record.event({
      type: 'deal.involvement_removed',
      entityType: 'deal',
      entityId: loaded.deal.id,
      organizationIds: [organizationId],
      payload: { id: loaded.deal.id, ...before },
    });
  });
}

// --- Attribution ---

export interface CreditInput {
  organizationId: string;
  role: InvolvementRole;
  involvedAt: Date;
}

/**
 * Per-partner credit on a won deal (metrics.md): the sourced partner gets the
 * whole amount as sourced credit; the whole amount is also shared as influence
 * credit among the partners with any other role — evenly (largest remainder,
 * ties to the lower partner id), or all of it to the first or the last involved
 * (by involvement date, then partner id).
 */
export function attribute(amount: number, involved: CreditInput[], model: z.output<typeof attributionModel>) {
  const credits = new Map(involved.map((i) => [i.organizationId, { sourced: 0, influence: 0 }]));
  const sourced = involved.find((i) => i.role === 'sourced');
  if (sourced) credits.get(sourced.organizationId)!.sourced = amount;
  const influencers = involved.filter((i) => i.role !== 'sourced');
  if (influencers.length) {
    if (model === 'even') {
      const byId = [...influencers].sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1));
      evenSplit(amount, byId.length).forEach(
        (share, k) => (credits.get(byId[k]!.organizationId)!.influence = share),
      );
    } else {
      const byTime = [...influencers].sort(
        (a, b) =>
          a.involvedAt.getTime() - b.involvedAt.getTime() || (a.organizationId < b.organizationId ? -1 : 1),
      );
      const chosen = model === 'first_touch' ? byTime[0]! : byTime[byTime.length - 1]!;
      credits.get(chosen.organizationId)!.influence = amount;
    }
  }
  return credits;
}

export async function dealAttribution(
  db: Db,
  ctx: Ctx,
  id: string,
  model: z.output<typeof attributionModel>,
) {
  const { deal } = await loadVisible(db, ctx.actor, id);
  if (deal.status !== 'won') throw unprocessable(`Credit is given on won deals; this one is ${deal.status}`);
  const rows = (await involvementsOf(db, [deal.id])).filter((i) => i.involvement.status === 'confirmed');
  const credits = attribute(
    deal.amount,
    rows.map((r) => r.involvement),
    model,
  );
  return {
    dealId: deal.id,
    model,
    amount: deal.amount,
    currency: deal.currency,
    credits: rows
      .filter((r) => ctx.actor.orgKind === 'vendor' || r.involvement.organizationId === ctx.actor.orgId)
      .map((r) => ({
        organization: { id: r.involvement.organizationId, name: r.orgName },
        role: r.involvement.role,
        sourcedCredit: credits.get(r.involvement.organizationId)!.sourced,
        influenceCredit: credits.get(r.involvement.organizationId)!.influence,
      })),
  };
}

// --- Timeline ---

const roleWord = (role: unknown) => String(role).replace('_', '-');

/** A reason in a summary, unless the deal's field that keeps it is hidden from this viewer. */
const because = (reason: unknown, field: RedactedDealField, hidden: Set<RedactedDealField>) =>
  hidden.has(field) ? '' : `: ${String(reason)}`;

/** Entries the vendor alone reads, whoever else sees the deal. */
const vendorOnlyActions = new Set(['deal.protection_override', 'deal.protection_overridden']);

function summarize(
  action: string,
  after: Record<string, unknown> | null,
  before: Record<string, unknown> | null,
  hidden: Set<RedactedDealField>,
) {
  const a = after ?? {};
  switch (action) {
    case 'deal.registered':
      return a.referralId
        ? 'Registered from a referral'
        : a.status === 'approved'
          ? 'Recorded by the vendor'
          : 'Registered';
    case 'deal.updated':
      return `Details changed: ${Object.keys(a).join(', ')}`;
    case 'deal.approved':
      return `Approved with ${String(a.protectionDays)} days of protection (${String(a.protectionBasis)})`;
    case 'deal.rejected':
      return `Rejected${because(a.reason, 'decisionReason', hidden)}`;
    case 'deal.extension_requested':
      return `Extension of ${String(a.extensionDays)} days requested${because(a.reason, 'extensionReason', hidden)}`;
    case 'deal.extended':
      return `Protection extended by ${String(a.days)} days`;
    case 'deal.expired':
      return 'Protection expired';
    case 'deal.won':
      return `Won on ${String(a.closeDate)}`;
    case 'deal.lost':
      return `Lost on ${String(a.closeDate)}${because(a.reason, 'lostReason', hidden)}`;
    case 'deal.protection_override': {
      const held = (a.overridden as { organizationName: string; dealId: string }[] | undefined) ?? [];
      const names = held.map((h) => `${h.organizationName} (deal ${h.dealId})`).join(', ');
      return `Approved over the protection held by ${names}: ${String(a.reason)}`;
    }
    case 'deal.protection_overridden':
      return `${String(a.organizationName)}’s registration of this customer (deal ${String(a.dealId)}) was approved over this deal’s protection, which still runs: ${String(a.reason)}`;
    case 'deal.involvement_added':
      return `${String(a.organizationName)} added as ${roleWord(a.role)}`;
    case 'deal.involvement_proposed':
      return `${String(a.organizationName)} proposed as ${roleWord(a.role)}`;
    case 'deal.involvement_confirmed':
      return `${String(a.organizationName)} confirmed as ${roleWord(a.role)}`;
    case 'deal.involvement_changed':
      return `${String(a.organizationName)} now ${roleWord(a.role)} (was ${roleWord(a.fromRole)})`;
    case 'deal.involvement_removed':
      return `${String(before?.organizationName)} removed (${roleWord(before?.role)})`;
    default:
      return null;
  }
}

export async function dealTimeline(db: Db, ctx: Ctx, id: string) {
  const loaded = await loadVisible(db, ctx.actor, id);
  const { deal } = loaded;
  // The timeline reads the deal as the record does: what GET /deals/{id} hides, it hides.
  const hidden = hiddenDealFields(ctx.actor, deal);
  const rows = await db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      actorOrgId: auditLog.actorOrgId,
      userName: users.name,
      orgName: organizations.name,
      orgKind: organizations.kind,
    })
    .from(auditLog)
    .leftJoin(users, sql`${users.id} = ${auditLog.actorUserId}`)
    .leftJoin(organizations, sql`${organizations.id} = ${auditLog.actorOrgId}`)
    .where(and(eq(auditLog.entityType, 'deal'), eq(auditLog.entityId, deal.id)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  const items = [];
  // Proposals are the proposer's, the registrant's and the vendor's until confirmed (involvementDto's rule).
  const seesProposals = ctx.actor.orgKind === 'vendor' || deal.registeredByOrgId === ctx.actor.orgId;
  for (const r of rows) {
    if (vendorOnlyActions.has(r.action) && ctx.actor.orgKind !== 'vendor') continue;
    const summary = summarize(r.action, r.after, r.before, hidden);
    if (!summary) continue;
    if (
      !seesProposals &&
      (r.action === 'deal.involvement_proposed' || r.action === 'deal.involvement_removed')
    ) {
      const about = (r.after ?? r.before ?? {}) as { organizationId?: string; status?: string };
      const mine = about.organizationId === ctx.actor.orgId || r.actorOrgId === ctx.actor.orgId;
      if (!mine && (r.action === 'deal.involvement_proposed' || about.status !== 'confirmed')) continue;
    }
    // People are named to their own organization and to the vendor's staff; to others, the organization.
    const person =
      ctx.actor.orgKind === 'vendor' || r.actorOrgId === ctx.actor.orgId || r.orgKind === 'vendor';
    const actor = r.actorOrgId
      ? person
        ? (r.userName ?? r.orgName)
        : r.orgName
      : 'PartnerGraph (scheduled)';
    items.push({ at: r.at.toISOString(), action: r.action, actor: actor ?? null, summary });
  }
  if (items.some((i) => !vendorOnlyActions.has(i.action))) return { items };
  const history = await historyFromRecord(db, redactDeal(ctx.actor, deal), loaded);
  return { items: [...history, ...items].sort((a, b) => a.at.localeCompare(b.at)) };
}

/**
 * Deals that arrived with their history (imported, or the demo's) have no audit
 * entries of their own: their timeline is read from the dates the record keeps.
 */
async function historyFromRecord(db: Db, deal: RedactedDeal, loaded: LoadedDeal) {
  const at = (d: Date | string) => (typeof d === 'string' ? new Date(`${d}T00:00:00Z`) : d).toISOString();
  const out: { at: string; action: string; actor: string | null; summary: string }[] = [];
  const registrant = loaded.registrantName;
  out.push({
    at: at(deal.createdAt),
    action: 'deal.registered',
    actor: registrant,
    summary: deal.referralId
      ? 'Registered from a referral'
      : deal.vendorRecorded
        ? 'Recorded by the vendor'
        : 'Registered',
  });
  if (deal.approvedAt && !deal.vendorRecorded && deal.protectionDays) {
    out.push({
      at: at(deal.approvedAt),
      action: 'deal.approved',
      actor: null,
      summary: `Approved with ${deal.protectionDays} days of protection`,
    });
  }
  const involved = (await involvementsOf(db, [deal.id])).filter(
    (i) => i.involvement.status === 'confirmed' && i.involvement.organizationId !== deal.registeredByOrgId,
  );
  for (const i of involved) {
    out.push({
      at: at(i.involvement.involvedAt),
      action: 'deal.involvement_added',
      actor: null,
      summary: `${i.orgName} added as ${roleWord(i.involvement.role)}`,
    });
  }
  if (deal.status === 'rejected' && deal.decidedAt) {
    out.push({
      at: at(deal.decidedAt),
      action: 'deal.rejected',
      actor: null,
      summary: deal.decisionReason ? `Rejected: ${deal.decisionReason}` : 'Rejected',
    });
  }
  if (deal.status === 'expired' && deal.protectionExpiresAt) {
    out.push({
      at: at(deal.protectionExpiresAt),
      action: 'deal.expired',
      actor: null,
      summary: 'Protection expired',
    });
  }
  if (deal.closeDate && (deal.status === 'won' || deal.status === 'lost')) {
    out.push({
      at: at(deal.closeDate),
      action: `deal.${deal.status}`,
      actor: null,
      summary:
        deal.status === 'won'
          ? `Won on ${deal.closeDate}`
          : `Lost on ${deal.closeDate}${deal.lostReason ? `: ${deal.lostReason}` : ''}`,
    });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** Tells the registering partner's admins how its registration was decided (after the commit). */
export async function tellDecision(db: Db, mail: { mailer: Mailer; site: Site }, decided: Deal) {
  if (decided.vendorRecorded) return;
  const [row] = await db.select().from(deals).where(eq(deals.id, decided.id));
  if (!row) return;
  // The registrant's admins read the deal as their organization does, not as the reviewer did.
  const deal = redactDeal({ orgKind: 'partner', orgId: row.registeredByOrgId }, row);
  const about = {
    organizationName: decided.registeredBy.name,
    dealId: deal.id,
    customerName: deal.customerName,
  };
  await notifyOrganization(
    db,
    mail.mailer,
    deal.registeredByOrgId,
    deal.status === 'approved'
      ? dealApprovedEmail({ ...about, protectedUntil: deal.protectionExpiresAt }, mail.site)
      : dealRejectedEmail({ ...about, reason: deal.decisionReason ?? '' }, mail.site),
    { kind: 'deal', link: `/deals/${deal.id}` },
  );
}
