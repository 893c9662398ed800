import { useQuery } from '@tanstack/react-query';
import { industriesQueryOptions } from '../../api/settings';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** An ISO 639-1 code by its English name ("de" → "German"); the code itself when unknown. */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** NAICS sector names by code, from the public reference list; the code until it arrives. */
export function useIndustryName(): (code: string) => string {
  const industries = useQuery(industriesQueryOptions);
  const names = new Map((industries.data ?? []).map((i) => [i.code, i.name]));
  return (code) => names.get(code) ?? code;
}

/** Only http(s) addresses become links or images; anything else is shown as text, if at all. */
export function isHttpUrl(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^https?:\/\//i.test(value);
}

/** "https://www.example.com/partners" → "www.example.com/partners", for link text. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/** Up to two initials, for an organization without a logo. */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => [...w][0]?.toUpperCase() ?? '')
    .join('');
}
