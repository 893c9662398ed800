// Beyond one process: two server processes on one PostgreSQL database, on two
// ports, as behind a load balancer. Checks, each pass or fail:
//   - a session made on A works on B (reads and a CSRF-checked write);
//   - the sign-in rate limit is one limit across both (failures split between
//     A and B: the 11th within the window answers 429, on either);
//   - recurring jobs run once in total (each pg-boss-run job completes once in
//     its slot although both processes ask for it; no run id is worked twice).
import pg from 'pg';
import { startServer, signIn, type ServerProcess } from './servers';
import { scratchLocation } from './support';

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export async function benchScaleOut(databaseUrl: string, log: (s: string) => void): Promise<Check[]> {
  const where = await scratchLocation('postgres', databaseUrl);
  const checks: Check[] = [];
  const servers: ServerProcess[] = [];
  const started = Date.now();
  try {
    // One after the other: the first migrates and seeds, the second finds it done.
    for (let i = 0; i < 2; i++) {
      servers.push(
        await startServer({ DATABASE_URL: where.databaseUrl!, DATA_DIR: '/nonexistent', DEMO_DATA: 'true' }),
      );
    }
    const [a, b] = servers as [ServerProcess, ServerProcess];
    log(
      `scale-out: A ${a.base} ready in ${Math.round(a.readyMs)} ms, B ${b.base} in ${Math.round(b.readyMs)} ms`,
    );

    // A session made on A, used on B.
    const { cookie, csrf } = await signIn(a.base);
    const me = await fetch(`${b.base}/api/v1/me`, { headers: { cookie } });
    const partner = await fetch(`${b.base}/api/v1/partners`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Made on B', types: ['reseller'] }),
    });
    const seen = await fetch(`${a.base}/api/v1/partners?q=Made%20on%20B`, { headers: { cookie } }).then(
      (r) => r.json() as Promise<{ items: unknown[] }>,
    );
    checks.push({
      name: 'a session made on A works on B',
      pass: me.status === 200 && partner.status === 201 && seen.items.length === 1,
      detail: `GET /me on B ${me.status}; POST /partners on B ${partner.status}; A lists it: ${seen.items.length}`,
    });

    // Failed sign-ins for one address, alternating between the two processes.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await fetch(`${(i % 2 ? b : a).base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'someone@bench.test', password: 'not the password' }),
      });
      statuses.push(r.status);
    }
    const first429 = statuses.indexOf(429);
    checks.push({
      name: 'the sign-in limit holds across both',
      pass: first429 === 10 && statuses.slice(0, 10).every((s) => s === 401),
      detail: `attempts 1–12 alternating A/B: ${statuses.join(' ')} (limit: 10 failures per 15 minutes)`,
    });

    // Jobs: both processes ask for every slot's run from a minute after start; each runs once.
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    try {
      const deadline = Date.now() + 120_000;
      let rows: { name: string; n: number; slots: number }[] = [];
      const expected = [
        'expire-deal-protection',
        'enforce-agreement-deadlines',
        'refresh-analytics-overview',
      ];
      while (Date.now() < deadline) {
        rows = (
          await client.query<{ name: string; n: number; slots: number }>(
            `select name, count(*)::int as n, count(distinct singleton_on)::int as slots
             from (select name, singleton_on from pgboss.job where state = 'completed'
                   union all select name, singleton_on from pgboss.archive where state = 'completed') j
             group by name order by name`,
          )
        ).rows;
        if (expected.every((e) => rows.some((r) => r.name === e))) break;
        await new Promise((r) => setTimeout(r, 2000));
      }
      await new Promise((r) => setTimeout(r, 5000)); // room for a duplicate to show up, were there one
      const runIds = servers.flatMap((s) =>
        s.lines.flatMap((l) => {
          try {
            const j = JSON.parse(l) as { runId?: string; job?: string };
            return j.runId ? [`${j.job}:${j.runId}`] : [];
          } catch {
            return [];
          }
        }),
      );
      const byProcess = servers.map((s) => s.lines.filter((l) => l.includes('"runId"')).length);
      const spanMinutes = (Date.now() - started) / 60_000;
      checks.push({
        name: 'jobs run once across both',
        pass:
          expected.every((e) => rows.some((r) => r.name === e)) &&
          rows.every((r) => r.n === r.slots) &&
          new Set(runIds).size === runIds.length,
        detail: `${spanMinutes.toFixed(1)} min: ${rows.map((r) => `${r.name} ${r.n} run(s) in ${r.slots} slot(s)`).join(', ')}; run ids logged ${runIds.length} (distinct ${new Set(runIds).size}; by A ${byProcess[0]}, by B ${byProcess[1]})`,
      });
    } finally {
      await client.end();
    }
    for (const c of checks) log(`scale-out: ${c.pass ? 'PASS' : 'FAIL'} ${c.name}: ${c.detail}`);
    return checks;
  } finally {
    for (const s of servers) await s.stop();
    await where.drop();
  }
}
