// Fails when the tables (src/**/*.tables.ts) and the committed migrations (drizzle/) disagree: a column
// added without `npm run db:generate`, or a migration edited by hand. drizzle-kit generates into a copy
// of drizzle/; if it writes anything, a migration is missing. Part of `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-migrations-'));
const out = path.join(tmp, 'drizzle');
fs.cpSync(path.join(server, 'drizzle'), out, { recursive: true });
const config = path.join(tmp, 'drizzle.config.json');
// drizzle-kit resolves `out` against the working directory, so it is given relative to it.
fs.writeFileSync(
  config,
  JSON.stringify({
    dialect: 'postgresql',
    schema: ['./src/modules/*/*.tables.ts', './src/db/*.tables.ts'],
    out: path.relative(server, out),
  }),
);
const before = new Set(fs.readdirSync(out));
const res = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config], {
  cwd: server,
  encoding: 'utf8',
});
const added = fs.readdirSync(out).filter((f) => !before.has(f) && f.endsWith('.sql'));
if (res.status !== 0) {
  console.error(res.stdout, res.stderr);
  process.exit(1);
}
if (added.length) {
  console.error('The tables and the committed migrations disagree; drizzle-kit would generate:\n');
  for (const f of added) console.error(fs.readFileSync(path.join(out, f), 'utf8'));
  console.error('\nRun `npm run db:generate -- --name <what-changed>` and commit the migration.');
  process.exit(1);
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log('Migrations match the tables.');
