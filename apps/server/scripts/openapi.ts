// Writes or checks the committed OpenAPI document (apps/server/openapi.json)
// against the one generated from the route schemas. `check` fails on drift,
// so a change to the API is always a visible change to the contract.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { Db } from '../src/db/client';
import openapiTS, { astToString } from 'openapi-typescript';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../openapi.json');
const mode = process.argv[2];

// Building the app registers routes without touching the database, so none is opened.
const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), db: {} as Db, logger: false });
await app.ready();
const document = app.swagger();
const generated = `${JSON.stringify(document, null, 2)}\n`;
await app.close();

// The typed client (packages/client) is generated from the same document.
const clientFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../packages/client/src/schema.ts',
);
const clientTypes = [
  '// Generated from apps/server/openapi.json by `npm run openapi:write` (openapi-typescript). Do not edit.',
  '/* eslint-disable */',
  astToString(await openapiTS(document as Parameters<typeof openapiTS>[0])),
].join('\n');

const outputs: [string, string][] = [
  [file, generated],
  [clientFile, clientTypes],
];
if (mode === 'write') {
  for (const [f, content] of outputs) {
    fs.writeFileSync(f, content);
    console.log(`wrote ${path.relative(process.cwd(), f)}`);
  }
} else {
  for (const [f, content] of outputs) {
    const committed = fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '';
    if (committed !== content) {
      console.error(
        `${path.relative(process.cwd(), f)} is out of date with the route schemas: run \`npm run openapi:write\` and commit it.`,
      );
      process.exit(1);
    }
  }
  console.log('openapi.json and the client types match the route schemas');
}
