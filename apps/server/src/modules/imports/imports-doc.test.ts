import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { importColumnsMarkdown } from './columns-doc';

it('docs/IMPORTS.md lists the columns the importers read (npm run imports:doc -w apps/server)', () => {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../docs/IMPORTS.md');
  const doc = fs.readFileSync(file, 'utf8');
  expect(doc.endsWith(importColumnsMarkdown())).toBe(true);
});
