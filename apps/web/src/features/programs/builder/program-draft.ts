import { isMoneyMetric } from '@partnergraph/shared/codes';
import type { MetricKey, Program } from '@partnergraph/shared/contracts/programs';
import { minorToMajorText, parseMajorAmount } from '@partnergraph/shared/money-format';
import type { FieldError } from '../../../api/client';
import type { CreateProgramInput } from '../../../api/programs';
import {
  type AgreementType,
  type BenefitKind,
  type ChecklistKind,
  type Comparison,
  windowedMetrics,
} from '../labels';

// The program builder's working copy. Numbers are kept as the inputs give them (a number, or ''
// while a field is empty) and turned into the API's shape only when sent. Money is kept as the text
// a person types in major units ("250,000.00") and turned into integer minor units exactly when sent.

type NumberValue = number | string;
export type Period = 'month' | 'quarter' | 'year';

export interface RuleDraft {
  uid: string;
  metric: MetricKey;
  comparison: Comparison;
  /** For a money metric, text in major units of the reporting currency; the API takes minor units. */
  threshold: NumberValue;
  windowDays: NumberValue;
  label: string;
}

export interface BenefitDraft {
  uid: string;
  kind: BenefitKind;
  /** For MDF the amount as text in major units of `currency`, as a person types it; the API takes minor units. */
  value: NumberValue;
  currency: string;
  period: Period | null;
  text: string;
}

export interface TierDraft {
  uid: string;
  code: string;
  /** Once someone types a code it no longer follows the name. */
  codeEdited: boolean;
  name: string;
  requirements: RuleDraft[];
  benefits: BenefitDraft[];
}

export interface ChecklistDraft {
  uid: string;
  key: string;
  keyEdited: boolean;
  kind: ChecklistKind;
  title: string;
}

export interface ProgramDraft {
  name: string;
  description: string;
  eligibleTypes: string[];
  tracks: string[];
  requiredAgreementTypes: AgreementType[];
  checklist: ChecklistDraft[];
  demotionGraceDays: NumberValue;
  agreementDeadlineDays: NumberValue;
  tiers: TierDraft[];
}

let counter = 0;
/** A key for React lists that survives reordering (positions do not). */
export const uid = () => `d${++counter}`;

/** A name as a code: lower-case letters, digits and underscores, starting with a letter. */
export function codeFrom(text: string, fallback: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40)
    .replace(/_+$/, '');
  return slug || fallback;
}

export const newRule = (): RuleDraft => ({
  uid: uid(),
  metric: 'won_deals',
  comparison: 'gte',
  threshold: 1,
  windowDays: 365,
  label: '',
});

export const newBenefit = (): BenefitDraft => ({
  uid: uid(),
  kind: 'discount_pct',
  value: 10,
  currency: 'USD',
  period: 'quarter',
  text: '',
});

/** A new tier asks for nothing until requirements are added: a placeholder rule would be saved as a real one. */
export const newTier = (): TierDraft => ({
  uid: uid(),
  code: '',
  codeEdited: false,
  name: '',
  requirements: [],
  benefits: [],
});

export const newChecklistItem = (): ChecklistDraft => ({
  uid: uid(),
  key: '',
  keyEdited: false,
  kind: 'custom',
  title: '',
});

export function emptyDraft(): ProgramDraft {
  return {
    name: '',
    description: '',
    eligibleTypes: [],
    tracks: [],
    requiredAgreementTypes: [],
    checklist: [
      {
        uid: uid(),
        key: 'agreement',
        keyEdited: false,
        kind: 'accept_agreement',
        title: 'Accept the partner agreement',
      },
    ],
    demotionGraceDays: 90,
    agreementDeadlineDays: 30,
    tiers: [{ ...newTier(), code: 'registered', name: 'Registered' }],
  };
}

