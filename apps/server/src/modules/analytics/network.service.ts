import { eq, sql, type SQL } from 'drizzle-orm';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { NetworkReport } from '@partnergraph/shared/contracts/analytics';
import type { Db, Queryable } from '../../db/client';
import { readSettings } from '../settings/settings.service';
import { partnerGraphs } from './analytics.tables';
import { typeNames } from './names';
import { type LayoutEdge, layoutNetwork } from './network.layout';
import { type Scope, addMonths, ceilDay, monthsOf, periodOf, resolveScope } from './period';
import { wonCte } from './revenue.service';
import { activePartner, none, partnerMatch, primaryType, ratio, value } from './sql';
import { forgetSnapshots, sourcesVersion } from './snapshots';

/** The window of the partner graph (metrics.md): the 12 months before `to`. */
export const windowOf = (to: Date) => ({ from: addMonths(to, -12), to });

/**
 * Interactions between two partners (metrics.md), each with the span it
 * lasts: a connection from its start to its end (still running: infinity), a
 * partner-to-partner referral and a co-involvement on a non-rejected deal at
 * their creation. An interaction is in a window [ws, we) when t0 < we and t1 ≥ ws.
 */
const interactions = (from: Date, to: Date) => sql`interactions as (
  select least(c.requester_org_id, c.recipient_org_id) as a, greatest(c.requester_org_id, c.recipient_org_id) as b,
    c.started_at as t0, coalesce(c.ended_at, 'infinity'::timestamptz) as t1
  from connections c where c.started_at is not null
    and c.started_at < ${to.toISOString()}::timestamptz and coalesce(c.ended_at, 'infinity'::timestamptz) >= ${from.toISOString()}::timestamptz
  union all
  select least(rf.referrer_org_id, rf.recipient_org_id), greatest(rf.referrer_org_id, rf.recipient_org_id),
    rf.created_at, rf.created_at
  from referrals rf
  where rf.source = 'partner' and not rf.to_vendor and rf.referrer_org_id is not null
    and rf.referrer_org_id <> rf.recipient_org_id
    and rf.created_at >= ${from.toISOString()}::timestamptz and rf.created_at < ${to.toISOString()}::timestamptz
  union all
  select i1.organization_id, i2.organization_id, d.created_at, d.created_at
  from deals d
  join deal_involvements i1 on i1.deal_id = d.id and i1.status = 'confirmed'
  join deal_involvements i2 on i2.deal_id = d.id and i2.status = 'confirmed' and i1.organization_id < i2.organization_id
  where d.status <> 'rejected'
    and d.created_at >= ${from.toISOString()}::timestamptz and d.created_at < ${to.toISOString()}::timestamptz
)`;

/** Active partners matching the partner filters: the graph's nodes. */
const nodesCte = (scope: Scope) => sql`nodes as (
  select o.id from organizations o
  where o.kind = 'partner' and ${activePartner(sql`o.id`)} and ${partnerMatch(sql`o.id`, scope.filters)}
)`;

/** Edge rows (a, b, weight) of the graph over one window, between nodes only. */
function edgesIn(scope: Scope, ws: Date, we: Date): SQL {
  return sql`with ${nodesCte(scope)}, ${interactions(ws, we)}
    select x.a::text as a, x.b::text as b, count(*)::int as weight
    from interactions x
    where x.t0 < ${we.toISOString()}::timestamptz and x.t1 >= ${ws.toISOString()}::timestamptz
      and x.a in (select id from nodes) and x.b in (select id from nodes)
    group by x.a, x.b
    order by x.a, x.b`; // Louvain's result depends on the order edges are added: keep it fixed.
}

interface Structure {
  nodes: number;
  edges: number;
  connected: number;
}

function structureFigures(s: Structure) {
  return {
    participationRate: ratio(s.connected, s.nodes, 'No active partners'),
    density:
      s.nodes >= 2
        ? value((2 * s.edges) / (s.nodes * (s.nodes - 1)))
        : none('Density needs at least two active partners'),
  };
}

