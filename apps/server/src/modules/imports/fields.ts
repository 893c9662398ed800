import { z } from 'zod';
import { countryCode } from '@partnergraph/shared/contracts/common';
import { calendarDate, currencyCode, decimalRate, minorAmount } from '@partnergraph/shared/contracts/money';
import type { ImportType } from '@partnergraph/shared/contracts/imports';
import type { Config } from '../../config';
import type { SecretBox } from '../../lib/secrets';
import type { Queryable } from '../../db/client';
import { isIndustry } from '../../lib/industries';
import {
  countryVocabulary,
  enumVocabulary,
  loadMatcher,
  type Matcher,
  vocabularyOfCell,
  withVocabulary,
} from './vocabulary';

// A CSV cell is text: each field reads its cell with a Zod schema from string
// to value. A bad cell is reported in words a person would write: the schemas'
// own messages where they give one, `cellMessage` for every rule that does not.

const plural = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;
const units: Record<string, string> = { string: 'character', array: 'item', set: 'item', file: 'byte' };
const formats: Record<string, string> = {
  email: 'Not an e-mail address',
  url: 'Not a web address (http or https)',
  date: 'Not a date as YYYY-MM-DD',
  datetime: 'Not a date and time (ISO 8601)',
  uuid: 'Not an id',
};

/**
 * Messages for the rules a schema states without words (`.max(200)`,
 * `z.email()`): read against the cell, never the validator's own wording
 * ("Too big: expected string to have <=200 characters").
 */
export const cellMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      const unit = units[issue.origin];
      if (unit) return issue.exact ? `Exactly ${plural(max, unit)}` : `At most ${plural(max, unit)}`;
      return issue.inclusive
        ? `At most ${max.toLocaleString('en')}`
        : `Less than ${max.toLocaleString('en')}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const unit = units[issue.origin];
      if (unit) return issue.exact ? `Exactly ${plural(min, unit)}` : `At least ${plural(min, unit)}`;
      return issue.inclusive
        ? `At least ${min.toLocaleString('en')}`
        : `More than ${min.toLocaleString('en')}`;
    }
    case 'invalid_format':
      return formats[issue.format] ?? 'Not written the way this column needs (see its example)';
    case 'invalid_value':
      return `One of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? 'Not a number'
        : 'Not a value this column takes';
    case 'not_multiple_of':
      return `A multiple of ${String(issue.divisor)}`;
    case 'invalid_union':
      // The message of the alternative that came closest (its first issue), else a plain one.
      return issue.errors.flat()[0]?.message ?? 'Not a value this column takes';
    default:
      return 'Not a value this column takes';
  }
};

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

/** Field key → (value as written → value it is read as): the value mapping a person confirmed. */
export type ValueMapping = Record<string, Record<string, string>>;

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
  /**
   * The tables `write` fills, by name (they are their modules' own): analyzed after a commit, so
   * queries plan with the new rows at once.
   */
  writes: string[];
  fields: FieldSpec[];
  /** Cross-field rules of one row (a won deal needs a close date). */
  check?(row: Cells, issue: (field: string, message: string) => void): void;
  /** The record's key, to refuse the same record twice in one file. */
  keyOf(row: Cells): string;
  resolve(q: Queryable, rows: Cells[]): Promise<{ errors: RowError[]; ready: (Ready | null)[] }>;
  write(q: Queryable, rows: Ready[], env: ImportEnv): Promise<{ created: number; updated: number }>;
}

/**
 * What a commit is handed beyond the database: the server's secrets box and public address, for the
 * importers whose records carry something signed (a certification's Open Badges credential). Passed,
 * not imported, like every route's deps.
 */
export interface ImportEnv {
  secrets: SecretBox;
  config: Pick<Config, 'PUBLIC_URL'>;
}

export const text = (max: number, min = 1) => z.string().min(min).max(max);

/** `a; b; c`, or a JSON array as an export writes it. */
export const list = (item: z.ZodType<unknown, string>, max = 30) => {
  const schema = z
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
    .pipe(z.array(item).max(max));
  // A list of codes maps its items one by one.
  const items = vocabularyOfCell(item);
  return items ? withVocabulary(schema, { ...items, list: true }) : schema;
};

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
export const country = withVocabulary(z.string().pipe(countryCode), countryVocabulary);
export const currency = currencyCode;
export const rate = decimalRate;
export const industry = z
  .string()
  .refine(isIndustry, { message: 'Not a NAICS sector code (see /reference/industries), e.g. 51 or 31-33' });
