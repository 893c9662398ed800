import { invalid } from '../../lib/errors';
import { customerDomain, normalizeCompanyName } from '../organizations/company-identity';

/** A deal's customer as conflicts are matched: its name set aside case and suffixes, and its domain's parts. */
export interface CustomerKey {
  name: string;
  nameKey: string;
  domain: string | null;
  root: string | null;
  label: string | null;
}

export function customerKey(name: string, domainInput: string | null | undefined, path: string): CustomerKey {
  const parsed = domainInput ? customerDomain(domainInput) : null;
  if (domainInput && !parsed) {
    throw invalid([{ path, message: 'Not a public web domain (e.g. acme.com or an address on it)' }]);
  }
  const nameKey = normalizeCompanyName(name);
  return {
    name,
    nameKey: nameKey || name.toLowerCase(),
    domain: parsed?.domain ?? null,
    root: parsed?.root ?? null,
    label: parsed?.label ?? null,
  };
}
