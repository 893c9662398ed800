import type { Industry } from '../../api/settings';

/** NAICS sectors as select options, by name: people look for "Retail Trade", not for 44-45. */
export function industryOptions(industries: Industry[] | undefined): { value: string; label: string }[] {
  return (industries ?? [])
    .map((i) => ({ value: i.code, label: i.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
