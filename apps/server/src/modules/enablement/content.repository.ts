import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { containing, keyset, where, type PageRequest } from '../../lib/pagination';
import {
  contentAssets,
  contentAssetVersions,
  contentCollections,
  contentUsageEvents,
} from './enablement.tables';
import { seesUsageOf, visibleAssets, visibleCollections } from './enablement.visibility';

export type AssetRow = typeof contentAssets.$inferSelect;
export type CollectionRow = typeof contentCollections.$inferSelect;

const assetColumns = {
  a: contentAssets,
  collectionName: sql<
    string | null
  >`(select c.name from content_collections c where c.id = ${qualified(contentAssets.collectionId)})`,
  ownerName: sql<
    string | null
  >`(select u.name from users u where u.id = ${qualified(contentAssets.ownerUserId)})`,
};

export async function findCollections(q: Queryable, actor: Actor) {
  return q
    .select({
      c: contentCollections,
      // The outer row by its qualified name: Drizzle writes it unqualified ("id", the asset's own).
      assetCount: sql<number>`(select count(*)::int from content_assets a where a.collection_id = content_collections.id
        and a.retired_at is null and ${visibleAssetsAs(actor)})`,
    })
    .from(contentCollections)
    .where(visibleCollections(actor))
    .orderBy(contentCollections.name, contentCollections.id);
}

/** The asset predicate over an alias `a` (for counts inside another statement). */
function visibleAssetsAs(actor: Actor): SQL {
  const p = visibleAssets(actor);
  if (!p) return sql`true`;
  return sql`a.id in (select ${contentAssets.id} from ${contentAssets} where ${p})`;
}