/** Node count, edge count and nodes with degree ≥ 1 for each window end, in one statement. */
async function structures(q: Queryable, scope: Scope, ends: Date[]): Promise<Map<number, Structure>> {
  const values = sql.join(
    ends.map((e) => sql`(${windowOf(e).from.toISOString()}::timestamptz, ${e.toISOString()}::timestamptz)`),
    sql`, `,
  );
  const res = await q.execute<{ we: string; edges: number; connected: number; nodes: number }>(sql`
    with ${nodesCte(scope)}, ${interactions(windowOf(new Date(Math.min(...ends.map((x) => x.getTime())))).from, new Date(Math.max(...ends.map((x) => x.getTime()))))}, windows(ws, we) as (values ${values}),
    pairs as (
      select distinct w.we, x.a, x.b from windows w
      join interactions x on x.t0 < w.we and x.t1 >= w.ws
      where x.a in (select id from nodes) and x.b in (select id from nodes)
    )
    select (extract(epoch from w.we) * 1000)::bigint::text as we,
      coalesce(e.edges, 0)::int as edges, coalesce(c.connected, 0)::int as connected,
      (select count(*) from nodes)::int as nodes
    from windows w
    left join (select we, count(*) as edges from pairs group by we) e on e.we = w.we
    left join (
      select we, count(distinct n) as connected
      from (select we, a as n from pairs union all select we, b from pairs) u group by we
    ) c on c.we = w.we`);
  return new Map(
    res.rows.map((r) => [Number(r.we), { nodes: r.nodes, edges: r.edges, connected: r.connected }]),
  );
}

/** Network revenue share from its sums over won deals (live or from the rollup). */
export function networkShareOf(
  r: { network: string | null; touched: string | null } | undefined,
  when: 'period' | 'month',
) {
  return ratio(
    Number(r?.network ?? 0),
    Number(r?.touched ?? 0),
    `No partner-touched deals were won in this ${when}`,
  );
}

/** Network revenue share (metrics.md) per calendar month of P and over P. */
export async function networkShares(q: Queryable, scope: Scope) {
  const res = await q.execute<{
    m: string | null;
    network: string | null;
    touched: string | null;
    g: number;
  }>(sql`
    with ${wonCte(scope)}
    select to_char(date_trunc('month', close_date), 'YYYY-MM') as m, grouping(date_trunc('month', close_date))::int as g,
      coalesce(round(sum(amt) filter (where touched and (partners >= 2 or exists (select 1 from referrals rf
        where rf.id = won.referral_id and rf.source = 'partner' and not rf.to_vendor)))), 0)::text as network,
      coalesce(round(sum(amt) filter (where touched)), 0)::text as touched
    from won group by grouping sets ((date_trunc('month', close_date)), ())`);
  const share = (r: (typeof res.rows)[number] | undefined, when: 'period' | 'month') =>
    networkShareOf(r, when);
  return {
    whole: share(
      res.rows.find((r) => r.g === 1),
      'period',
    ),
    byMonth: new Map(res.rows.filter((r) => r.g === 0).map((r) => [r.m!, share(r, 'month')])),
  };
}

export async function networkFigures(q: Queryable, scope: Scope) {
  return {
    ...(await networkStructure(q, scope)),
    networkRevenueShare: (await networkShares(q, scope)).whole,
  };
}

/** Participation and density of the graph over the window ending at `to`. */
export async function networkStructure(q: Queryable, scope: Scope) {
  return (await networkStructures(q, scope, [scope.to]))[0]!;
}

/** The same for windows ending at each of `ends`, in one pass over the interactions. */
export async function networkStructures(q: Queryable, scope: Scope, ends: Date[]) {
  const all = await structures(q, scope, ends);
  return ends.map((e) => {
    const s = all.get(e.getTime())!;
    return { ...s, ...structureFigures(s) };
  });
}

// --- the graph: PageRank, Louvain, layout ---

const DRAWN_NODES = 1500;
/** Above this many edges a graph is computed by the job only, never on a request. */
const INLINE_EDGE_LIMIT = 20_000;
const BETWEENNESS_NODE_LIMIT = 3_000;

