import { importers } from './imports.service';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * docs/IMPORTS.md's column reference, written from the importers' own field
 * lists: the documentation cannot drift from what the importer reads
 * (imports-doc.test.ts compares the committed file with this).
 */
export function importColumnsMarkdown(): string {
  const out: string[] = [
    '<!-- Generated from apps/server/src/modules/imports/*.importer.ts by `npm run imports:doc -w apps/server`. Do not edit. -->',
    '',
    '## Columns by type',
    '',
    'Import in this order: each type refers to records of the types before it.',
    '',
  ];
  for (const i of Object.values(importers)) {
    out.push(`### ${i.type}: ${i.label}`, '');
    out.push(
      `Key: \`${i.key}\` (a re-import with the same key updates the record).` +
        (i.dependsOn.length ? ` Import first: ${i.dependsOn.map((d) => `\`${d}\``).join(', ')}.` : ''),
      '',
    );
    out.push(
      '| field | required | what it holds | example | also matched from |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const f of i.fields)
      out.push(
        `| \`${f.key}\` | ${f.required ? 'yes' : ''} | ${cell(f.description)} | \`${cell(f.example)}\` | ${(f.aliases ?? []).map((a) => `\`${cell(a)}\``).join(', ')} |`,
      );
    out.push('');
  }
  return out.join('\n');
}
