import type { Table } from 'drizzle-orm';
import { z } from 'zod';
import { countryCode } from '@partnergraph/shared/contracts/common';
import { calendarDate, currencyCode, decimalRate, minorAmount } from '@partnergraph/shared/contracts/money';
import type { ImportType } from '@partnergraph/shared/contracts/imports';
import type { Queryable } from '../../db/client';
import { isIndustry } from '../../lib/industries';

// A CSV cell is text: each field reads its cell with a Zod schema from string
// to value, so a bad cell is reported with the same messages the API gives.

export interface FieldSpec {
  key: string;
  label: string;
  required?: boolean;
  description: string;
  example: string;
  /** Column names (an export's dotted names among them) that map to it without asking. */
  aliases?: string[];
  cell: z.ZodType<unknown, string>;
}

export interface RowError {
  /** Index of the row in its batch. */
  index: number;
  field: string | null;
  message: string;
}

export type Cells = Record<string, unknown>;

/**
 * One importable type: its fields, how a batch of rows that read well is
 * checked against the database (references, states), and how it is written.
 * `write` runs inside the batch's transaction; it must be an upsert by the
 * record's key, so a re-run reaches the same end state.
 */
export interface Importer<Ready = unknown> {
  type: ImportType;
  label: string;
  key: string;
  dependsOn: ImportType[];
  /** The tables `write` fills: analyzed after a commit, so queries plan with the new rows at once. */
  writes: Table[];
  fields: FieldSpec[];
  /** Cross-field rules of one row (a won deal needs a close date). */
  check?(row: Cells, issue: (field: string, message: string) => void): void;
  /** The record's key, to refuse the same record twice in one file. */
  keyOf(row: Cells): string;
  resolve(q: Queryable, rows: Cells[]): Promise<{ errors: RowError[]; ready: (Ready | null)[] }>;
  write(q: Queryable, rows: Ready[]): Promise<{ created: number; updated: number }>;
}

export const text = (max: number, min = 1) => z.string().min(min, `At least ${min} characters`).max(max);

/** `a; b; c`, or a JSON array as an export writes it. */
export const list = (item: z.ZodType<unknown, string>, max = 30) =>
  z
    .string()
    .transform((s, ctx) => {
      if (s.startsWith('[')) {
        try {
          const parsed: unknown = JSON.parse(s);
          if (Array.isArray(parsed))
            return parsed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
        } catch {
          // not JSON: read as a list separated by semicolons
        }
        ctx.addIssue({ code: 'custom', message: 'A list: items separated by ; or a JSON array' });
        return z.NEVER;
      }
      return s
        .split(';')
        .map((v) => v.trim())
        .filter(Boolean);
    })
    .pipe(z.array(item).max(max, `At most ${max} items`));

export const date = calendarDate;

/** A date (taken as 00:00 UTC) or an ISO-8601 timestamp. */
export const instant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s), {
    message: 'A date (YYYY-MM-DD) or an ISO-8601 timestamp',
  })
  .transform((s, ctx) => {
    const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : /[Zz]|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s}Z`);
    // Date rolls 2024-02-30 over into March: a day the month does not have is refused, not moved.
    const [y, m, day] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
    if (m < 1 || m > 12 || new Date(Date.UTC(y, m - 1, day)).getUTCDate() !== day) {
      ctx.addIssue({ code: 'custom', message: `No such day: ${s.slice(0, 10)}` });
      return z.NEVER;
    }
    if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1990 || d.getUTCFullYear() > 2100) {
      ctx.addIssue({ code: 'custom', message: 'Not a date between 1990 and 2100' });
      return z.NEVER;
    }
    return d;
  });

export const integer = (inner: z.ZodNumber) =>
  z
    .string()
    .regex(/^-?\d+$/, 'A whole number')
    .transform(Number)
    .pipe(inner);

export const minor = integer(minorAmount);
export const country = countryCode;
export const currency = currencyCode;
export const rate = decimalRate;
export const industry = z
  .string()
  .refine(isIndustry, { message: 'Not a NAICS sector code (see /reference/industries), e.g. 51 or 31-33' });
export const email = z
  .email('An e-mail address')
  .max(254)
  .transform((s) => s.toLowerCase());
export const url = z.url({ protocol: /^https?$/, message: 'An http(s) URL' }).max(500);
export const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.toLowerCase().replace(/[\s-]+/g, '_'))
    .pipe(z.enum(values, { message: `One of: ${values.join(', ')}` }));
/** A reference to another record by its external id (or, as an export writes it, its id here). */
export const ref = text(200);

/** Lower case, letters and digits only: how a column name is matched to a field. */
export const columnKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Fields matched to the file's columns by key, label or alias; first match wins. */
export function suggestMapping(fields: FieldSpec[], columns: string[]): Record<string, string> {
  const byKey = new Map<string, string>();
  for (const c of columns) if (!byKey.has(columnKey(c))) byKey.set(columnKey(c), c);
  const mapping: Record<string, string> = {};
  for (const f of fields) {
    const column = [f.key, f.label, ...(f.aliases ?? [])].map(columnKey).find((k) => byKey.has(k));
    if (column) mapping[f.key] = byKey.get(column)!;
  }
  return mapping;
}

/** Reads a row's cells through the fields (blank is absent); issues name the field. */
export function readRow(
  importer: Importer,
  cells: Record<string, string>,
): { row: Cells; issues: { field: string; message: string }[] } {
  const row: Cells = {};
  const issues: { field: string; message: string }[] = [];
  for (const f of importer.fields) {
    const raw = cells[f.key]?.trim() ?? '';
    if (raw === '') {
      if (f.required) issues.push({ field: f.key, message: 'Required' });
      continue;
    }
    if (raw.includes('\u0000')) {
      issues.push({ field: f.key, message: 'Contains a NUL character' });
      continue;
    }
    const parsed = f.cell.safeParse(raw);
    if (parsed.success) row[f.key] = parsed.data;
    else issues.push({ field: f.key, message: parsed.error.issues.map((i) => i.message).join('; ') });
  }
  if (!issues.length) importer.check?.(row, (field, message) => issues.push({ field, message }));
  return { row, issues };
}