export const email = z
  .email('Not an e-mail address')
  .max(254)
  .transform((s) => s.toLowerCase());
export const url = z.url({ protocol: /^https?$/, message: 'Not a web address (http or https)' }).max(500);
export const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  withVocabulary(
    z
      .string()
      .transform((s) => s.toLowerCase().replace(/[\s-]+/g, '_'))
      .pipe(z.enum(values, { message: `One of: ${values.join(', ')}` })),
    enumVocabulary(values),
  );
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

/** The vocabulary a field's values come from, if any. */
export const vocabularyOf = (f: FieldSpec) => vocabularyOfCell(f.cell);

/** Each coded field's vocabulary, loaded once for a run. */
export async function loadMatchers(q: Queryable, importer: Importer) {
  const matchers = new Map<string, Matcher>();
  for (const f of importer.fields) {
    const vocabulary = vocabularyOf(f);
    if (vocabulary) matchers.set(f.key, await loadMatcher(q, vocabulary));
  }
  return matchers;
}

export interface ReadOptions {
  matchers?: Map<string, Matcher>;
  /** The confirmed value mapping; null: each value is read as what it most likely means. */
  values?: ValueMapping | null;
}

/** Why a coded cell did not read: the value as written, and the code it most likely means. */
function codeMessage(matcher: Matcher, cell: string): string | null {
  const item = matcher.items(cell).find((i) => !matcher.values.has(i));
  if (item === undefined) return null;
  const meant = matcher.suggest(item);
  const shown = item.length > 60 ? `${item.slice(0, 60)}…` : item;
  if (meant && meant !== item) return `'${shown}' is not ${matcher.vocabulary.noun} — did you mean ${meant}?`;
  const few =
    matcher.vocabulary.namesValues && matcher.choices.length <= 12
      ? `: one of ${[...matcher.values].join(', ')}`
      : '';
  return `'${shown}' is not ${matcher.vocabulary.noun}${few}`;
}

/**
 * What to tell first: the first rule the cell breaks. Later ones mostly follow
 * from it (a date not written as one is not in range either), and `.int()`'s
 * own bound (2^53) says nothing a person can use beside the field's.
 */
function firstProblem(issues: z.core.$ZodIssue[]) {
  const useful = issues.filter(
    (i) => !(i.code === 'too_big' && Number(i.maximum) >= Number.MAX_SAFE_INTEGER),
  );
  return (useful[0] ?? issues[0])?.message ?? 'Not a value this column takes';
}

/** Reads a row's cells through the fields (blank is absent); issues name the field. */
export function readRow(
  importer: Importer,
  cells: Record<string, string>,
  { matchers, values = null }: ReadOptions = {},
): { row: Cells; issues: { field: string; message: string }[] } {
  const row: Cells = {};
  const issues: { field: string; message: string }[] = [];
  for (const f of importer.fields) {
    let raw = cells[f.key]?.trim() ?? '';
    if (raw === '') {
      if (f.required) issues.push({ field: f.key, message: 'Required' });
      continue;
    }
    if (raw.includes('\u0000')) {
      issues.push({ field: f.key, message: 'Contains a NUL character' });
      continue;
    }
    // A spreadsheet's text marker, as a download from here writes it before what would read as a formula.
    if (/^'[=+\-@\t\r]/.test(raw)) raw = raw.slice(1);
    const matcher = matchers?.get(f.key);
    if (matcher) {
      const mapped = values ? values[f.key] : undefined;
      raw = matcher.mapCell(raw, (item) =>
        values ? (mapped?.[item] ?? item) : matcher.values.has(item) ? item : (matcher.suggest(item) ?? item),
      );
    }
    const parsed = f.cell.safeParse(raw, { error: cellMessage });
    if (parsed.success) row[f.key] = parsed.data;
    else
      issues.push({
        field: f.key,
        message: (matcher && codeMessage(matcher, raw)) ?? firstProblem(parsed.error.issues),
      });
  }
  if (!issues.length) importer.check?.(row, (field, message) => issues.push({ field, message }));
  return { row, issues };
}
