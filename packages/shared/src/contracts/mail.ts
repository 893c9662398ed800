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

export const unsubscribeQuery = z.object({
  token: z.string().min(1).max(200).describe('The signed token from the link at the foot of the email'),
});
export const unsubscribeResponse = z.object({
  emailDigest: z.literal(false),
  message: z.string(),
});
