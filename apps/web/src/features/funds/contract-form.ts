import { z } from 'zod';

/**
 * A form's values checked by the shared contract of the body they become, for `useContractForm`:
 * `toBody` turns what the inputs hold (amounts as typed, in major units) into the request body and
 * names what it could not read; every other problem is the contract's own, placed on the input named
 * by `fieldOf` (a body path such as `params.tiers.0.percent`) or by the body field's last name.
 */
export function bodySchema<V>(
  contract: z.ZodType,
  toBody: (values: V) => { body: unknown; errors?: Record<string, string> },
  fieldOf: (path: string) => string | undefined = () => undefined,
) {
  return z.custom<V>().superRefine((values, ctx) => {
    const { body, errors = {} } = toBody(values);
    for (const [field, message] of Object.entries(errors))
      ctx.addIssue({ code: 'custom', path: [field], message });
    const checked = contract.safeParse(body);
    if (checked.success) return;
    for (const issue of checked.error.issues) {
      const path = issue.path.map(String);
      const field = fieldOf(path.join('.')) ?? path[path.length - 1] ?? 'form';
      if (!(field in errors)) ctx.addIssue({ code: 'custom', path: [field], message: issue.message });
    }
  });
}
