import type { eventKinds, spaceVisibilities } from '@partnergraph/shared/community-codes';
import type { ReactionKind } from '../../api/community';

export const visibilityCopy: Record<
  (typeof spaceVisibilities)[number],
  { label: string; hint: string; color: string }
> = {
  open: { label: 'Open', hint: 'Every partner may join', color: 'green' },
  segment: { label: 'Segment', hint: 'Partners matching a segment may join', color: 'blue' },
  private: { label: 'Private', hint: 'Invited members only', color: 'gray' },
};

export const reactionCopy: Record<ReactionKind, { emoji: string; label: string }> = {
  like: { emoji: '👍', label: 'Like' },
  celebrate: { emoji: '🎉', label: 'Celebrate' },
  insightful: { emoji: '💡', label: 'Insightful' },
  thanks: { emoji: '🙏', label: 'Thanks' },
};

export const eventKindLabel: Record<(typeof eventKinds)[number], string> = {
  webinar: 'Webinar',
  meetup: 'Meetup',
  workshop: 'Workshop',
};

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const steps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 hours ago", "yesterday": how long ago something happened, for feeds. */
export function timeAgo(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  for (const [unit, ms] of steps) {
    if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}

// The contract's limits (contracts/community.ts), kept here so the web bundle need not load Zod.
export const MAX_POST_CHARS = 20_000;
export const MAX_COMMENT_CHARS = 5_000;
