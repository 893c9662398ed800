import PDFDocument from 'pdfkit';
import type { z } from 'zod';
import type { Statement, statementQuery } from '@partnergraph/shared/contracts/funds';
import { formatMinor, minorToMajorText } from '@partnergraph/shared/contracts/money';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/actor';
import { invalid, notFound } from '../../lib/errors';
import { findPartnerOrganization } from '../organizations/organizations.repository';
import { expenseAccount } from './ledger';
import { findPostingsOfPartner } from './ledger.repository';
import { statementPartner } from './funds.visibility';

// A statement is read from the books, not from the entries' current states, so a past period reads the
// same tomorrow: what was earned (accrued), reversed and paid, line by line, with the running balance
// of what the vendor owes the partner.

export async function buildStatement(
  db: Db,
  ctx: Ctx,
  q: z.output<typeof statementQuery>,
): Promise<Statement> {
  const partnerId = statementPartner(ctx.actor, q.partnerId);
  if (partnerId === undefined)
    throw invalid([{ path: 'querystring.partnerId', message: 'Name the partner' }]);
  if (partnerId === null) throw notFound('partner');
  const partner = await findPartnerOrganization(db, partnerId);
  if (!partner) throw notFound('partner');
  const rows = await findPostingsOfPartner(db, partner.id, q.currency, q.to);
  let opening = 0;
  let balance = 0;
  let earned = 0;
  const lines: Statement['lines'] = [];
  for (const { posting, entry } of rows) {
    const expense = expenseAccount(entry.source);
    let kind: Statement['lines'][number]['kind'];
    let amount: number;
    if (posting.kind === 'pay') [kind, amount] = ['paid', -entry.amount];
    else if (posting.kind === 'accrue') [kind, amount] = ['earned', entry.amount];
    else if (posting.kind === 'reverse' && (posting.debit === expense || posting.credit === expense))
      [kind, amount] = ['reversed', -entry.amount];
    else continue; // an approval moves money between the partner's own accounts: nothing owed changes
    if (kind !== 'paid') earned += amount;
    if (posting.postedOn < q.from) {
      opening += amount;
      balance = opening;
      continue;
    }
    balance += amount;
    const description =
      kind === 'paid'
        ? `Paid${entry.paymentReference ? ` (reference ${entry.paymentReference})` : ''}: ${entry.explanation}`
        : kind === 'reversed'
          ? `Reversed: ${entry.explanation}`
          : `${entry.explanation} (earned ${entry.occurredOn})`;
    lines.push({
      date: posting.postedOn,
      entryId: entry.id,
      kind,
      source: entry.source,
      description,
      amount,
      balance,
    });
  }
  return {
    partnerId: partner.id,
    partnerName: partner.name,
    currency: q.currency,
    from: q.from,
    to: q.to,
    openingBalance: opening,
    lines,
    closingBalance: balance,
    earnedToDate: earned,
  };
}

const cell = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@\t\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function statementCsv(s: Statement): string {
  const major = (n: number) => minorToMajorText(n, s.currency);
  const rows = [
    ['date', 'entry_id', 'kind', 'source', 'description', 'amount', 'balance', 'currency'],
    [
      s.from,
      '',
      'opening_balance',
      '',
      `Opening balance of ${s.partnerName}`,
      '',
      major(s.openingBalance),
      s.currency,
    ],
    ...s.lines.map((l) => [
      l.date,
      l.entryId,
      l.kind,
      l.source,
      l.description,
      major(l.amount),
      major(l.balance),
      s.currency,
    ]),
    [
      s.to,
      '',
      'closing_balance',
      '',
      'Closing balance (owed to the partner)',
      '',
      major(s.closingBalance),
      s.currency,
    ],
  ];
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function statementPdf(s: Statement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 48,
      info: { Title: `Statement ${s.partnerName} ${s.from}` },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const fmt = (n: number) => formatMinor(n, s.currency);
    doc.fontSize(16).text(`Statement: ${s.partnerName}`);
    doc.fontSize(10).text(`${s.from} to ${s.to} (exclusive), ${s.currency}`).moveDown();
    doc.text(`Opening balance: ${fmt(s.openingBalance)}`).moveDown(0.5);
    for (const l of s.lines) {
      doc.font('Helvetica-Bold').text(`${l.date}  ${l.kind}  ${fmt(l.amount)}   balance ${fmt(l.balance)}`);
      doc.font('Helvetica').text(l.description, { indent: 12 }).moveDown(0.3);
    }
    doc
      .moveDown()
      .font('Helvetica-Bold')
      .text(`Closing balance (owed to the partner): ${fmt(s.closingBalance)}`);
    doc.font('Helvetica').text(`Earned to date: ${fmt(s.earnedToDate)}`);
    doc.end();
  });
}
