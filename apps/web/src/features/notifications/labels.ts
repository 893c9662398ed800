import type { NotificationKind } from '@partnergraph/shared/community-codes';

export const notificationKindCopy: Record<NotificationKind, { label: string; hint: string }> = {
  space: { label: 'Spaces', hint: 'Invitations to a space and changes to your membership' },
  mention: { label: 'Mentions', hint: 'Someone @mentions you in a post or comment' },
  reply: { label: 'Replies', hint: 'Someone replies to your comment' },
  comment: { label: 'Comments on my posts', hint: 'Someone comments on a post you wrote' },
  announcement: { label: 'Announcements', hint: 'The vendor sends an announcement to you' },
  event: { label: 'Events', hint: 'Event invitations, changes, cancellations and waitlist seats' },
  introduction: { label: 'Introductions', hint: 'Someone asks the directory for an introduction to you' },
  moderation: { label: 'Moderation', hint: 'Reports to review, and moderators’ decisions on your content' },
  referral: { label: 'Referrals', hint: 'Referrals sent to your organization and their progress' },
  connection: { label: 'Connections', hint: 'Connection requests and answers' },
};
