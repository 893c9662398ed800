import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ImportType, saveMappingBody, valuesBody } from '@partnergraph/shared/contracts/imports';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { conflict, invalid, notFound } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import { readRecords } from './csv-source';
import { loadMatchers, suggestMapping, vocabularyOf, type Importer, type ValueMapping } from './fields';
import { importers, load } from './imports.service';
import { importMappings } from './imports.tables';

/** Checks the mapping against the type's fields and the file's columns. */
export function checkMapping(importer: Importer, columns: string[], mapping: Record<string, string>) {
  const errors: { path: string; message: string }[] = [];
  const keys = new Set(importer.fields.map((f) => f.key));
  for (const [field, column] of Object.entries(mapping)) {
    if (!keys.has(field))
      errors.push({ path: `mapping.${field}`, message: `No field ${field} in ${importer.type}` });
    else if (!columns.includes(column))
      errors.push({ path: `mapping.${field}`, message: `The file has no column ${column}` });
  }
  for (const f of importer.fields)
    if (f.required && !mapping[f.key])
      errors.push({ path: `mapping.${f.key}`, message: `${f.label} is required: map a column to it` });
  if (errors.length) throw invalid(errors, 'The column mapping does not fit');
}

/** A value mapping names mapped fields whose values are codes. */
export function checkValues(importer: Importer, mapping: Record<string, string>, values: ValueMapping) {
  const errors: { path: string; message: string }[] = [];
  for (const field of Object.keys(values)) {
    const f = importer.fields.find((x) => x.key === field);
    if (!f) errors.push({ path: `values.${field}`, message: `No field ${field} in ${importer.type}` });
    else if (!vocabularyOf(f))
      errors.push({
        path: `values.${field}`,
        message: `${f.label} takes no codes: its values are read as written`,
      });
    else if (!mapping[field])
      errors.push({ path: `values.${field}`, message: `${f.label} is not mapped to a column` });
  }
  if (errors.length) throw invalid(errors, 'The value mapping does not fit');
}

/** Distinct values listed per field: room for every country's name; beyond, the rest read as written. */
const MAX_LISTED_VALUES = 300;

/**
 * The value mapping to confirm before a dry run: for each mapped field that
 * takes codes, the values of its column that are not codes as written, how
 * many rows have each, and the code each most likely means ("Germany" → DE,
 * "Reseller" → reseller). Reads the whole file; writes nothing.
 */
export async function proposeValues(db: Db, id: string, input: z.output<typeof valuesBody>) {
  const row = await load(db, id);
  if (row.status === 'uploading') throw conflict('The file is still uploading');
  const importer = importers[row.type as ImportType];
  const mapping = input.mapping ?? suggestMapping(importer.fields, row.columns);
  checkMapping(importer, row.columns, mapping);
  const matchers = await loadMatchers(db, importer);
  const fields = importer.fields.filter((f) => matchers.has(f.key) && mapping[f.key]);
  const seen = new Map(fields.map((f) => [f.key, new Map<string, number>()]));
  const truncated = new Set<string>();
  let index: number[] | null = null;
  for await (const record of readRecords(db, id, row.encoding)) {
    if (!index) {
      const header = record.cells.map((c) => c.trim());
      index = fields.map((f) => header.indexOf(mapping[f.key]!));
      continue;
    }
    fields.forEach((f, i) => {
      const matcher = matchers.get(f.key)!;
      const counts = seen.get(f.key)!;
      const cell = record.cells[index![i]!]?.trim() ?? '';
      for (const item of new Set(matcher.items(cell))) {
        if (!item || matcher.values.has(item)) continue;
        const n = counts.get(item);
        if (n !== undefined) counts.set(item, n + 1);
        else if (counts.size < MAX_LISTED_VALUES) counts.set(item, 1);
        else truncated.add(f.key);
      }
    });
  }
  return {
    items: fields.map((f) => {
      const matcher = matchers.get(f.key)!;
      return {
        field: f.key,
        label: f.label,
        column: mapping[f.key]!,
        what: matcher.vocabulary.noun,
        choices: matcher.choices.map((c) => ({ value: c.value, label: c.label })),
        values: [...seen.get(f.key)!]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(([value, rows]) => ({ value, rows, suggestion: matcher.suggest(value) })),
        truncated: truncated.has(f.key),
      };
    }),
  };
}

const mappingDto = (m: typeof importMappings.$inferSelect) => ({
  id: m.id,
  type: m.type as ImportType,
  name: m.name,
  mapping: m.mapping,
  updatedAt: m.updatedAt.toISOString(),
});

export async function listMappings(db: Db, type: ImportType | undefined) {
  const rows = await db
    .select()
    .from(importMappings)
    .where(type ? eq(importMappings.type, type) : undefined)
    .orderBy(asc(importMappings.type), asc(importMappings.name));
  return { items: rows.map(mappingDto) };
}

/** Saves a mapping under its name (the same name for the same type replaces it). */
export async function saveMapping(db: Db, ctx: Ctx, input: z.output<typeof saveMappingBody>) {
  const keys = new Set(importers[input.type].fields.map((f) => f.key));
  const unknown = Object.keys(input.mapping).filter((k) => !keys.has(k));
  if (unknown.length)
    throw invalid(unknown.map((k) => ({ path: `mapping.${k}`, message: `No field ${k} in ${input.type}` })));
  return runChange(db, ctx, async (tx, record) => {
    const [row] = await tx
      .insert(importMappings)
      .values({ id: newId(), type: input.type, name: input.name, mapping: input.mapping })
      .onConflictDoUpdate({
        target: [importMappings.type, importMappings.name],
        set: { mapping: input.mapping, updatedAt: new Date() },
      })
      .returning();
    record.audit({
      action: 'import_mapping.saved',
      entityType: 'import_mapping',
      entityId: row!.id,
      after: { type: input.type, name: input.name, mapping: input.mapping },
    });
    return mappingDto(row!);
  });
}

export async function deleteMapping(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    if (!isId(id)) throw notFound('mapping');
    const [row] = await tx.delete(importMappings).where(eq(importMappings.id, id)).returning();
    if (!row) throw notFound('mapping');
    record.audit({
      action: 'import_mapping.deleted',
      entityType: 'import_mapping',
      entityId: id,
      before: { type: row.type, name: row.name },
    });
  });
}
