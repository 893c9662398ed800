import type { ImportEncoding, ImportType } from '../../api/imports';

// Apart from import-parts.tsx: the URL's readers (import-search.ts) are in the first page's script, which
// needs these lists and none of the screens' helpers.
// Runtime copies of the contract's enums: importing the Zod schemas would ship Zod to the browser.
// `satisfies` checks every value against the contract's types.
export const importTypeNames = {
  partners: 'Partners',
  users: 'Users',
  enrollments: 'Enrollments',
  connections: 'Connections',
  referrals: 'Referrals',
  'fx-rates': 'FX rates',
  deals: 'Deals',
  leads: 'Leads',
  certifications: 'Certifications',
} as const satisfies Record<ImportType, string>;

export const importTypeList = Object.keys(importTypeNames) as ImportType[];

export const encodingOptions = [
  { value: 'utf-8', label: 'UTF-8 (most files)' },
  { value: 'windows-1252', label: 'Windows-1252 (Excel on Windows, Western Europe)' },
  { value: 'iso-8859-1', label: 'ISO-8859-1 (Latin-1)' },
  { value: 'utf-16le', label: 'UTF-16 LE (Excel “Unicode text”)' },
] as const satisfies readonly { value: ImportEncoding; label: string }[];

export const encodingList = encodingOptions.map((o) => o.value) as ImportEncoding[];
