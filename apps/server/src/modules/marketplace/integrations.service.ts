import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createIntegrationBody,
  integrationListQuery,
  recordInstallBody,
  reviewIntegrationBody,
  updateIntegrationBody,
} from '@partnergraph/shared/contracts/marketplace';
import type { Db, Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import { assertVersion, runChange, type ChangeRecorder, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import { containing, keyset, where } from '../../lib/pagination';
import { customerDomain } from '../organizations/company-identity';
import { organizationsView, findTypesOfOrganizations } from '../organizations/organizations.repository';
import { integrationInstalls, integrationListings } from './marketplace.tables';
import { seesInstallsOf, visibleListings } from './marketplace.visibility';
import { isVendor } from '../../lib/actor';

type ListingRow = typeof integrationListings.$inferSelect;

function select(q: Queryable) {
  return q
    .select({
      l: integrationListings,
      orgName: organizationsView.name,
      installs: sql<number>`(select count(*)::int from integration_installs i where i.listing_id = ${qualified(integrationListings.id)})`,
    })
    .from(integrationListings)
    .innerJoin(organizationsView, eq(organizationsView.id, integrationListings.organizationId));
}
type Loaded = Awaited<ReturnType<typeof select>>[number];

const toDto = (r: Loaded) => ({
  id: r.l.id,
  organization: { id: r.l.organizationId, name: r.orgName },
  name: r.l.name,
  category: r.l.category,
  description: r.l.description,
  documentationUrl: r.l.documentationUrl,
  editions: r.l.editions,
  status: r.l.status,
  reviewReason: r.l.reviewReason,
  installCount: r.installs,
  publishedAt: r.l.publishedAt?.toISOString() ?? null,
  version: r.l.version,
  createdAt: r.l.createdAt.toISOString(),
  updatedAt: r.l.updatedAt.toISOString(),
});

async function find(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) throw notFound('integration');
  const query = select(q).where(and(eq(integrationListings.id, id), visibleListings(actor)));
  const [row] = forUpdate ? await query.for('update', { of: integrationListings }) : await query;
  if (!row) throw notFound('integration');
  return row;
}

export async function getIntegration(db: Db, ctx: Ctx, id: string) {
  return toDto(await find(db, ctx.actor, id));
}

export async function listIntegrations(
  db: Db,
  ctx: Ctx,
  query: z.output<typeof integrationListQuery>,
  page: { limit: number; cursor?: string | undefined },
) {
  const ks = keyset({ name: { column: integrationListings.name, cast: 'text' } }, integrationListings.id, {
    ...page,
    sort: 'name',
  });
  const rows = await select(db)
    .where(
      where(
        visibleListings(ctx.actor),
        query.status ? eq(integrationListings.status, query.status) : undefined,
        query.category ? eq(integrationListings.category, query.category) : undefined,
        query.mine === 'true' ? eq(integrationListings.organizationId, ctx.actor.orgId) : undefined,
        query.q
          ? or(
              ilike(integrationListings.name, containing(query.q)),
              ilike(integrationListings.description, containing(query.q)),
            )
          : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.l.id })),
    (r) => r.l.name,
  );
  return { items: items.map(toDto), nextCursor };
}

export async function createIntegration(db: Db, ctx: Ctx, input: z.output<typeof createIntegrationBody>) {
  const actor = ctx.actor;
  const id = await runChange(db, ctx, async (tx, record) => {
    const builder = (await findTypesOfOrganizations(tx, [actor.orgId])).find(
      (t) => t.code === 'isv' || t.code === 'technology_partner',
    );
    if (!builder) throw forbidden('Integrations are listed by ISVs and technology partners');
    const lid = newId();
    await tx.insert(integrationListings).values({ id: lid, organizationId: actor.orgId, ...input });
    record.audit({
      action: 'integration.created',
      entityType: 'integration',
      entityId: lid,
      after: { name: input.name },
    });
    record.event({
      type: 'integration.created',
      entityType: 'integration',
      entityId: lid,
      organizationIds: [actor.orgId],
      payload: { id: lid, name: input.name },
    });
    return lid;
  });
  return getIntegration(db, ctx, id);
}

async function change(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  who: 'owner' | 'reviewer',
  apply: (tx: Tx, record: ChangeRecorder, l: ListingRow) => Promise<void>,
) {
  await runChange(db, ctx, async (tx, record) => {
    const { l } = await find(tx, ctx.actor, id, true);
    if (who === 'owner' && l.organizationId !== ctx.actor.orgId)
      throw forbidden('Only the listing partner changes it');
    if (who === 'reviewer' && !(await mayReviewListing(tx, ctx.actor, l))) {
      throw forbidden('Channel managers review the listings of partners assigned to them');
    }
    assertVersion(l, version);
    await apply(tx, record, l);
  });
  return getIntegration(db, ctx, id);
}

/** Admins review every listing; channel managers those of partners assigned to them. */
async function mayReviewListing(q: Queryable, actor: Actor, l: ListingRow) {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'channel_manager') return false;
  const [org] = await q
    .select({ manager: organizationsView.channelManagerId })
    .from(organizationsView)
    .where(eq(organizationsView.id, l.organizationId));
  return org?.manager === actor.userId;
}

