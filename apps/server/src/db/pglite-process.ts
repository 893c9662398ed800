// The embedded database runs here, in its own process: a PGlite query blocks the
// event loop of the process it runs in, so the HTTP server talks to it over the
// PostgreSQL wire protocol instead, through the same `pg` driver it uses for a
// real server.
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import lockfile from 'proper-lockfile';
import { dataDirLock, serveBackups } from './backup';
import type { ChildMessage, ParentMessage } from './pglite-messages';

const dataDir = process.argv[2];
const send = (m: ChildMessage) => process.send?.(m);

async function main() {
  if (!dataDir) throw new Error('usage: pglite-process <dataDir>');
  fs.mkdirSync(dataDir, { recursive: true });
  // PGlite takes no lock of its own; two processes on one directory would corrupt it.
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, dataDirLock);
  } catch {
    send({ type: 'error', message: `DATA_DIR ${dataDir} is in use by another PartnerGraph process` });
    process.exit(1);
  }
  // Extensions the migrations create must be loaded into PGlite's WASM first.
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  // The pool uses one connection at a time; room for more lets a connection the pool discarded after an
  // error (pg closes a client whose query failed) finish closing while its replacement connects.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  // PGlite is one backend behind every socket: what a session leaves behind outlives its connection. A pool
  // that replaces its connection (idle, or after a broken one) starts again on a fresh session, as it would
  // on PostgreSQL, so the named prepared statements of the connection before it are dropped first — else
  // its first prepared query fails with "prepared statement already exists". Queued behind whatever the
  // backend is running, and ahead of the new connection's start-up packet.
  server.addEventListener('connection', () => {
    db.exec('DEALLOCATE ALL').catch((err: unknown) =>
      console.warn(`could not reset the session: ${String(err)}`),
    );
  });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  // `partnergraph backup` asks this process, the only one that may read the directory while it runs.
  const stopBackups = await serveBackups(db, dataDir);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopBackups().catch(() => undefined);
    await server.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    await release().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (m: ParentMessage) => m.type === 'stop' && void stop());
  // The parent died without asking: close cleanly rather than leave the directory locked.
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => undefined); // the parent decides when to stop on Ctrl-C
  send({ type: 'ready', port });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
