import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notFound } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { MailRecord } from '../../lib/mail';
import { keyset, where } from '../../lib/pagination';
import { sentEmails } from './mail.tables';

type Row = typeof sentEmails.$inferSelect;

/**
 * One-time links (password resets, invitations) grant an account to whoever
 * holds them: the outbox keeps the message but not the token, so an admin
 * reading it cannot sign in as a partner's user. Unsubscribe links are
 * hidden too: they are the recipient's to use, not the admin's. The server
 * log, which only the operator reads, still has the whole message.
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

/** The mailer's record of a message (called for every message, sent or logged). */
export async function recordEmail(db: Db, r: MailRecord) {
  await db
    .insert(sentEmails)
    .values({ id: newId(), ...r, text: hideOneTimeLinks(r.text), html: hideOneTimeLinks(r.html) });
}

const summary = (r: Row) => ({
  id: r.id,
  to: r.to,
  subject: r.subject,
  transport: r.transport,
  status: r.status,
  error: r.error,
  createdAt: r.createdAt.toISOString(),
});

export async function listEmails(db: Db, page: { limit: number; cursor?: string | undefined }) {
  const ks = keyset({ createdAt: { column: sentEmails.createdAt, cast: 'timestamptz' } }, sentEmails.id, {
    ...page,
    sort: '-createdAt',
  });
  const rows = await db
    .select()
    .from(sentEmails)
    .where(where(ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(rows, (r) => r.createdAt.toISOString());
  return { items: items.map(summary), nextCursor };
}

export async function getEmail(db: Db, id: string) {
  if (!isId(id)) throw notFound('email');
  const [row] = await db.select().from(sentEmails).where(eq(sentEmails.id, id));
  if (!row) throw notFound('email');
  return { ...summary(row), text: row.text, html: row.html };
}
