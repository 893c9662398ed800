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
    // Each test file gets its own database; two at a time suits a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    // The CLI the tests spawn (bin/partnergraph.mjs) runs the source under test, never an earlier build in dist/.
    env: { PARTNERGRAPH_FROM_SOURCE: '1' },
    hookTimeout: 90_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          globalSetup: ['apps/server/test/global-setup.ts'],
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/server/test/**/*.test.ts',
          ],
          exclude: slow,
        },
      },
      {
        extends: true,
        test: { name: 'slow', include: slow, globalSetup: ['apps/server/test/global-setup.ts'] },
      },
      {
        // The web app's helpers and form logic, rendered in jsdom with Testing Library (part of `npm test`).
        extends: true,
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['apps/web/test/setup.ts'],
        },
      },
    ],
  },
});
