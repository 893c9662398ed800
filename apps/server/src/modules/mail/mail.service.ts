import type { Db } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { isId } from '../../lib/ids';
import type { MailRecord } from '../../lib/mail';
import { findSentEmail, findSentEmailsPage, insertSentEmail, type SentEmailRow } from './mail.repository';

/** The mailer's record of a message (called for every message, sent or logged). */
export async function recordEmail(db: Db, r: MailRecord) {
  await insertSentEmail(db, r);
}

const summary = (r: SentEmailRow) => ({
  id: r.id,
  to: r.to,
  subject: r.subject,
  transport: r.transport,
  status: r.status,
  error: r.error,
  createdAt: r.createdAt.toISOString(),
});

export async function listEmails(db: Db, actor: Actor, page: { limit: number; cursor?: string | undefined }) {
  const { items, nextCursor } = await findSentEmailsPage(db, actor, page);
  return { items: items.map(summary), nextCursor };
}

export async function getEmail(db: Db, actor: Actor, id: string) {
  if (!isId(id)) throw notFound('email');
  const row = await findSentEmail(db, actor, id);
  if (!row) throw notFound('email');
  return { ...summary(row), text: row.text, html: row.html };
}
