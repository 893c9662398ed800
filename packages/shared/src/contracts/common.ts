import { z } from 'zod';
import countries from 'i18n-iso-countries';

/** Opaque identifier (UUIDv7 on the server). Malformed ids answer 404, so params accept any string. */
export const idSchema = z.string().min(1).max(64).describe('Opaque identifier');
export const idParams = z.object({ id: idSchema });

export const timestamp = z.iso.datetime({ offset: true }).describe('ISO-8601 UTC timestamp');

export const countryCode = z
  .string()
  .length(2)
  .transform((s) => s.toUpperCase())
  .refine((s) => countries.isValid(s), { message: 'Unknown ISO 3166-1 alpha-2 country code' })
  .describe('ISO 3166-1 alpha-2 country code');

export const versionField = z
  .number()
  .int()
  .min(1)
  .describe('The version you last read; a stale one answers 409');

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');
export type Problem = z.infer<typeof problemSchema>;

// Request bodies are strict objects: an unknown or forbidden field (a status, an
// organization, a fee) is refused with 400, never silently dropped or stored.
