// Community codes without Zod, so the web app can import them cheaply (see codes.ts).

/** open: every partner; segment: partners matching a segment; private: invited members only. */
export const spaceVisibilities = ['open', 'segment', 'private'] as const;

export const reactionKinds = ['like', 'celebrate', 'insightful', 'thanks'] as const;

export const eventKinds = ['webinar', 'meetup', 'workshop'] as const;

/** going: has a seat; waitlisted: waits for one (promoted in order when a seat frees); cancelled: not coming. */
export const rsvpStatuses = ['going', 'waitlisted', 'cancelled'] as const;

export const notificationKinds = [
  'mention',
  'reply',
  'comment',
  'announcement',
  'event',
  'introduction',
  'moderation',
  'space',
  'referral',
  'connection',
  'deal',
  'lead',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
