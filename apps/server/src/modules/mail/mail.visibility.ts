import { sql } from 'drizzle-orm';
import { isVendor, type Actor } from '../../lib/actor';

/**
 * The email outbox holds messages to the people of every organization: it is the vendor's record of
 * what the platform sent (its admins read it, by the `emails:read` permission); a partner sees none.
 * The routes refuse a partner before this is read; the rule holds should a partner role ever be given
 * the permission.
 */
export function visibleEmails(actor: Actor) {
  return isVendor(actor) ? undefined : sql`false`;
}

/**
 * One-time links (password resets, invitations) grant an account to whoever
 * holds them: the outbox keeps the message but not the token, so an admin
 * reading it cannot sign in as a partner's user. Unsubscribe links are
 * hidden too: they are the recipient's to use, not the admin's. The server
 * log, which only the operator reads, still has the whole message. Applied
 * when the message is recorded, so no read can reveal what was never kept.
 */
export function hideOneTimeLinks(body: string | null | undefined): string | null {
  if (!body) return body ?? null;
  return body
    .replace(
      /\/(reset-password|invitations)\/[A-Za-z0-9_-]{16,}/g,
      '/$1/[one-time token hidden: see the server log]',
    )
    .replace(/(\/unsubscribe\?token=)[A-Za-z0-9._%-]+/g, '$1[token hidden: see the server log]');
}
