#!/usr/bin/env node
// `npx partnergraph …`: runs the compiled command line (dist/cli.js, written by `npm run build -w apps/server`
// and by `npm start`). In a checkout that has not been built, or with PARTNERGRAPH_FROM_SOURCE=1 (the test
// suites set it, so they never run a stale build), it runs the TypeScript source through tsx instead.
import fs from 'node:fs';

const compiled = new URL('../dist/cli.js', import.meta.url);
if (process.env.PARTNERGRAPH_FROM_SOURCE !== '1' && fs.existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
