import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { createMailer } from '../src/lib/mail';
import { recordEmail } from '../src/modules/mail/mail.service';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

// A real SMTP server on loopback, started here: the mailer speaks SMTP to it
// exactly as it would to the vendor's relay.

let t: TestApp;
let e: Ecosystem;
let admin: Session, cm: Session;
let smtp: SMTPServer;
let smtpUrl = '';
const inbox: { from: string; to: string[]; raw: string }[] = [];
const log = { info: () => undefined, error: () => undefined } as unknown as FastifyBaseLogger;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => smtp?.close(() => r()));
  await t?.close();
});

describe('email', () => {
  it('sends over SMTP with text and HTML parts, and keeps who, what and whether it went', async () => {
    const mailer = createMailer({ smtpUrl, from: 'PartnerGraph <no-reply@partnergraph.test>' }, log, (r) =>
      recordEmail(t.database.db, r),
    );
    await mailer.send({
      to: 'pat@partner.test',
      subject: 'Your deal was approved',
      text: 'Protected for 90 days.',
      html: '<p>Protected for <b>90</b> days.</p>',
    });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.to).toEqual(['pat@partner.test']);
    const parsed = await simpleParser(inbox[0]!.raw);
    expect(parsed.subject).toBe('Your deal was approved');
    expect(parsed.text?.trim()).toBe('Protected for 90 days.');
    expect(parsed.html).toContain('<b>90</b>');
    const list = await as(t.app, admin).get('/api/v1/emails');
    expect(list.json().items[0]).toMatchObject({ to: 'pat@partner.test', transport: 'smtp', status: 'sent' });
    const one = await as(t.app, admin).get(`/api/v1/emails/${list.json().items[0].id}`);
    // Sent by SMTP: the body is the recipient's, not kept here.
    expect(one.json().text).toBeNull();
  });

  it('records a failed send and still reports the failure to the caller', async () => {
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:9', from: 'x@partnergraph.test' }, log, (r) =>
      recordEmail(t.database.db, r),
    );
    await expect(
      mailer.send({ to: 'lost@partner.test', subject: 'Lost', text: 'x', html: 'x' }),
    ).rejects.toThrow();
    const list = await as(t.app, admin).get('/api/v1/emails');
    expect(list.json().items[0]).toMatchObject({ to: 'lost@partner.test', status: 'failed' });
  });

  it('without SMTP, writes the message to the log and the outbox page (one-time tokens hidden), for the vendor admin only', async () => {
    const mailer = createMailer({ from: 'x@partnergraph.test' }, log, (r) => recordEmail(t.database.db, r));
    await mailer.send({
      to: 'new@partner.test',
      subject: 'Join us',
      text: 'Open https://x.test/invitations/pgi_AbCdEfGhIjKlMnOpQrSt',
      html: '<p>Open</p>',
    });
    const list = await as(t.app, admin).get('/api/v1/emails');
    const entry = list.json().items[0];
    expect(entry).toMatchObject({ to: 'new@partner.test', transport: 'log', status: 'logged' });
    // The one-time token is not kept: reading the outbox never hands over an account.
    expect((await as(t.app, admin).get(`/api/v1/emails/${entry.id}`)).json().text).toBe(
      'Open https://x.test/invitations/[one-time token hidden: see the server log]',
    );
    expect((await as(t.app, cm).get('/api/v1/emails')).statusCode).toBe(403);
  });
});
