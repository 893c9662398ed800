import countries from 'i18n-iso-countries';
import type { Queryable } from '../../db/client';
import { findPartnerTypes } from '../organizations/organizations.repository';

/**
 * A field whose cells are codes from a known set (countries, partner types,
 * statuses): a spreadsheet holds the names people write ("Germany",
 * "Reseller", "DEU"), and the import maps them onto the codes, shown to the
 * person for confirmation before the dry run.
 */
export interface Vocabulary {
  /** What one value is, in a message: "a country code". */
  noun: string;
  /** Cells are lists (`a; b`): each item is mapped on its own. */
  list?: boolean;
  /** A message about a value not in it names its few values. */
  namesValues?: boolean;
  choices(q: Queryable): Promise<Choice[]> | Choice[];
}

export interface Choice {
  value: string;
  label: string;
  /** Other names that mean it (alpha-3 codes, names in other languages). */
  aliases?: string[];
}

// Which cell schemas read codes of a vocabulary (the field helpers mark theirs). Not a Zod registry:
// its metadata type is rewritten against the schema's, which functions in the metadata do not survive.
const vocabularies = new WeakMap<object, Vocabulary>();

/** Marks a cell schema as reading codes of the vocabulary. */
export function withVocabulary<T extends object>(schema: T, vocabulary: Vocabulary): T {
  vocabularies.set(schema, vocabulary);
  return schema;
}

export const vocabularyOfCell = (schema: object) => vocabularies.get(schema);

/** Case, accents, spaces and punctuation ignored: "Côte d’Ivoire" and "cote divoire" are one. */
export const valueKey = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** Languages whose country names are recognized besides English: the ones a CRM export is most often in. */
const COUNTRY_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt'];

let countryChoices: Choice[] | null = null;

export const countryVocabulary: Vocabulary = {
  noun: 'a country code',
  choices() {
    if (countryChoices) return countryChoices;
    const alpha3 = Object.entries(countries.getAlpha3Codes()).map(([a3, a2]) => [a2, a3] as const);
    const names = COUNTRY_LANGUAGES.map((lang) => countries.getNames(lang, { select: 'all' }));
    countryChoices = Object.keys(countries.getAlpha2Codes()).map((code) => ({
      value: code,
      label: countries.getName(code, 'en') ?? code,
      aliases: [
        ...alpha3.filter(([a2]) => a2 === code).map(([, a3]) => a3),
        ...names.flatMap((byCode) => byCode[code] ?? []),
      ],
    }));
    return countryChoices;
  },
};

/** "channel_manager" → "Channel manager". */
const humanize = (code: string) => (code.charAt(0).toUpperCase() + code.slice(1)).replaceAll('_', ' ');

export const enumVocabulary = (values: readonly string[]): Vocabulary => ({
  noun: `one of ${values.join(', ')}`,
  choices: () => values.map((value) => ({ value, label: humanize(value) })),
});

/** The partner types set up under Settings: their names ("Reseller") map to their codes. */
export const partnerTypeVocabulary = (list: boolean): Vocabulary => ({
  noun: 'a partner type code',
  list,
  namesValues: true,
  async choices(q) {
    // Retired types too: history may name them.
    const rows = await findPartnerTypes(q, { includeRetired: true });
    return rows.map((t) => ({ value: t.code, label: t.name }));
  },
});

/** A vocabulary's choices, loaded, and what a written value most likely means. */
export class Matcher {
  private readonly byKey = new Map<string, string>();
  readonly values: Set<string>;

  constructor(
    readonly vocabulary: Vocabulary,
    readonly choices: Choice[],
  ) {
    this.values = new Set(choices.map((c) => c.value));
    // Codes first, then names, then aliases: a name never shadows a code ("CH" is Switzerland, not a name).
    for (const pass of [(c: Choice) => [c.value], (c: Choice) => [c.label], (c: Choice) => c.aliases ?? []])
      for (const c of choices)
        for (const name of pass(c))
          if (!this.byKey.has(valueKey(name))) this.byKey.set(valueKey(name), c.value);
  }

  /** The code a written value means, or null when it names none. */
  suggest(written: string): string | null {
    const key = valueKey(written);
    return key ? (this.byKey.get(key) ?? null) : null;
  }

  /** A cell's items: a list cell's `a; b` (not an export's JSON array), or the cell itself. */
  items(cell: string): string[] {
    if (!this.vocabulary.list) return [cell];
    if (cell.startsWith('[')) return [];
    return cell
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean);
  }

  /** The cell with each item replaced by what `map` gives for it. */
  mapCell(cell: string, map: (item: string) => string): string {
    if (!this.vocabulary.list) return map(cell);
    if (cell.startsWith('[')) return cell;
    return this.items(cell).map(map).join('; ');
  }
}

export async function loadMatcher(q: Queryable, vocabulary: Vocabulary) {
  return new Matcher(vocabulary, await vocabulary.choices(q));
}