/** `currency`: the reporting currency, which money thresholds are in. */
export function draftFromProgram(program: Program, currency: string): ProgramDraft {
  return {
    name: program.name,
    description: program.description,
    eligibleTypes: [...program.eligibleTypes],
    tracks: [...program.tracks],
    requiredAgreementTypes: [...program.requiredAgreementTypes],
    checklist: program.checklist.map((c) => ({ uid: uid(), keyEdited: true, ...c })),
    demotionGraceDays: program.demotionGraceDays,
    agreementDeadlineDays: program.agreementDeadlineDays,
    tiers: program.tiers.map((t) => ({
      uid: uid(),
      code: t.code,
      codeEdited: true,
      name: t.name,
      requirements: t.requirements.map((r) => ({
        uid: uid(),
        metric: r.metric,
        comparison: r.comparison,
        threshold: isMoneyMetric(r.metric) ? minorToMajorText(r.threshold, currency) : r.threshold,
        windowDays: r.windowDays,
        label: r.label ?? '',
      })),
      benefits: t.benefits.map((b) => ({
        uid: uid(),
        kind: b.kind,
        value:
          b.value === undefined
            ? ''
            : b.kind === 'mdf_allowance'
              ? minorToMajorText(b.value, b.currency ?? 'USD')
              : b.value,
        currency: b.currency ?? 'USD',
        period: b.period ?? null,
        text: b.text ?? '',
      })),
    })),
  };
}

/** '' stays unset; the server then names the field. Anything else as a number. */
const num = (v: NumberValue): number => (v === '' ? Number.NaN : Number(v));
/** NaN is sent as null (JSON has no NaN), which the server refuses at that field's path. */
const numOrNull = (v: NumberValue) => {
  const n = num(v);
  return Number.isFinite(n) ? n : (null as unknown as number);
};

/** Major-unit text as integer minor units, exactly; null (refused by the server at its path) when it is not an amount. */
function minorOrNull(v: NumberValue, currency: string): number {
  const parsed = parseMajorAmount(String(v), currency, { allowZero: true });
  return 'minor' in parsed ? parsed.minor : (null as unknown as number);
}

export function benefitBody(b: BenefitDraft) {
  switch (b.kind) {
    case 'badge':
    case 'custom':
      return { kind: b.kind, text: b.text.trim() };
    case 'mdf_allowance': {
      const currency = b.currency.trim().toUpperCase();
      return {
        kind: b.kind,
        value: minorOrNull(b.value, currency),
        currency,
        ...(b.period ? { period: b.period } : {}),
      };
    }
    default:
      return { kind: b.kind, value: numOrNull(b.value) };
  }
}

export function tiersBody(draft: ProgramDraft, currency: string): CreateProgramInput['tiers'] {
  return draft.tiers.map((t, i) => ({
    code: t.code.trim() || codeFrom(t.name, `tier_${i + 1}`),
    name: t.name.trim(),
    requirements: t.requirements.map((r) => ({
      metric: r.metric,
      comparison: r.comparison,
      threshold: isMoneyMetric(r.metric) ? minorOrNull(r.threshold, currency) : numOrNull(r.threshold),
      windowDays: windowedMetrics.includes(r.metric) ? numOrNull(r.windowDays) : 365,
      ...(r.metric === 'manual_attestation' && r.label.trim() ? { label: r.label.trim() } : {}),
    })),
    benefits: t.benefits.map(benefitBody),
  }));
}

export function settingsBody(draft: ProgramDraft) {
  return {
    name: draft.name.trim(),
    description: draft.description,
    eligibleTypes: draft.eligibleTypes,
    tracks: draft.tracks,
    requiredAgreementTypes: draft.requiredAgreementTypes,
    checklist: draft.checklist.map((c) => ({
      key: c.key.trim() || codeFrom(c.title, 'task'),
      kind: c.kind,
      title: c.title.trim(),
    })),
    demotionGraceDays: numOrNull(draft.demotionGraceDays),
    agreementDeadlineDays: numOrNull(draft.agreementDeadlineDays),
  };
}

export type Settings = ReturnType<typeof settingsBody>;

/** The settings that differ from the saved program's, so the audit log shows just the change. */
export function changedSettings(base: ProgramDraft, draft: ProgramDraft): Partial<Settings> | undefined {
  const before = settingsBody(base);
  const after = settingsBody(draft);
  const changed: Partial<Settings> = {};
  for (const key of Object.keys(after) as (keyof Settings)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      (changed as Record<string, unknown>)[key] = after[key];
    }
  }
  return Object.keys(changed).length ? changed : undefined;
}

export function tiersChanged(base: ProgramDraft, draft: ProgramDraft, currency: string): boolean {
  return JSON.stringify(tiersBody(base, currency)) !== JSON.stringify(tiersBody(draft, currency));
}

