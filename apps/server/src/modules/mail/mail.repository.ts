import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { newId } from '../../lib/ids';
import { keyset } from '../../lib/pagination';
import type { MailRecord } from '../../lib/mail';
import { sentEmails } from './mail.tables';
import { hideOneTimeLinks, visibleEmails } from './mail.visibility';

export type SentEmailRow = typeof sentEmails.$inferSelect;

/** The mailer's record of a message, one-time links already hidden. */
export async function insertSentEmail(q: Queryable, r: MailRecord): Promise<void> {
  await q
    .insert(sentEmails)
    .values({ id: newId(), ...r, text: hideOneTimeLinks(r.text), html: hideOneTimeLinks(r.html) });
}

/** A page of the outbox, newest first. */
export async function findSentEmailsPage(
  q: Queryable,
  actor: Actor,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: SentEmailRow[]; nextCursor: string | null }> {
  const ks = keyset({ createdAt: { column: sentEmails.createdAt, cast: 'timestamptz' } }, sentEmails.id, {
    ...page,
    sort: '-createdAt',
  });
  const rows = await q
    .select()
    .from(sentEmails)
    .where(and(visibleEmails(actor), ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows, (r) => r.createdAt.toISOString());
}

export async function findSentEmail(q: Queryable, actor: Actor, id: string): Promise<SentEmailRow | null> {
  const [row] = await q
    .select()
    .from(sentEmails)
    .where(and(visibleEmails(actor), eq(sentEmails.id, id)));
  return row ?? null;
}
