import { sql } from 'drizzle-orm';
import { inWindow, registerEngagementSource } from '../analytics/engagement';

// The community's part of the engagement score (metrics.md: post 3, comment 1,
// event attended 5). Deleted posts and comments do not count; hidden ones do
// (a moderator's decision about the words, not about the activity).

export function registerCommunityEngagement() {
  registerEngagementSource(
    'post',
    (from, to) => sql`select author_org_id as org, count(*) as n, max(created_at) as last_at from posts
      where deleted_at is null and ${inWindow(sql`created_at`, from, to)} group by 1`,
    (from, to) => sql`select author_user_id as usr, count(*) as n from posts
      where deleted_at is null and author_user_id is not null and ${inWindow(sql`created_at`, from, to)} group by 1`,
  );
  registerEngagementSource(
    'comment',
    (from, to) => sql`select author_org_id as org, count(*) as n, max(created_at) as last_at from comments
      where deleted_at is null and ${inWindow(sql`created_at`, from, to)} group by 1`,
    (from, to) => sql`select author_user_id as usr, count(*) as n from comments
      where deleted_at is null and author_user_id is not null and ${inWindow(sql`created_at`, from, to)} group by 1`,
  );
  registerEngagementSource(
    'eventAttended',
    (
      from,
      to,
    ) => sql`select organization_id as org, count(*) as n, max(attended_at) as last_at from event_rsvps
      where attended_at is not null and ${inWindow(sql`attended_at`, from, to)} group by 1`,
    (from, to) => sql`select user_id as usr, count(*) as n from event_rsvps
      where attended_at is not null and ${inWindow(sql`attended_at`, from, to)} group by 1`,
  );
}
