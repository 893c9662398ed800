import { z } from 'zod';
import { idSchema, timestamp } from './common';

// Uploaded files (claim proofs, content assets). The bytes are the request
// body; the name travels in the query string; the type is read by the server
// from the content, so what the client claims does not matter.

export const fileNameQuery = z.object({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    // A name is shown and offered back as a download name: no paths, no control characters.
    .refine(
      (name) =>
        ![...name].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127),
      'must be a file name without slashes or control characters',
    ),
});

export const storedFileSchema = z.object({
  id: idSchema,
  fileName: z.string(),
  contentType: z.string().describe('Read from the content, not from the upload’s Content-Type'),
  bytes: z.number().int(),
  sha256: z.string(),
  createdAt: timestamp,
  createdByUserId: idSchema.nullable(),
});
export type StoredFileDto = z.infer<typeof storedFileSchema>;
