// Writes the column reference at the end of docs/IMPORTS.md from the importers' field lists.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importColumnsMarkdown } from '../src/modules/imports/columns-doc';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/IMPORTS.md');
const marker = '<!-- Generated from';
const current = fs.readFileSync(file, 'utf8');
const head = current.includes(marker)
  ? current.slice(0, current.indexOf(marker))
  : `${current.trimEnd()}\n\n`;
fs.writeFileSync(file, `${head}${importColumnsMarkdown()}`);
