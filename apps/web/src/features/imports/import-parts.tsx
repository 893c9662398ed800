import type { Import, ImportType, ImportTypeInfo } from '../../api/imports';
import { encodingOptions, importTypeNames } from './import-codes';

/** The type's name inside a sentence: "partners", "FX rates". */
export const typeNoun = (type: ImportType) =>
  type === 'fx-rates' ? importTypeNames[type] : importTypeNames[type].toLowerCase();

export const encodingLabel = (encoding: string) =>
  encodingOptions.find((o) => o.value === encoding)?.label.replace(/ \(.*$/, '') ?? encoding;

export const listFormat = new Intl.ListFormat('en', { type: 'conjunction' });

/** "Import partners and connections first", or null for a type that refers to nothing. */
export function dependsOnText(info: ImportTypeInfo): string | null {
  if (!info.dependsOn.length) return null;
  return `Import ${listFormat.format(info.dependsOn.map(typeNoun))} first: its rows refer to them.`;
}

/** What identifies a record of the type, in the fields' own labels ("External id"). */
export function keyText(info: ImportTypeInfo): string {
  const labels = info.key.split(/\s*\+\s*/).map((k) => info.fields.find((f) => f.key === k)?.label ?? k);
  return listFormat.format(labels);
}

/**
 * Which run a failed or interrupted import was in. Starting a dry run clears `validatedAt`, and only a
 * finished dry run sets it, so one that still has it was committing (all its rows, or the valid ones).
 */
export function stoppedRun(item: Import): 'dry-run' | 'commit' {
  return item.validatedAt ? 'commit' : 'dry-run';
}

/** Where the records of each type are listed. */
export const recordsLinks = {
  partners: { to: '/partners', label: 'Open the partners' },
  users: { to: '/team', label: 'Open the team' },
  enrollments: { to: '/programs', label: 'Open the programs' },
  connections: { to: '/connections', label: 'Open the connections' },
  referrals: { to: '/referrals', label: 'Open the referrals' },
  'fx-rates': { to: '/settings/fx-rates', label: 'Open the FX rates' },
  deals: { to: '/deals', label: 'Open the deals' },
  leads: { to: '/leads', label: 'Open the leads' },
  certifications: { to: '/enablement/certifications', label: 'Open the certifications' },
} as const satisfies Record<ImportType, { to: string; label: string }>;

const numberFormat = new Intl.NumberFormat('en');
export const formatCount = (n: number) => numberFormat.format(n);

/** "1 row", "1,204 rows". */
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 0.4237 → "42 %". */
export const formatFraction = (fraction: number) => `${Math.floor(fraction * 100)} %`;
