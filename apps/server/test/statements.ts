// Every statement the `pg` driver sends while a recording is open: the app's pool and its
// transactions alike (PGlite is reached through the same driver, over its socket). The API
// benchmark (bench/api-server.ts) lists and replays a route's statements with it; the tests count
// them (apps/server/test/statement-counts.test.ts).
import pg from 'pg';

export interface RecordedStatement {
  text: string;
  values: unknown[];
  rowMode?: string;
  /** The prepared statement's name, when the statement was sent as one. */
  name?: string;
  ms: number;
}

let recording: RecordedStatement[] | null = null;
let installed = false;

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

function install() {
  if (installed) return;
  installed = true;
  const clientQuery = pg.Client.prototype.query as unknown as QueryFn;
  (pg.Client.prototype as unknown as { query: QueryFn }).query = function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const rec = recording;
    if (!rec || (typeof args[0] === 'object' && args[0] !== null && 'submit' in args[0]))
      return clientQuery.apply(this, args);
    // Drizzle calls query(config, params); pg's pool calls query(config or text, params, callback).
    const cfg = args[0] as string | pg.QueryConfig;
    const params = Array.isArray(args[1]) ? (args[1] as unknown[]) : undefined;
    const entry: RecordedStatement =
      typeof cfg === 'string'
        ? { text: cfg, values: params ?? [], ms: 0 }
        : {
            text: cfg.text,
            values: params ?? cfg.values ?? [],
            rowMode: (cfg as { rowMode?: string }).rowMode,
            ...(cfg.name ? { name: cfg.name } : {}),
            ms: 0,
          };
    rec.push(entry);
    const t0 = performance.now();
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      const cb = last as (err: unknown, res: unknown) => void;
      return clientQuery.apply(this, [
        ...args.slice(0, -1),
        (err: unknown, res: unknown) => {
          entry.ms = performance.now() - t0;
          cb(err, res);
        },
      ]);
    }
    return (clientQuery.apply(this, args) as Promise<unknown>).then((r) => {
      entry.ms = performance.now() - t0;
      return r;
    });
  } as unknown as QueryFn;
}

/** Runs `fn` and answers the statements every `pg` client of this process sent meanwhile. */
export async function recordStatements<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; statements: RecordedStatement[] }> {
  install();
  if (recording) throw new Error('A recording of statements is already open');
  const statements: RecordedStatement[] = [];
  recording = statements;
  try {
    const result = await fn();
    return { result, statements };
  } finally {
    recording = null;
  }
}

/** A statement shortened to one line, for a list a person reads. */
export const oneLine = (s: RecordedStatement, width = 160) =>
  s.text.replace(/\s+/g, ' ').trim().slice(0, width);
