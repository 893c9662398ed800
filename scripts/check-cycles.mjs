// Fails when any import cycle exists in the server, the web app, the shared packages or the benchmarks
// (part of `npm test`). Type-only imports count: a cycle of types still ties two files together.
//
// One edge is skipped, on purpose: the schema's foreign-key loop between users and organizations (a user
// belongs to an organization; a partner's channel manager is a user). Drizzle can only declare each
// foreign key by naming the other table's column, so the two table files must import each other; the
// references are read lazily (`() => users.id`), so the loop is harmless at load time.
import { spawnSync } from 'node:child_process';

const res = spawnSync(
  'npx',
  [
    'dpdm',
    '--no-warning',
    '--no-tree',
    '--exit-code',
    'circular:1',
    'apps/server/src/**/*.ts',
    'apps/server/test/**/*.ts',
    'apps/server/scripts/**/*.ts',
    'apps/web/src/**/*.ts',
    'apps/web/src/**/*.tsx',
    'apps/web/e2e/**/*.ts',
    'packages/*/src/**/*.ts',
    'bench/**/*.ts',
    'scripts/*.ts',
    // Last: an array option would swallow the file patterns after it.
    '--skip-imports',
    '.*/organizations\\.tables\\.ts:.*/identity\\.tables\\.ts',
  ],
  { stdio: 'inherit' },
);
process.exit(res.status ?? 1);
