import countries from 'i18n-iso-countries';

// The codes come from the same package the server validates with (packages/shared's country schema), so
// the select offers exactly what the API accepts (it adds XK for Kosovo). Names come from the browser's
// Intl.DisplayNames, which needs no locale data in the bundle.
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Select options sorted by the name a person reads. */
export const countryOptions: { value: string; label: string }[] = Object.keys(countries.getAlpha2Codes())
  .map((code) => ({ value: code, label: countryName(code) }))
  .sort((a, b) => a.label.localeCompare(b.label, 'en'));