/** A fixed-seed generator (mulberry32): Louvain and the layout give the same answer on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function computeGraph(q: Queryable, scope: Scope, withBetweenness: boolean) {
  const window = windowOf(scope.to);
  const edges = (
    await q.execute<{ a: string; b: string; weight: number }>(edgesIn(scope, window.from, window.to))
  ).rows;
  const nodeRows = (
    await q.execute<{ id: string; name: string; ptype: string }>(sql`
      with ${nodesCte(scope)}
      select o.id::text as id, o.name, ${primaryType(sql`o.id`)} as ptype
      from nodes n join organizations o on o.id = n.id order by o.id`)
  ).rows;
  const names = await typeNames(q);
  const g = new Graph({ type: 'undirected' });
  for (const n of nodeRows) g.addNode(n.id, { name: n.name, ptype: n.ptype });
  for (const e of edges) g.addEdge(e.a, e.b, { weight: e.weight });

  const rank = g.order ? pagerank(g, { alpha: 0.85, getEdgeWeight: 'weight' }) : {};
  const community = g.order
    ? louvain(g, { getEdgeWeight: 'weight', resolution: 1, rng: seeded(42) })
    : ({} as Record<string, number>);
  // graphology's Brandes cannot size its stack for an empty graph (filters that match no partner): nothing to rank.
  const between =
    withBetweenness && g.order <= BETWEENNESS_NODE_LIMIT
      ? g.order
        ? betweennessCentrality(g, { normalized: true })
        : {}
      : null;

  // Clusters numbered by size, largest first, so "cluster 1" means the same on every run.
  const sizes = new Map<number, string[]>();
  for (const [node, c] of Object.entries(community)) sizes.set(c, [...(sizes.get(c) ?? []), node]);
  const order = [...sizes.entries()].sort(
    (x, y) => y[1].length - x[1].length || (x[1][0]! < y[1][0]! ? -1 : 1),
  );
  const renumber = new Map(order.map(([c], i) => [c, i + 1]));

  const byRank = g
    .nodes()
    .map((id) => ({ id, rank: rank[id] ?? 0 }))
    .sort((x, y) => y.rank - x.rank || (x.id < y.id ? -1 : 1));
  const node = (id: string) => {
    const a = g.getNodeAttributes(id) as { name: string; ptype: string };
    return {
      id,
      name: a.name,
      partnerType: a.ptype,
      partnerTypeName: names.get(a.ptype) ?? a.ptype,
      degree: g.degree(id),
      pagerank: rank[id] ?? 0,
      cluster: renumber.get(community[id]!) ?? 0,
      ...(between ? { betweenness: between[id] ?? 0 } : {}),
    };
  };

  // Draw the highest-ranked nodes: the linked ones by ForceAtlas2, the unlinked in a band of their own.
  const drawnOrder = byRank.slice(0, DRAWN_NODES).map((n) => n.id);
  const drawn = new Set(drawnOrder);
  const drawnEdges: LayoutEdge[] = [];
  g.forEachEdge((_e, attrs, s, t) => {
    if (drawn.has(s) && drawn.has(t))
      drawnEdges.push({ source: s, target: t, weight: (attrs as { weight: number }).weight });
  });
  const positions = layoutNetwork(drawnOrder, drawnEdges, seeded(7));
  const graph: NonNullable<NetworkReport['graph']> = {
    computedAt: new Date().toISOString(),
    status: 'ready',
    nodes: drawnOrder.map((id) => ({ ...node(id), ...positions.get(id)! })),
    edges: drawnEdges,
    clusters: order.slice(0, 50).map(([c, members]) => ({
      id: renumber.get(c)!,
      size: members.length,
      topPartner: (
        g.getNodeAttributes(
          members.reduce((best, m) => ((rank[m] ?? 0) > (rank[best] ?? 0) ? m : best), members[0]!),
        ) as { name: string }
      ).name,
    })),
    drawnNodes: drawn.size,
    totalNodes: g.order,
    filtered: Object.values(scope.filters).some(Boolean),
  };
  const connectors = byRank.slice(0, 10).map(({ id }) => {
    const n = node(id);
    return {
      organizationId: n.id,
      name: n.name,
      partnerType: n.partnerType,
      partnerTypeName: n.partnerTypeName,
      pagerank: n.pagerank,
      degree: n.degree,
      cluster: n.cluster,
      ...(between ? { betweenness: n.betweenness } : {}),
    };
  });
  return { graph, connectors, nodeCount: g.order, edgeCount: edges.length };
}

const inFlight = new Map<string, Promise<unknown>>();

/**
 * How far what the graph reads has moved (analytics.tables.ts): read before
 * computing, so a write made meanwhile leaves the stored graph behind.
 */
