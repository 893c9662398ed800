import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The one way any module sends email. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** What the mailer keeps of each message (the outbox page): bodies only for messages written to the log. */
export interface MailRecord {
  to: string;
  subject: string;
  transport: 'smtp' | 'log';
  status: 'sent' | 'failed' | 'logged';
  error?: string | null;
  text?: string | null;
  html?: string | null;
}

/**
 * SMTP when SMTP_URL is set; otherwise each message is written to the log, so
 * a newcomer can still follow links. Either way `record` keeps an entry for
 * the admin's outbox page; a failure to record never stops the mail.
 */
export function createMailer(
  opts: { smtpUrl?: string | undefined; from: string },
  log: FastifyBaseLogger,
  record: (entry: MailRecord) => Promise<void> = async () => {},
): Mailer {
  const keep = (entry: MailRecord) =>
    record(entry).catch((err: unknown) => log.error({ err }, 'could not record an email in the outbox'));
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(m) {
        try {
          await transport.sendMail({ from: opts.from, ...m });
        } catch (err) {
          await keep({
            to: m.to,
            subject: m.subject,
            transport: 'smtp',
            status: 'failed',
            error: String(err),
          });
          throw err;
        }
        await keep({ to: m.to, subject: m.subject, transport: 'smtp', status: 'sent' });
      },
    };
  }
  return {
    async send(m) {
      log.info({ mail: { to: m.to, subject: m.subject, text: m.text } }, `mail to ${m.to}: ${m.subject}`);
      await keep({
        to: m.to,
        subject: m.subject,
        transport: 'log',
        status: 'logged',
        text: m.text,
        html: m.html,
      });
    },
  };
}

/** Collects messages in memory; tests read what would have been sent. */
export function createMemoryMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(m) {
      sent.push(m);
    },
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
