// The Salesforce emulator's save checks, in Salesforce's order: each field against the object's describe
// (existence, field-level access, restricted picklists, references, required fields), then the org's
// validation rules on the record as it would be saved.
import type { EmulatedField } from './salesforce-schema';

/**
 * An org's validation rule (Setup → Object Manager → Validation Rules): a formula that, when true for the
 * record as it would be saved, refuses the save with the rule's message shown at one field — Salesforce
 * answers 400 FIELD_CUSTOM_VALIDATION_EXCEPTION naming that field (none when shown at the top of the page).
 */
export interface ValidationRule {
  object: string;
  /** The error location; null: the top of the page (`fields: []`). */
  field: string | null;
  message: string;
  refuses: (record: Record<string, unknown>) => boolean;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields: string[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function checkFields(
  fields: EmulatedField[],
  exists: (object: string, id: string) => boolean,
  object: string,
  body: Record<string, unknown>,
  creating: boolean,
) {
  for (const [name, value] of Object.entries(body)) {
    const field = fields.find((x) => x.name === name);
    if (!field) {
      throw new ApiError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${object}`, [
        name,
      ]);
    }
    if (creating ? !field.createable : !field.updateable) {
      throw new ApiError(
        400,
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        [name],
      );
    }
    if (field.type === 'picklist' && value !== null && !field.picklistValues.some((p) => p.value === value)) {
      const code =
        name === 'CurrencyIsoCode' ? 'FIELD_INTEGRITY_EXCEPTION' : 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST';
      throw new ApiError(
        400,
        code,
        `${field.label}: bad value for restricted picklist field: ${String(value)}`,
        [name],
      );
    }
    if (field.type === 'reference' && value) {
      const target = field.referenceTo[0];
      if (target && !exists(target, String(value))) {
        throw new ApiError(
          400,
          'INVALID_CROSS_REFERENCE_KEY',
          `${field.label}: id value of incorrect type: ${String(value)}`,
          [name],
        );
      }
    }
  }
  if (creating) {
    const missing = fields.filter((x) => !x.nillable && x.createable && (body[x.name] ?? null) === null);
    if (missing.length) {
      throw new ApiError(
        400,
        'REQUIRED_FIELD_MISSING',
        `Required fields are missing: [${missing.map((m) => m.name).join(', ')}]`,
        missing.map((m) => m.name),
      );
    }
  }
}

/** Runs after the field checks, on the record as it would be saved, as Salesforce's order of execution does. */
export function checkRules(rules: ValidationRule[], object: string, record: Record<string, unknown>) {
  const broken = rules.find((r) => r.object === object && r.refuses(record));
  if (broken)
    throw new ApiError(
      400,
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      broken.message,
      broken.field ? [broken.field] : [],
    );
}
