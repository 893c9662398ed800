import { defineConfig } from 'vitest/config';

// Browser tests: one server for the whole run, files one after another (they share its database).
export default defineConfig({
  test: {
    include: ['apps/web/e2e/**/*.e2e.ts'],
    globalSetup: ['apps/web/e2e/global-setup.ts'],
    fileParallelism: false,
    // Each test also runs axe on every screen state it visits (apps/web/e2e/support/axe.ts), a second
    // or more per check on a loaded machine: the longest flows need more than the former 60 s.
    testTimeout: 150_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    // expect.poll gives up after 1 s by default: on a loaded machine, late in a run whose audit log and lists
    // have grown with every file before, a filtered table can take longer than that to come back.
    expect: { poll: { timeout: 15_000, interval: 200 } },
  },
});
