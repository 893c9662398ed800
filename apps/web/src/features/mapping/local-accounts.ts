import { accountFields } from '@partnergraph/shared/contracts/mapping';
import { accountKeys, splitDomains } from '@partnergraph/shared/psi/domains';
import type { PsiAccount } from '@partnergraph/shared/psi/protocol';

// A partner's accounts live here, in this browser: read from a CSV or a paste, kept in localStorage under
// the population's id, and only ever sent as blinded points.

/** RFC 4180 rows (quoted cells, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';' || c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

const domainHeaders = ['domain', 'domains', 'website', 'url', 'email', 'web'];

export interface ReadAccounts {
  accounts: (PsiAccount & { name: string })[];
  skipped: number;
}

/**
 * Accounts from a CSV with a header row (a name column, one or more of domain / website / email, and any
 * of the shareable fields), or from a paste of one domain per line. Rows with no public domain are skipped.
 */
export function readAccounts(text: string): ReadAccounts {
  const rows = parseCsv(text);
  if (rows.length === 0) return { accounts: [], skipped: 0 };
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const domainCols = header.flatMap((h, i) => (domainHeaders.includes(h) ? [i] : []));
  const accounts: ReadAccounts['accounts'] = [];
  let skipped = 0;
  if (domainCols.length === 0) {
    // A paste: a domain (or URL, or e-mail address) per line, perhaps several.
    for (const r of rows) {
      const keys = accountKeys(r.flatMap(splitDomains));
      if (keys.length === 0) skipped++;
      else accounts.push({ name: keys[0]!, keys, fields: { name: keys[0]! } });
    }
    return { accounts, skipped };
  }
  const nameCol = header.findIndex((h) => h === 'name' || h === 'company' || h === 'account');
  const fieldCols = accountFields.flatMap((f) => {
    const i = header.indexOf(f);
    return i >= 0 && f !== 'name' ? [[f, i] as const] : [];
  });
  for (const r of rows.slice(1)) {
    const keys = accountKeys(domainCols.flatMap((i) => splitDomains(r[i] ?? '')));
    if (keys.length === 0) {
      skipped++;
      continue;
    }
    const name = (nameCol >= 0 ? r[nameCol]?.trim() : '') || keys[0]!;
    const fields: Record<string, string> = { name };
    for (const [f, i] of fieldCols) if (r[i]?.trim()) fields[f] = r[i]!.trim().slice(0, 200);
    accounts.push({ name: name.slice(0, 200), keys, fields });
  }
  return { accounts, skipped };
}

const storageKey = (populationId: string) => `pg.mapping.accounts.${populationId}`;

export function loadLocalAccounts(populationId: string): PsiAccount[] {
  try {
    const raw = localStorage.getItem(storageKey(populationId));
    return raw ? (JSON.parse(raw) as PsiAccount[]) : [];
  } catch {
    return [];
  }
}

/** Keeps the accounts in this browser; answers false when the browser's storage is full. */
export function saveLocalAccounts(populationId: string, accounts: PsiAccount[]): boolean {
  try {
    localStorage.setItem(storageKey(populationId), JSON.stringify(accounts));
    return true;
  } catch {
    return false;
  }
}
