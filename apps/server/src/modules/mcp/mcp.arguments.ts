import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ToolSpec } from './mcp.tools';

/**
 * A write's arguments are checked against the operation's own schema when it is proposed, so a
 * person is never asked to confirm a request the API would refuse for its shape (the API checks again
 * when it runs, with the rules only it knows: exchange rates, conflicts, versions).
 */
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
addFormats.default(ajv);

const compiled = new Map<string, ValidateFunction | null>();

function validatorOf(tool: ToolSpec): ValidateFunction | null {
  if (!compiled.has(tool.name)) {
    let fn: ValidateFunction | null = null;
    try {
      fn = ajv.compile(tool.inputSchema);
    } catch {
      // A schema JSON Schema cannot express the way Zod wrote it: the API's own check stays.
      fn = null;
    }
    compiled.set(tool.name, fn);
  }
  return compiled.get(tool.name)!;
}

const fieldOf = (e: ErrorObject) => {
  const at = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (e.keyword === 'required')
    return [at, (e.params as { missingProperty: string }).missingProperty].filter(Boolean).join('.');
  if (e.keyword === 'additionalProperties')
    return [at, (e.params as { additionalProperty: string }).additionalProperty].filter(Boolean).join('.');
  return at || 'arguments';
};

/** Each problem with the field it is about (`body.country`), as the API's problem details name them. */
export function argumentProblems(tool: ToolSpec, args: unknown): { path: string; message: string }[] {
  const validate = validatorOf(tool);
  if (!validate || validate(args)) return [];
  const seen = new Set<string>();
  return (validate.errors ?? []).flatMap((e) => {
    const path = fieldOf(e);
    const message =
      e.keyword === 'additionalProperties'
        ? 'is not a field of this operation'
        : (e.message ?? 'is not valid');
    if (seen.has(path)) return [];
    seen.add(path);
    return [{ path, message }];
  });
}
