import { defineConfig } from 'vitest/config';

// The process-level suites (a server process, the CLI, backups, import faults, fuzzing) take about as long
// as all the others together; they are their own project so that `npm test` stays quick for a contributor.
// CI runs both (`npm run test:slow`), and `npm run test:pg` runs both on PostgreSQL.
const slow = [
  'apps/server/test/import-fault.test.ts',
  'apps/server/test/backup.test.ts',
  'apps/server/test/fuzz.test.ts',
  'apps/server/test/cli.test.ts',
  'apps/server/test/server-process.test.ts',
];

export default defineConfig({
  test: {
    globalSetup: ['apps/server/test/global-setup.ts'],
    // Each test file gets its own database; two at a time suits a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/server/test/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
          ],
          exclude: slow,
        },
      },
      { extends: true, test: { name: 'slow', include: slow } },
    ],
  },
});
