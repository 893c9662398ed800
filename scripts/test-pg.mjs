// Runs the unit and integration suite against a real PostgreSQL server.
// DATABASE_URL names a database the tests may use to create (and drop) one
// fresh database per test file; it defaults to the local server.
import { spawnSync } from 'node:child_process';

const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
console.log(`Integration suite on PostgreSQL: ${url.replace(/\/\/[^@]*@/, '//***@')}`);
const res = spawnSync('npx', ['vitest', 'run'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url },
});
process.exit(res.status ?? 1);
