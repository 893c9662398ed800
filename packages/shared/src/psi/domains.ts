import { customerDomain } from '../company-identity';

/**
 * The key an account is matched on: its registrable domain under the public suffix list, lower case
 * (shop.acme.co.uk, https://www.acme.co.uk/x and jane@acme.co.uk all give acme.co.uk). It is the
 * company-identity rule the deals module matches on (company-identity.ts, the single source), so both
 * sides of a mapping agree on what "the same company" is without ever comparing names. Null for what is
 * not a public domain (a typo, an IP address).
 */
export const registrableDomain = (input: string): string | null => customerDomain(input)?.root ?? null;

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
