import { ApiError } from '../../api/client';
import type { ProfileFields, UpdateProfileInput } from '../../api/marketplace';

// The profile editor's state: text as typed, rows with keys of their own. `toFields` turns it into
// the profile as it would be saved, which the live preview shows and the save sends.

export interface CertificationRow {
  key: string;
  name: string;
  issuer: string;
  year: string | number;
}

export interface CaseStudyRow {
  key: string;
  title: string;
  customer: string;
  summary: string;
  url: string;
}

export interface ProfileFormValues {
  description: string;
  logoUrl: string;
  website: string;
  services: string[];
  specializations: string[];
  industries: string[];
  countries: string[];
  certifications: CertificationRow[];
  integrations: string[];
  caseStudies: CaseStudyRow[];
  languages: string[];
  contactEmail: string;
  contactUrl: string;
  showBadges: boolean;
}

export type ProfileFieldName = keyof ProfileFields;
export const profileFieldNames: ProfileFieldName[] = [
  'description',
  'logoUrl',
  'website',
  'services',
  'specializations',
  'industries',
  'countries',
  'certifications',
  'integrations',
  'caseStudies',
  'languages',
  'contactEmail',
  'contactUrl',
  'showBadges',
];

let lastKey = 0;
/** A key for a new row, so React keeps each row's inputs with it when another is removed. */
export const rowKey = () => `row-${++lastKey}`;

export const emptyCertification = (): CertificationRow => ({ key: rowKey(), name: '', issuer: '', year: '' });
export const emptyCaseStudy = (): CaseStudyRow => ({
  key: rowKey(),
  title: '',
  customer: '',
  summary: '',
  url: '',
});

export function formValuesOf(fields: ProfileFields): ProfileFormValues {
  return {
    description: fields.description,
    logoUrl: fields.logoUrl ?? '',
    website: fields.website ?? '',
    services: [...fields.services],
    specializations: [...fields.specializations],
    industries: [...fields.industries],
    countries: [...fields.countries],
    certifications: fields.certifications.map((c) => ({
      key: rowKey(),
      name: c.name,
      issuer: c.issuer ?? '',
      year: c.year ?? '',
    })),
    integrations: [...fields.integrations],
    caseStudies: fields.caseStudies.map((c) => ({
      key: rowKey(),
      title: c.title,
      customer: c.customer ?? '',
      summary: c.summary,
      url: c.url ?? '',
    })),
    languages: [...fields.languages],
    contactEmail: fields.contactEmail ?? '',
    contactUrl: fields.contactUrl ?? '',
    showBadges: fields.showBadges,
  };
}

const orNull = (text: string) => text.trim() || null;
const orUndefined = (text: string) => text.trim() || undefined;
const certificationBlank = (c: CertificationRow) => !c.name.trim() && !c.issuer.trim() && c.year === '';
const caseStudyBlank = (c: CaseStudyRow) =>
  !c.title.trim() && !c.customer.trim() && !c.summary.trim() && !c.url.trim();

/** The rows that will be sent: entirely blank rows are left out (an "Add" clicked and not filled in). */
export const sentCertifications = (values: ProfileFormValues) =>
  values.certifications.filter((c) => !certificationBlank(c));
export const sentCaseStudies = (values: ProfileFormValues) =>
  values.caseStudies.filter((c) => !caseStudyBlank(c));

/** A year as typed: a whole number, or text the server will refuse (and say why, at the field). */
function yearOf(year: string | number): number | undefined {
  if (year === '') return undefined;
  const n = typeof year === 'number' ? year : Number(year);
  return Number.isFinite(n) ? n : undefined;
}

/** The profile as it would be saved: what the preview shows, and what a save compares and sends. */
export function toFields(values: ProfileFormValues): ProfileFields {
  return {
    description: values.description.trim(),
    logoUrl: orNull(values.logoUrl),
    website: orNull(values.website),
    services: values.services.map((s) => s.trim()).filter(Boolean),
    specializations: values.specializations.map((s) => s.trim()).filter(Boolean),
    industries: values.industries,
    countries: values.countries,
    certifications: sentCertifications(values).map((c) => {
      const year = yearOf(c.year);
      return {
        name: c.name.trim(),
        ...(c.issuer.trim() ? { issuer: c.issuer.trim() } : {}),
        ...(year === undefined ? {} : { year }),
      };
    }),
    integrations: values.integrations.map((s) => s.trim()).filter(Boolean),
    caseStudies: sentCaseStudies(values).map((c) => ({
      title: c.title.trim(),
      ...(orUndefined(c.customer) ? { customer: c.customer.trim() } : {}),
      summary: c.summary.trim(),
      ...(orUndefined(c.url) ? { url: c.url.trim() } : {}),
    })),
    languages: values.languages,
    contactEmail: orNull(values.contactEmail),
    contactUrl: orNull(values.contactUrl),
    showBadges: values.showBadges,
  };
}

/** The fields that differ from the saved draft: a save sends only those. */
export function changedFields(
  values: ProfileFormValues,
  draft: ProfileFields,
): Omit<UpdateProfileInput, 'version'> {
  const next = toFields(values);
  const saved = toFields(formValuesOf(draft));
  const changes: Record<string, unknown> = {};
  for (const name of profileFieldNames) {
    if (JSON.stringify(next[name]) !== JSON.stringify(saved[name])) changes[name] = next[name];
  }
  return changes as Omit<UpdateProfileInput, 'version'>;
}

/**
 * Where each server message belongs: `body.services.2` at the services input, `body.certifications.0.name`
 * at that row's name (rows counted as sent, blank rows left out), anything else above the form.
 */
export interface PlacedErrors {
  fields: Partial<Record<ProfileFieldName, string>>;
  /** By row key, then by the row's field. */
  rows: Record<string, Record<string, string>>;
  unplaced: string[];
}

export function placeErrors(error: unknown, values: ProfileFormValues): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, rows: {}, unplaced: [] };
  if (!(error instanceof ApiError)) return placed;
  const rowsOf: Partial<Record<ProfileFieldName, { key: string }[]>> = {
    certifications: sentCertifications(values),
    caseStudies: sentCaseStudies(values),
  };
  for (const e of error.errors) {
    const [field, index, sub] = e.path.replace(/^body\./, '').split('.');
    if (!field || !(profileFieldNames as string[]).includes(field)) {
      placed.unplaced.push(e.message);
      continue;
    }
    const name = field as ProfileFieldName;
    const rows = rowsOf[name];
    const row = rows && index !== undefined ? rows[Number(index)] : undefined;
    if (row && sub) {
      (placed.rows[row.key] ??= {})[sub] ??= e.message;
    } else if (index !== undefined && !rows) {
      // A tag or a choice in a list: name which one.
      const list = (values[name] as unknown[] | undefined) ?? [];
      const which = list[Number(index)];
      placed.fields[name] ??= typeof which === 'string' ? `${which}: ${e.message}` : e.message;
    } else {
      placed.fields[name] ??= e.message;
    }
  }
  return placed;
}
