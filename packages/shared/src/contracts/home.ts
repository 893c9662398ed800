import { z } from 'zod';
import { timestamp } from './common';
import { ruleResultSchema } from './programs';

// The partner's home: what needs the partner now, composed from each module's own
// visible lists, so one request paints the first screen.

/** A section lists its most pressing few; `total` says how many wait in all. */
function waiting<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.number().int().describe('How many wait in all; `items` holds the most pressing few'),
    items: z.array(item),
  });
}

export const partnerHomeSchema = z.object({
  organization: z.object({ id: z.string(), name: z.string() }),
  referrals: waiting(
    z.object({
      id: z.string(),
      companyName: z.string(),
      // Null when the referral does not disclose its sender to this reader.
      fromName: z.string().nullable(),
      since: timestamp,
    }),
  ).describe('Referrals sent to your organization that wait for an answer, oldest first'),
  leads: waiting(
    z.object({ id: z.string(), companyName: z.string().nullable(), deadlineAt: timestamp.nullable() }),
  ).describe('Leads offered to your organization that wait for you to accept or decline'),
  expiringDeals: waiting(
    z.object({ id: z.string(), customerName: z.string(), expiresAt: timestamp }),
  ).describe('Your approved deals whose protection ends in the next 14 days, soonest first'),
  agreements: z
    .array(
      z.object({
        agreementId: z.string(),
        name: z.string(),
        versionNumber: z.number().int(),
        programName: z.string(),
      }),
    )
    .describe('Agreement versions your programs require and your organization has not accepted yet'),
  claimsDue: waiting(
    z.object({
      requestId: z.string(),
      title: z.string(),
      amount: z.number().int().describe('Integer minor units of `currency`'),
      currency: z.string(),
      claimDeadline: z.string().describe('The last day to claim (a date)'),
    }),
  ).describe('Approved fund requests still to be claimed, nearest deadline first'),
  nextTiers: z
    .array(
      z.object({
        enrollmentId: z.string(),
        programName: z.string(),
        currentTier: z.string().nullable(),
        nextTier: z.string(),
        evaluatedAt: timestamp,
        requirements: z.array(ruleResultSchema),
      }),
    )
    .describe(
      "For each active enrollment below the top tier: the next tier's requirements and your progress",
    ),
  announcements: waiting(z.object({ id: z.string(), title: z.string(), publishedAt: timestamp })).describe(
    'Announcements you have not read, newest first',
  ),
  newContent: z
    .array(z.object({ id: z.string(), title: z.string(), kind: z.string(), publishedAt: timestamp }))
    .describe('Enablement content for your segment published in the last 30 days, newest first'),
});
export type PartnerHome = z.infer<typeof partnerHomeSchema>;