const bump = (l: ListingRow) => ({ version: l.version + 1, updatedAt: new Date() });

export async function updateIntegration(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof updateIntegrationBody>,
) {
  const { version, ...changes } = input;
  return change(db, ctx, id, version, 'owner', async (tx, record, l) => {
    // A published listing changed by its owner goes back to the vendor: nothing unreviewed is published.
    const status = l.status === 'published' ? ('submitted' as const) : l.status;
    await tx
      .update(integrationListings)
      .set({ ...changes, status, ...bump(l) })
      .where(eq(integrationListings.id, l.id));
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, l[k as keyof ListingRow]]));
    record.audit({
      action: 'integration.updated',
      entityType: 'integration',
      entityId: l.id,
      before: { ...before, status: l.status },
      after: { ...changes, status },
    });
    record.event({
      type: 'integration.updated',
      entityType: 'integration',
      entityId: l.id,
      organizationIds: [l.organizationId],
      payload: { id: l.id, status, changed: Object.keys(changes) },
    });
  });
}

export async function submitIntegration(db: Db, ctx: Ctx, id: string, version: number) {
  return change(db, ctx, id, version, 'owner', async (tx, record, l) => {
    if (l.status !== 'draft' && l.status !== 'rejected')
      throw unprocessable(`This listing is already ${l.status}`);
    await tx
      .update(integrationListings)
      .set({ status: 'submitted', ...bump(l) })
      .where(eq(integrationListings.id, l.id));
    record.audit({
      action: 'integration.submitted',
      entityType: 'integration',
      entityId: l.id,
      before: { status: l.status },
    });
    record.event({
      type: 'integration.submitted',
      entityType: 'integration',
      entityId: l.id,
      payload: { id: l.id },
    });
  });
}

export async function reviewIntegration(
  db: Db,
  ctx: Ctx,
  id: string,
  verdict: 'publish' | 'reject',
  input: z.output<typeof reviewIntegrationBody>,
) {
  if (verdict === 'reject' && !input.reason) {
    throw invalid([{ path: 'body.reason', message: 'Tell the partner why' }]);
  }
  return change(db, ctx, id, input.version, 'reviewer', async (tx, record, l) => {
    if (l.status !== 'submitted')
      throw unprocessable(`Only a submitted listing is reviewed; this one is ${l.status}`);
    const status = verdict === 'publish' ? ('published' as const) : ('rejected' as const);
    await tx
      .update(integrationListings)
      .set({
        status,
        reviewReason: input.reason ?? null,
        publishedAt: status === 'published' ? new Date() : null,
        ...bump(l),
      })
      .where(eq(integrationListings.id, l.id));
    record.audit({
      action: `integration.${status}`,
      entityType: 'integration',
      entityId: l.id,
      after: { status, reason: input.reason ?? null },
    });
    record.event({
      type: `integration.${status}`,
      entityType: 'integration',
      entityId: l.id,
      organizationIds: [l.organizationId],
      payload: { id: l.id, status },
    });
  });
}

/** Which accounts run an integration: the vendor and the listing partner; others see the count on the listing. */
export async function listInstalls(db: Db, ctx: Ctx, id: string) {
  const { l } = await find(db, ctx.actor, id);
  if (!seesInstallsOf(ctx.actor, l)) {
    throw forbidden('Installed accounts are shown to the vendor and the listing partner');
  }
  const rows = await db
    .select()
    .from(integrationInstalls)
    .where(eq(integrationInstalls.listingId, l.id))
    .orderBy(asc(integrationInstalls.customerDomain));
  return {
    items: rows.map((r) => ({
      customerDomain: r.customerDomain,
      customerName: r.customerName,
      installedAt: r.installedAt,
    })),
  };
}

export async function recordInstall(db: Db, ctx: Ctx, id: string, input: z.output<typeof recordInstallBody>) {
  const domain = customerDomain(input.customerDomain);
  if (!domain)
    throw invalid([{ path: 'body.customerDomain', message: 'Not a public web domain (e.g. acme.com)' }]);
  await runChange(db, ctx, async (tx, record) => {
    const { l } = await find(tx, ctx.actor, id, true);
    const allowed = isVendor(ctx.actor)
      ? await mayReviewListing(tx, ctx.actor, l)
      : l.organizationId === ctx.actor.orgId;
    if (!allowed) throw forbidden('Installs are recorded by the listing partner or its channel manager');
    // Drafts count too: a beta connector is often installed before its listing is published.
    // Adoption is counted per customer domain (metrics.md): the registrable one, like deals.
    const installedAt = input.installedAt ?? new Date().toISOString().slice(0, 10);
    await tx
      .insert(integrationInstalls)
      .values({
        listingId: l.id,
        customerDomain: domain.root,
        customerName: input.customerName ?? null,
        installedAt,
        recordedByUserId: ctx.actor.userId,
      })
      .onConflictDoUpdate({
        target: [integrationInstalls.listingId, integrationInstalls.customerDomain],
        set: { customerName: input.customerName ?? null, installedAt },
      });
    record.audit({
      action: 'integration.install_recorded',
      entityType: 'integration',
      entityId: l.id,
      after: { customerDomain: domain.root, installedAt },
    });
  });
  return getIntegration(db, ctx, id);
}