export async function findCollectionById(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(contentCollections)
    .where(and(eq(contentCollections.id, id), visibleCollections(actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** A collection's assets the actor may see, in the vendor's order, then the unordered newest first. */
export function findCollectionAssets(q: Queryable, actor: Actor, collectionId: string) {
  return q
    .select({
      id: contentAssets.id,
      title: contentAssets.title,
      kind: contentAssets.kind,
      collectionPosition: contentAssets.collectionPosition,
    })
    .from(contentAssets)
    .where(
      where(
        eq(contentAssets.collectionId, collectionId),
        visibleAssets(actor),
        isNull(contentAssets.retiredAt),
      ),
    )
    .orderBy(
      sql`${contentAssets.collectionPosition} asc nulls last`,
      sql`${contentAssets.publishedAt} desc`,
      contentAssets.id,
    )
    .limit(500);
}

export async function updateCollectionRow(
  q: Queryable,
  id: string,
  set: Partial<Pick<CollectionRow, 'name' | 'description' | 'segment' | 'version'>>,
) {
  await q.update(contentCollections).set(set).where(eq(contentCollections.id, id));
}

/**
 * Makes these (live) assets the collection's, in this order. Assets that leave it (`removed`) or join
 * it from elsewhere change (their version moves: the asset says which collection it is in); a move
 * within it does not.
 */
export async function placeCollectionAssets(
  q: Queryable,
  collectionId: string,
  assetIds: string[],
  removed: string[],
) {
  const now = new Date();
  if (removed.length)
    await q
      .update(contentAssets)
      .set({
        collectionId: null,
        collectionPosition: null,
        version: sql`${contentAssets.version} + 1`,
        updatedAt: now,
      })
      .where(inArray(contentAssets.id, removed));
  for (const [position, id] of assetIds.entries()) {
    await q
      .update(contentAssets)
      .set({
        collectionPosition: position,
        collectionId,
        version: sql`case when ${contentAssets.collectionId} is distinct from ${collectionId}::uuid
          then ${contentAssets.version} + 1 else ${contentAssets.version} end`,
        updatedAt: sql`case when ${contentAssets.collectionId} is distinct from ${collectionId}::uuid
          then now() else ${contentAssets.updatedAt} end`,
      })
      .where(eq(contentAssets.id, id));
  }
}

export async function findAssetById(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!isId(id)) return undefined;
  const query = q
    .select(assetColumns)
    .from(contentAssets)
    .where(and(eq(contentAssets.id, id), visibleAssets(actor)));
  const [row] = opts.forUpdate ? await query.for('update', { of: contentAssets }) : await query;
  return row;
}

export interface AssetFilters {
  q?: string | undefined;
  collectionId?: string | undefined;
  kind?: AssetRow['kind'] | undefined;
  fresh?: boolean;
}

export async function findAssets(
  q: Queryable,
  actor: Actor,
  f: AssetFilters,
  page: Omit<PageRequest, 'sort'>,
) {
  const ks = keyset(
    { publishedAt: { column: contentAssets.publishedAt, cast: 'timestamptz' } },
    contentAssets.id,
    {
      ...page,
      sort: '-publishedAt',
    },
  );
  const words = f.q ? containing(f.q) : null;
  const rows = await q
    .select(assetColumns)
    .from(contentAssets)
    .where(
      where(
        visibleAssets(actor),
        // A retired asset leaves every list, the vendor's too; it stays readable by id for the vendor.
        sql`${contentAssets.retiredAt} is null`,
        f.collectionId
          ? isId(f.collectionId)
            ? eq(contentAssets.collectionId, f.collectionId)
            : sql`false`
          : undefined,
        f.kind ? eq(contentAssets.kind, f.kind) : undefined,
        f.fresh ? sql`${contentAssets.publishedAt} > now() - interval '30 days'` : undefined,
        words
          ? sql`(${contentAssets.title} ilike ${words} or ${contentAssets.description} ilike ${words}
              or coalesce(${contentAssets.body}, '') ilike ${words})`
          : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(
    rows.map((r) => ({ ...r, id: r.a.id })),
    (r) => r.a.publishedAt,
  );
}

export function findAssetVersions(q: Queryable, assetId: string) {
  return q
    .select({
      v: contentAssetVersions,
      createdByName: sql<
        string | null
      >`(select u.name from users u where u.id = ${qualified(contentAssetVersions.createdByUserId)})`,
    })
    .from(contentAssetVersions)
    .where(eq(contentAssetVersions.assetId, assetId))
    .orderBy(sql`${contentAssetVersions.number} desc`);
}

export async function insertUsageEvent(q: Queryable, values: typeof contentUsageEvents.$inferInsert) {
  await q.insert(contentUsageEvents).values(values);
}

/** Views and downloads per asset and person; a partner reads its own people's only. */
export async function findUsage(
  q: Queryable,
  actor: Actor,
  f: { assetId?: string | undefined; partnerId?: string | undefined },
) {
  const own = seesUsageOf(actor);
  const res = await q.execute<{
    asset_id: string;
    asset_title: string;
    org_id: string;
    org_name: string;
    user_id: string;
    user_name: string;
    views: number;
    downloads: number;
    last_at: Date | string;
  }>(sql`
    select e.asset_id, a.title as asset_title, e.organization_id as org_id, o.name as org_name,
      e.user_id, u.name as user_name,
      count(*) filter (where e.kind = 'view')::int as views,
      count(*) filter (where e.kind = 'download')::int as downloads,
      max(e.at) as last_at
    from content_usage_events e
    join content_assets a on a.id = e.asset_id
    join organizations o on o.id = e.organization_id
    join users u on u.id = e.user_id
    where ${own ? sql`e.organization_id = ${own}::uuid` : sql`true`}
      and ${f.assetId ? (isId(f.assetId) ? sql`e.asset_id = ${f.assetId}::uuid` : sql`false`) : sql`true`}
      and ${f.partnerId ? (isId(f.partnerId) ? sql`e.organization_id = ${f.partnerId}::uuid` : sql`false`) : sql`true`}
    group by e.asset_id, a.title, e.organization_id, o.name, e.user_id, u.name
    order by max(e.at) desc
    limit 500`);
  return res.rows;
}
