import { z } from 'zod';
import { timestamp, versionField } from './common';

// CSV imports: upload a file, map its columns onto a type's fields, run a dry
// run that reports every bad row and field, then commit. Records are keyed by
// their own identity (external id, e-mail, …), so a re-run updates them.

export const importTypes = [
  'partners',
  'users',
  'enrollments',
  'connections',
  'referrals',
  'fx-rates',
  'deals',
  'leads',
  'certifications',
] as const;
export const importType = z.enum(importTypes);
export type ImportType = z.infer<typeof importType>;

export const importStatuses = [
  'uploading',
  'uploaded',
  'validating',
  'validated',
  'invalid',
  'committing',
  'committed',
  'failed',
  'interrupted',
] as const;

export const importFieldSchema = z.object({
  key: z.string().describe('The field, e.g. customerName'),
  label: z.string(),
  required: z.boolean(),
  description: z.string(),
  example: z.string(),
  aliases: z
    .array(z.string())
    .describe('Column names mapped to it without asking (case and punctuation ignored)'),
});

export const importTypeSchema = z.object({
  type: importType,
  label: z.string(),
  key: z.string().describe('What identifies a record: a re-import with the same key updates it'),
  dependsOn: z.array(importType).describe('Types whose records its rows refer to: import those first'),
  fields: z.array(importFieldSchema),
});

/** Field key → the file's column it is read from. */
export const columnMapping = z
  .record(z.string().max(80), z.string().max(500))
  .refine((m) => Object.keys(m).length <= 100, 'At most 100 mapped fields');

/** Field key → (value as written in the file → the code it is imported as). */
export const valueMapping = z
  .record(z.string().max(80), z.record(z.string().max(500), z.string().max(200)))
  .refine(
    (m) => Object.values(m).reduce((n, v) => n + Object.keys(v).length, 0) <= 5000,
    'At most 5,000 mapped values',
  );

export const importSchema = z.object({
  id: z.string(),
  type: importType,
  fileName: z.string(),
  encoding: z.string(),
  bytes: z.number().int(),
  columns: z.array(z.string()).describe("The file's header row"),
  suggestedMapping: z.record(z.string(), z.string()).describe('Fields matched to columns by name'),
  mapping: z.record(z.string(), z.string()).nullable().describe('The mapping of the last dry run'),
  valueMapping: z
    .record(z.string(), z.record(z.string(), z.string()))
    .nullable()
    .describe(
      'The value mapping of the last dry run; null: each value was read as the code it most likely means',
    ),
  status: z.enum(importStatuses),
  progress: z.object({
    rows: z.number().int().describe('Rows read by the run in progress, or the last run'),
    bytes: z.number().int(),
    fraction: z.number().describe('0–1 of the file read'),
  }),
  totalRows: z.number().int().nullable(),
  errorRows: z.number().int(),
  errorCount: z.number().int(),
  skipped: z
    .number()
    .int()
    .describe('Rows a commit of only the valid rows left out (the rejected rows, downloadable as a file)'),
  created: z.number().int().describe('Records the commit created'),
  updated: z.number().int().describe('Records the commit updated'),
  failure: z.string().nullable().describe('Why the last run stopped'),
  validatedAt: timestamp.nullable(),
  committedAt: timestamp.nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Import = z.infer<typeof importSchema>;

export const importErrorSchema = z.object({
  row: z.number().int().describe('As a spreadsheet numbers it: the header is row 1'),
  field: z.string().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});

export const uploadImportQuery = z.object({
  type: importType,
  fileName: z.string().trim().min(1).max(200).default('upload.csv'),
  encoding: z
    .enum(['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le'])
    .default('utf-8')
    .describe('The file’s character encoding; text that is not valid in it is refused'),
});

export const importListQuery = z.object({ type: importType.optional() });

export const dryRunBody = z.strictObject({
  version: versionField,
  mapping: columnMapping.optional().describe('Defaults to the suggested mapping'),
  values: valueMapping
    .optional()
    .describe(
      'Values as written → codes, for the coded fields (see /values); exactly these are mapped. Without it, each value is read as the code it most likely means',
    ),
});

export const valuesBody = z.strictObject({
  mapping: columnMapping.optional().describe('Defaults to the suggested mapping'),
});

export const valueChoiceSchema = z.object({ value: z.string(), label: z.string() });

export const fieldValuesSchema = z.object({
  field: z.string(),
  label: z.string(),
  column: z.string().describe('The file’s column the field is read from'),
  what: z.string().describe('What a value is, e.g. “a country code”'),
  choices: z.array(valueChoiceSchema).describe('The codes the field takes'),
  values: z
    .array(
      z.object({
        value: z.string().describe('As written in the file'),
        rows: z.number().int().describe('Rows that have it'),
        suggestion: z.string().nullable().describe('The code it most likely means; null when none'),
      }),
    )
    .describe('Values that are not codes as written, most frequent first'),
  truncated: z.boolean().describe('More distinct values than listed'),
});

export const importValuesSchema = z.object({ items: z.array(fieldValuesSchema) });

export const commitImportBody = z.strictObject({
  version: versionField,
  onlyValid: z
    .boolean()
    .default(false)
    .describe(
      'Commit the rows the dry run found valid and leave out the rest (GET /rejected downloads them); without it, only a dry run without errors can be committed',
    ),
});

export const importMappingSchema = z.object({
  id: z.string(),
  type: importType,
  name: z.string(),
  mapping: z.record(z.string(), z.string()),
  updatedAt: timestamp,
});

export const saveMappingBody = z.strictObject({
  type: importType,
  name: z.string().trim().min(1).max(100),
  mapping: columnMapping,
});

export const mappingListQuery = z.object({ type: importType.optional() });
