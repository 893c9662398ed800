import { readFile } from 'node:fs/promises';
import { expect, inject } from 'vitest';

/** One email as the server logs it when no SMTP server is configured (see apps/server/src/lib/mail.ts). */
export interface LoggedMail {
  to: string;
  subject: string;
  text: string;
}

/** Every email the server has "sent" to `address` so far, oldest first. */
export async function mailsTo(address: string): Promise<LoggedMail[]> {
  const log = await readFile(inject('serverLog'), 'utf8');
  const mails: LoggedMail[] = [];
  for (const line of log.split('\n')) {
    if (!line.includes('"mail"')) continue;
    try {
      const record = JSON.parse(line) as { mail?: LoggedMail };
      if (record.mail?.to.toLowerCase() === address.toLowerCase()) mails.push(record.mail);
    } catch {
      // A line cut off by a write in progress: the next read has it whole.
    }
  }
  return mails;
}

/**
 * The path (`/invitations/<token>`, `/reset-password/<token>`) of the newest link of that kind emailed
 * to `address`, waiting for it to arrive. Pass the link seen before an action to wait for a newer one.
 * Links point at PUBLIC_URL; only the path is kept, to open it on the server under test.
 */
export async function emailedLink(
  address: string,
  kind: 'invitations' | 'reset-password',
  options: { not?: string } = {},
): Promise<string> {
  const pattern = new RegExp(`https?://\\S+(/${kind}/[\\w-]+)`, 'g');
  const newest = async () => {
    const links = (await mailsTo(address)).flatMap((m) =>
      [...m.text.matchAll(pattern)].map((x) => x[1] ?? ''),
    );
    return links.at(-1);
  };
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        found = await newest();
        return found !== undefined && found !== options.not;
      },
      { timeout: 10_000, message: `an email to ${address} with a /${kind}/ link` },
    )
    .toBe(true);
  return found!;
}