async function storeGraph(
  db: Db,
  windowTo: string,
  sourcesVersion: number,
  computed: Pick<Awaited<ReturnType<typeof computeGraph>>, 'graph' | 'connectors'>,
) {
  const row = {
    computedAt: new Date(computed.graph.computedAt),
    sourcesVersion,
    graph: computed.graph,
    connectors: computed.connectors,
  };
  await db
    .insert(partnerGraphs)
    .values({ windowTo, ...row })
    .onConflictDoUpdate({ target: partnerGraphs.windowTo, set: row });
}

/** Computes and stores the unfiltered graph for the window ending at `to` (the job's work). */
export async function refreshPartnerGraph(db: Db, to?: Date) {
  const { reportingCurrency } = await readSettings(db);
  const scope = resolveScope(to ? { to: to.toISOString() } : {}, reportingCurrency);
  const windowTo = ceilDay(scope.to);
  const started = Date.now();
  const version = await sourcesVersion(db);
  const computed = await computeGraph(db, scope, false);
  await storeGraph(db, windowTo, version, computed);
  // A kept network report holds the graph it was computed with: the new one shows on the next request.
  await forgetSnapshots(db, 'network');
  const { graph, nodeCount, edgeCount } = computed;
  return { nodes: nodeCount, drawnNodes: graph.nodes.length, edges: edgeCount, ms: Date.now() - started };
}

/**
 * A stored graph is current while nothing it reads has been written since it
 * was computed, whatever window it covers: an import of history changes a
 * past window as much as today's. Otherwise it is recomputed (or, too large
 * for a request, shown as `computing` while the background run catches up),
 * so its PageRank and connectors never disagree with the live edge counts.
 */
async function graphFor(db: Db, scope: Scope, withBetweenness: boolean) {
  const filtered = Object.values(scope.filters).some(Boolean);
  const windowTo = ceilDay(scope.to);
  const version = await sourcesVersion(db);
  const [cached] = await db.select().from(partnerGraphs).where(eq(partnerGraphs.windowTo, windowTo));
  const fresh = cached?.sourcesVersion === version;
  if (!filtered && !withBetweenness && cached && fresh)
    return { graph: cached.graph, connectors: cached.connectors };

  const size = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (${edgesIn(scope, windowOf(scope.to).from, scope.to)}) e`,
  );
  if ((size.rows[0]?.n ?? 0) <= INLINE_EDGE_LIMIT) {
    const computed = await computeGraph(db, scope, withBetweenness);
    if (!filtered && !withBetweenness) await storeGraph(db, windowTo, version, computed);
    return { graph: computed.graph, connectors: computed.connectors };
  }
  // Too large to compute on a request: start it in the background (once) and answer what is cached.
  if (!filtered && !inFlight.has(windowTo)) {
    const p = refreshPartnerGraph(db, scope.to)
      .catch(() => undefined)
      .finally(() => inFlight.delete(windowTo));
    inFlight.set(windowTo, p);
  }
  return cached
    ? { graph: { ...cached.graph, status: 'computing' as const }, connectors: cached.connectors }
    : { graph: null, connectors: [] };
}

export async function networkReport(db: Db, scope: Scope, withBetweenness: boolean): Promise<NetworkReport> {
  const months = monthsOf(scope.from, scope.to);
  const ends = [...new Set([...months.map((m) => m.to.getTime()), scope.to.getTime()])].map(
    (t) => new Date(t),
  );
  const structs = await structures(db, scope, ends);
  const shares = await networkShares(db, scope);
  const head = structs.get(scope.to.getTime())!;
  const window = windowOf(scope.to);
  const { graph, connectors } = await graphFor(db, scope, withBetweenness);
  return {
    period: periodOf(scope),
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
    nodes: head.nodes,
    edges: head.edges,
    ...structureFigures(head),
    networkRevenueShare: shares.whole,
    series: months.map((m) => ({
      month: m.label,
      ...structureFigures(structs.get(m.to.getTime())!),
      networkRevenueShare:
        shares.byMonth.get(m.label) ?? none('No partner-touched deals were won in this month'),
    })),
    graph,
    connectors,
  };
}
