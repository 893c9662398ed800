import { parse } from 'tldts';

// The one place that decides two records name the same company, shared so that the server (deal
// conflicts, CRM accounts, the marketplace) and the browser (account mapping keys a partner's accounts in
// its own page) apply the very same rules.

/**
 * How two records are recognised as the same company (applications against
 * partners; deals and registrations against each other). Case, accents,
 * punctuation and legal suffixes never make two companies different.
 */
export function normalizeCompanyName(name: string) {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(
      /\b(inc|incorporated|llc|llp|ltd|limited|gmbh|ag|sa|sas|sarl|bv|nv|plc|corp|corporation|co|company|srl|spa|pty|oy|ab|as|kk)\b/g,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

export interface CustomerDomain {
  /** The host as given, lower case, without scheme, path, port or www: shop.acme.co.uk. */
  domain: string;
  /** The registrable domain under the public suffix list: acme.co.uk. */
  root: string;
  /** The registrable domain without its suffix: acme. */
  label: string;
}

/**
 * Reads a customer's domain from what people type: a bare domain, a URL, or an
 * e-mail address on it. Returns null for something that is not a public domain
 * (a typo, an IP address, a local name).
 */
export function customerDomain(input: string): CustomerDomain | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  if (s.includes('@')) s = s.slice(s.lastIndexOf('@') + 1);
  s = s
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#]/)[0]!
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  const parsed = parse(s);
  if (!parsed.domain || !parsed.isIcann || parsed.isIp || !parsed.hostname || !parsed.domainWithoutSuffix)
    return null;
  return {
    domain: parsed.hostname.replace(/^www\d?\./, ''),
    root: parsed.domain,
    label: parsed.domainWithoutSuffix,
  };
}
