// Runs the browser tests (apps/web/e2e) against the built web app, which the server serves from apps/web/dist.
// `npm run test:e2e` builds first; extra arguments go to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const dist = process.env.WEB_DIST ?? `${root}apps/web/dist`;
if (!existsSync(`${dist}/index.html`)) {
  console.error(`${dist} is missing: run \`npm run build\` first (or use \`npm run test:e2e\`).`);
  process.exit(1);
}

const vitest = `${root}node_modules/vitest/vitest.mjs`;
const result = spawnSync(
  process.execPath,
  [vitest, 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
