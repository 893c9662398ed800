interface KindCopy {
  label: string;
  hint: string;
}

// Keyed by string rather than NotificationKind: the server may add kinds before the web knows them,
// and a kind without copy here still shows (with its code as the label).
const copy: Partial<Record<string, KindCopy>> = {
  space: { label: 'Spaces', hint: 'Invitations to a space and changes to your membership' },
  mention: { label: 'Mentions', hint: 'Someone @mentions you in a post or comment' },
  reply: { label: 'Replies', hint: 'Someone replies to your comment' },
  comment: { label: 'Comments on my posts', hint: 'Someone comments on a post you wrote' },
  announcement: { label: 'Announcements', hint: 'The vendor sends an announcement to you' },
  event: { label: 'Events', hint: 'Event invitations, changes, cancellations and waitlist seats' },
  introduction: { label: 'Introductions', hint: 'Someone asks the directory for an introduction to you' },
  moderation: { label: 'Moderation', hint: 'Reports to review, and moderators’ decisions on your content' },
  referral: { label: 'Referrals', hint: 'Referrals sent to your organization and their progress' },
  deal: { label: 'Deals', hint: 'Deal registrations to review, and decisions on yours' },
  connection: { label: 'Connections', hint: 'Connection requests and answers' },
};

export function notificationKindCopy(kind: string): KindCopy {
  return copy[kind] ?? { label: kind.charAt(0).toUpperCase() + kind.slice(1), hint: '' };
}
