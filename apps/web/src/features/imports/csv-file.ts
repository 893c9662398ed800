import type { ImportRowError, ImportTypeInfo } from '../../api/imports';

/** One CSV cell: quoted when it holds a delimiter, a quote or a line break (RFC 4180). */
function cell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is written
 * with a leading apostrophe: the report repeats what an uploaded file held, and opening it must
 * not execute anything.
 */
function inert(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** The dry run's report as a CSV a person can sort and filter beside their file. */
export function errorReportCsv(errors: ImportRowError[]): string {
  return toCsv([
    ['row', 'column', 'field', 'value', 'message'],
    ...errors.map((e) => [String(e.row), e.column ?? '', e.field ?? '', e.value ?? '', e.message].map(inert)),
  ]);
}

/** A file with the type's columns (their field keys, which map without asking) and one example row. */
export function templateCsv(info: ImportTypeInfo): string {
  return toCsv([info.fields.map((f) => f.key), info.fields.map((f) => f.example)]);
}

/** Hands the text to the browser as a download; the BOM tells spreadsheet programs it is UTF-8. */
export function downloadCsv(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click has been handled, not before the download starts.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "partners.csv" → "partners-errors.csv". */
export const reportFileName = (fileName: string) =>
  `${fileName.replace(/\.[^.]*$/, '') || 'import'}-errors.csv`;
