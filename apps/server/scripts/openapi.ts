// Writes or checks the committed OpenAPI document (apps/server/openapi.json)
// against the one generated from the route schemas. `check` fails on drift,
// so a change to the API is always a visible change to the contract.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import type { Db } from '../src/db/client';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../openapi.json');
const mode = process.argv[2];

// Building the app registers routes without touching the database, so none is opened.
const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), db: {} as Db, logger: false });
await app.ready();
const generated = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();

if (mode === 'write') {
  fs.writeFileSync(file, generated);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
} else {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  if (committed !== generated) {
    console.error(
      'openapi.json is out of date with the route schemas: run `npm run openapi:write` and commit it.',
    );
    process.exit(1);
  }
  console.log('openapi.json matches the route schemas');
}