/** Blanks the server would refuse with a less helpful message; everything about the rules is the server's to judge. */
export function checkDraft(draft: ProgramDraft, currency: string): FieldError[] {
  const errors: FieldError[] = [];
  const blankNumber = (v: NumberValue) => v === '' || !Number.isFinite(Number(v));
  if (draft.name.trim().length < 2)
    errors.push({ path: 'name', message: 'Give a name of at least 2 characters' });
  if (draft.eligibleTypes.length === 0)
    errors.push({ path: 'eligibleTypes', message: 'Name at least one eligible partner type' });
  if (blankNumber(draft.demotionGraceDays))
    errors.push({ path: 'demotionGraceDays', message: 'Enter a number of days' });
  if (blankNumber(draft.agreementDeadlineDays))
    errors.push({ path: 'agreementDeadlineDays', message: 'Enter a number of days' });
  draft.checklist.forEach((c, i) => {
    if (!c.title.trim()) errors.push({ path: `checklist.${i}.title`, message: 'Give the task a title' });
  });
  draft.tiers.forEach((t, i) => {
    if (!t.name.trim()) errors.push({ path: `tiers.${i}.name`, message: 'Give the tier a name' });
    t.requirements.forEach((r, j) => {
      const money = isMoneyMetric(r.metric)
        ? parseMajorAmount(String(r.threshold), currency, { allowZero: true })
        : null;
      if (money && 'error' in money)
        errors.push({ path: `tiers.${i}.requirements.${j}.threshold`, message: money.error });
      else if (!money && blankNumber(r.threshold))
        errors.push({ path: `tiers.${i}.requirements.${j}.threshold`, message: 'Enter a number' });
      if (windowedMetrics.includes(r.metric) && blankNumber(r.windowDays))
        errors.push({ path: `tiers.${i}.requirements.${j}.windowDays`, message: 'Enter a number of days' });
    });
    t.benefits.forEach((b, j) => {
      const mdf =
        b.kind === 'mdf_allowance'
          ? parseMajorAmount(String(b.value), b.currency.trim().toUpperCase() || 'USD', { allowZero: true })
          : null;
      if (mdf && 'error' in mdf) errors.push({ path: `tiers.${i}.benefits.${j}.value`, message: mdf.error });
      else if (!mdf && b.kind !== 'badge' && b.kind !== 'custom' && blankNumber(b.value))
        errors.push({ path: `tiers.${i}.benefits.${j}.value`, message: 'Enter a number' });
      if ((b.kind === 'badge' || b.kind === 'custom') && !b.text.trim())
        errors.push({ path: `tiers.${i}.benefits.${j}.text`, message: 'Enter the text' });
    });
  });
  return errors;
}

/**
 * Every path an input of the form shows errors for. Lists (types, tracks) take their items' errors
 * too; a path outside all of these goes into the summary above the form.
 */
export function claimedPaths(draft: ProgramDraft): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set([
    'name',
    'description',
    'demotionGraceDays',
    'agreementDeadlineDays',
    'checklist',
    'tiers',
  ]);
  const prefixes = ['eligibleTypes', 'tracks', 'requiredAgreementTypes'];
  draft.checklist.forEach((_, i) =>
    ['key', 'kind', 'title'].forEach((f) => exact.add(`checklist.${i}.${f}`)),
  );
  draft.tiers.forEach((t, i) => {
    exact.add(`tiers.${i}.code`);
    exact.add(`tiers.${i}.name`);
    exact.add(`tiers.${i}.requirements`);
    exact.add(`tiers.${i}.benefits`);
    t.requirements.forEach((_, j) =>
      ['metric', 'comparison', 'threshold', 'windowDays', 'label'].forEach((f) =>
        exact.add(`tiers.${i}.requirements.${j}.${f}`),
      ),
    );
    t.benefits.forEach((_, j) =>
      ['kind', 'value', 'currency', 'period', 'text'].forEach((f) =>
        exact.add(`tiers.${i}.benefits.${j}.${f}`),
      ),
    );
  });
  return { exact, prefixes };
}

/** A path such as `tiers.1.requirements.0` in words: "Tier 2, requirement 1". */
export function describePath(path: string): string {
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    const n = next !== undefined && /^\d+$/.test(next) ? Number(next) + 1 : null;
    const name =
      { tiers: 'Tier', requirements: 'requirement', benefits: 'benefit', checklist: 'Checklist item' }[
        part
      ] ?? part;
    if (n !== null) {
      words.push(`${name} ${n}`);
      i++;
    } else {
      words.push(name);
    }
  }
  return words.join(', ');
}
