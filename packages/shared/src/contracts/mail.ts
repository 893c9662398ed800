import { z } from 'zod';
import { timestamp } from './common';

export const emailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  transport: z.enum(['smtp', 'log']),
  status: z.enum(['sent', 'failed', 'logged']),
  error: z.string().nullable(),
  createdAt: timestamp,
});
export type Email = z.infer<typeof emailSchema>;

export const emailDetailSchema = emailSchema.extend({
  text: z.string().nullable(),
  html: z.string().nullable(),
});
