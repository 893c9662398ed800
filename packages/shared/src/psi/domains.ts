import { parse } from 'tldts';

/**
 * The key an account is matched on: its registrable domain under the public suffix list, lower case
 * (shop.acme.co.uk, https://www.acme.co.uk/x and jane@acme.co.uk all give acme.co.uk). The same rules as
 * the company-identity ones the deals module uses, so both sides of a mapping agree on what "the same
 * company" is without ever comparing names. Null for what is not a public domain (a typo, an IP address).
 */
export function registrableDomain(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  if (s.includes('@')) s = s.slice(s.lastIndexOf('@') + 1);
  s = s
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#]/)[0]!
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  const parsed = parse(s);
  if (!parsed.domain || !parsed.isIcann || parsed.isIp || !parsed.domainWithoutSuffix) return null;
  return parsed.domain;
}

/** An account's distinct keys from whatever domains, URLs or e-mail addresses it lists. */
export function accountKeys(domains: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const d of domains) {
    const key = registrableDomain(d);
    if (key) keys.add(key);
  }
  return [...keys];
}

/** Splits a CSV or pasted cell that holds several domains ("acme.com; acme.co.uk"). */
export function splitDomains(cell: string): string[] {
  return cell
    .split(/[\s,;|]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
