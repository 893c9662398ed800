import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { AppError } from '../../lib/errors';
import { importChunks } from './imports.tables';

/** Upper bound of one cell or row: a file that is not CSV fails fast instead of filling memory. */
const MAX_RECORD_BYTES = 1 << 20;

export class FileProblem extends AppError {
  constructor(message: string) {
    super('bad_request', message, { errors: [{ path: 'file', message }] });
  }
}

/**
 * The stored file's text, one stored piece at a time: decoded strictly in its
 * declared encoding, so text that is not valid in it stops the run with the
 * byte where it happened instead of importing mangled names.
 */
async function* decodedText(q: Queryable, importId: string, encoding: string) {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let bytes = 0;
  for (let seq = 0; ; seq++) {
    const [chunk] = await q
      .select({ data: importChunks.data })
      .from(importChunks)
      .where(and(eq(importChunks.importId, importId), eq(importChunks.seq, seq)));
    if (!chunk) break;
    try {
      yield decoder.decode(chunk.data, { stream: true });
    } catch {
      throw new FileProblem(
        `The file is not valid ${encoding.toUpperCase()} (within bytes ${bytes}–${bytes + chunk.data.length}): save it as UTF-8, or choose its encoding`,
      );
    }
    bytes += chunk.data.length;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new FileProblem(`The file ends in the middle of a ${encoding.toUpperCase()} character`);
  }
}

/** The parser's complaint as a person would say it, at the row a spreadsheet shows (the header is row 1). */
function csvProblem(err: CsvError): string {
  // The record that failed is the one after those read; the header is the first record.
  const row = typeof err.records === 'number' ? err.records + 1 : null;
  const at = row ? `Row ${row}` : typeof err.lines === 'number' ? `Line ${err.lines}` : 'The file';
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${at} opens a quoted cell (") that is never closed: the rest of the file would be one cell`;
    case 'CSV_MAX_RECORD_SIZE':
      return `${at} is longer than ${MAX_RECORD_BYTES / 1048576} MiB: is the file CSV?`;
    default:
      return `${at} is not readable CSV: ${err.message.replace(/ at line \d+.*$/, '')}`;
  }
}

/**
 * The file's records (the header first), parsed as they stream in: memory
 * holds one stored piece and the records not yet consumed, whatever the size.
 */
export async function* readRecords(
  q: Queryable,
  importId: string,
  encoding: string,
  progress: (bytes: number) => void = () => {},
): AsyncGenerator<{ cells: string[]; line: number }> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    // A quote inside an unquoted cell (Bad "quote" Ltd) is text, as spreadsheets read it.
    relax_quotes: true,
    info: true,
  });
  const done = pipeline(Readable.from(decodedText(q, importId, encoding)), parser);
  // The iterator and the pipeline fail together; the pipeline's own rejection is read below.
  done.catch(() => {});
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; bytes: number };
    }>) {
      // What the parser has consumed, not what was read ahead from storage: progress follows the rows.
      progress(info.bytes);
      yield { cells: record, line: info.lines };
    }
    await done;
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Every parser error (not only the CSV_-coded ones: INVALID_OPENING_QUOTE is not) is the file's problem.
    if (err instanceof CsvError) throw new FileProblem(csvProblem(err));
    throw err;
  } finally {
    parser.destroy();
  }
}
