import { z } from 'zod';
import { connectionKinds, connectionStatuses } from '@partnergraph/shared/contracts/marketplace';
import { referralStatuses } from '@partnergraph/shared/contracts/deals';
import { newId } from '../../lib/ids';
import { findReferralsByExternalIds, referralRecordValues, upsertReferralRows } from '../deals/deals.records';
import {
  connectionRecordValues,
  findConnectionsByExternalIds,
  upsertConnectionRows,
} from '../marketplace/marketplace.records';
import { findOrganizationsByRef, findVendor } from '../organizations/organizations.repository';
import {
  country,
  currency,
  email,
  industry,
  instant,
  minor,
  oneOf,
  ref,
  text,
  type Importer,
  type RowError,
} from './fields';

const percent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, 'A percentage such as 10 or 12.5')
  .refine((s) => Number(s) <= 100, 'At most 100');

const missingPartner = 'No partner with this external id: import partners first';

type ConnectionReady = ReturnType<typeof connectionRecordValues> & { exists: boolean };

export const connectionsImporter: Importer<ConnectionReady> = {
  type: 'connections',
  label: 'Connections between partners',
  key: 'externalId',
  dependsOn: ['partners'],
  writes: ['connections'],
  fields: [
    {
      key: 'externalId',
      label: 'External id',
      required: true,
      description: 'The connection’s id in your system',
      example: 'CON-7',
      cell: text(200),
    },
    {
      key: 'requesterExternalId',
      label: 'Requester',
      required: true,
      description: 'The partner that asked (external id)',
      example: 'ACC-0042',
      aliases: ['requester.id', 'requester'],
      cell: ref,
    },
    {
      key: 'recipientExternalId',
      label: 'Recipient',
      required: true,
      description: 'The partner asked (external id)',
      example: 'ACC-0077',
      aliases: ['recipient.id', 'recipient'],
      cell: ref,
    },
    {
      key: 'kind',
      label: 'Kind',
      description: `${connectionKinds.join(', ')}; default referral`,
      example: 'co_sell',
      cell: oneOf(connectionKinds),
    },
    {
      key: 'status',
      label: 'Status',
      description: `${connectionStatuses.join(', ')}; default active`,
      example: 'active',
      cell: oneOf(connectionStatuses),
    },
    {
      key: 'message',
      label: 'Message',
      description: 'What the requester wrote',
      example: 'Let’s refer SAP projects to each other',
      cell: z.string().max(2000),
    },
    {
      key: 'referralFeePct',
      label: 'Referral fee %',
      description: 'The fee agreed for referrals under it',
      example: '10',
      aliases: ['terms.referralFeePct'],
      cell: percent,
    },
    {
      key: 'createdAt',
      label: 'Requested',
      description: 'When it was requested',
      example: '2024-05-02',
      cell: instant,
    },
    {
      key: 'startedAt',
      label: 'Started',
      description: 'When it became active (default: a day after the request)',
      example: '2024-05-03',
      cell: instant,
    },
    {
      key: 'endedAt',
      label: 'Ended',
      description: 'When it ended or was declined',
      example: '2025-01-31',
      cell: instant,
    },
  ],
  check(row, issue) {
    if (row.requesterExternalId === row.recipientExternalId)
      issue('recipientExternalId', 'A partner cannot connect with itself');
  },
  keyOf: (row) => String(row.externalId),

  async resolve(q, rows) {
    const errors: RowError[] = [];
    const orgs = await findOrganizationsByRef(
      q,
      rows.flatMap((r) => [String(r.requesterExternalId), String(r.recipientExternalId)]),
    );
    const existing = await findConnectionsByExternalIds(
      q,
      rows.map((r) => String(r.externalId)),
    );
    const ready = rows.map((r, index) => {
      const a = orgs.get(String(r.requesterExternalId));
      const b = orgs.get(String(r.recipientExternalId));
      if (a?.kind !== 'partner')
        errors.push({ index, field: 'requesterExternalId', message: missingPartner });
      if (b?.kind !== 'partner')
        errors.push({ index, field: 'recipientExternalId', message: missingPartner });
      if (a?.kind !== 'partner' || b?.kind !== 'partner') return null;
      const found = existing.get(String(r.externalId));
      return {
        ...connectionRecordValues({
          id: found?.id ?? newId(),
          externalId: String(r.externalId),
          requesterOrgId: a.id,
          recipientOrgId: b.id,
          kind: r.kind as ConnectionReady['kind'],
          status: r.status as 'active' | undefined,
          message: r.message as string | undefined,
          terms: r.referralFeePct !== undefined ? { referralFeePct: Number(r.referralFeePct) } : {},
          createdAt: (r.createdAt as Date | undefined) ?? found?.createdAt,
          startedAt: r.startedAt as Date | undefined,
          endedAt: r.endedAt as Date | undefined,
        }),
        exists: !!found,
      };
    });
    return { errors, ready };
  },

  async write(q, rows) {
    await upsertConnectionRows(
      q,
      rows.map(({ exists: _exists, ...values }) => ({ ...values, updatedAt: new Date() })),
    );
    const created = rows.filter((r) => !r.exists).length;
    return { created, updated: rows.length - created };
  },
};

type ReferralReady = ReturnType<typeof referralRecordValues> & { exists: boolean };

export const referralsImporter: Importer<ReferralReady> = {
  type: 'referrals',
  label: 'Referrals (partner to partner, or to the vendor)',
  key: 'externalId',
  dependsOn: ['partners', 'connections'],
  writes: ['referrals'],
  fields: [
    {
      key: 'externalId',
      label: 'External id',
      required: true,
      description: 'The referral’s id in your system',
      example: 'REF-301',
      cell: text(200),
    },
    {
      key: 'referrerExternalId',
      label: 'Referrer',
      required: true,
      description: 'The referring partner (external id)',
      example: 'ACC-0042',
      aliases: ['referrer.id', 'referrer'],
      cell: ref,
    },
    {
      key: 'recipientExternalId',
      label: 'Recipient',
      description: 'The partner referred to (external id); blank for a referral to the vendor',
      example: 'ACC-0077',
      aliases: ['recipient.id', 'recipient'],
      cell: ref,
    },
    {
      key: 'connectionExternalId',
      label: 'Connection',
      description: 'The connection it was sent under (external id)',
      example: 'CON-7',
      aliases: ['connectionId', 'connection'],
      cell: ref,
    },
    {
      key: 'companyName',
      label: 'Company',
      required: true,
      description: 'The prospect',
      example: 'Tailspin Toys',
      aliases: ['company.name', 'prospect'],
      cell: text(200, 2),
    },
    {
      key: 'companyDomain',
      label: 'Company domain',
      description: 'The prospect’s web domain',
      example: 'tailspintoys.com',
      aliases: ['company.domain'],
      cell: text(253),
    },
    {
      key: 'country',
      label: 'Country',
      description: 'ISO 3166-1 alpha-2 code; a name (Germany) or alpha-3 code (DEU) is mapped to it',
      example: 'US',
      aliases: ['company.country'],
      cell: country,
    },
    {
      key: 'industry',
      label: 'Industry',
      description: 'NAICS sector code',
      example: '44-45',
      aliases: ['company.industry'],
      cell: industry,
    },
    {
      key: 'contactName',
      label: 'Contact name',
      required: true,
      description: 'Who to talk to',
      example: 'Pat Lee',
      aliases: ['contact.name'],
      cell: text(200, 2),
    },
    {
      key: 'contactEmail',
      label: 'Contact e-mail',
      required: true,
      description: 'Their address',
      example: 'pat@tailspintoys.com',
      aliases: ['contact.email'],
      cell: email,
    },
    {
      key: 'contactPhone',
      label: 'Contact phone',
      description: 'Their phone',
      example: '+1 555 0100',
      aliases: ['contact.phone'],
      cell: text(40),
    },
    {
      key: 'need',
      label: 'Need',
      required: true,
      description: 'What the prospect needs',
      example: 'Rollout to 40 stores',
      cell: text(5000, 3),
    },
    {
      key: 'estimatedAmount',
      label: 'Estimated amount',
      description: 'Integer minor units (cents)',
      example: '2500000',
      aliases: ['estimatedValue.amount'],
      cell: minor,
    },
    {
      key: 'estimatedCurrency',
      label: 'Estimated currency',
      description: 'ISO 4217 code',
      example: 'USD',
      aliases: ['estimatedValue.currency'],
      cell: currency,
    },
    {
      key: 'status',
      label: 'Status',
      description: `${referralStatuses.join(', ')}; default submitted. A converted one is linked by the deal that names it (deals' referralExternalId)`,
      example: 'accepted',
      cell: oneOf(referralStatuses),
    },
    {
      key: 'decisionReason',
      label: 'Decision reason',
      description: 'Why it was rejected',
      example: 'Outside our region',
      cell: text(2000),
    },
    {
      key: 'createdAt',
      label: 'Sent',
      description: 'When it was sent',
      example: '2025-03-01',
      cell: instant,
    },
    {
      key: 'decidedAt',
      label: 'Decided',
      description: 'When it was accepted or rejected',
      example: '2025-03-03',
      cell: instant,
    },
    {
      key: 'feePercent',
      label: 'Fee %',
      description: 'For a converted referral: the fee agreed',
      example: '10',
      aliases: ['fee.percent'],
      cell: percent,
    },
  ],
  check(row, issue) {
    if ((row.estimatedAmount === undefined) !== (row.estimatedCurrency === undefined))
      issue('estimatedCurrency', 'Give an estimated amount and its currency together');
    if (row.recipientExternalId !== undefined && row.recipientExternalId === row.referrerExternalId)
      issue('recipientExternalId', 'A partner cannot refer to itself');
  },
  keyOf: (row) => String(row.externalId),

  async resolve(q, rows) {
    const errors: RowError[] = [];
    const vendor = (await findVendor(q))!;
    const orgs = await findOrganizationsByRef(
      q,
      rows.flatMap((r) => [
        String(r.referrerExternalId),
        ...(r.recipientExternalId ? [String(r.recipientExternalId)] : []),
      ]),
    );
    const conns = await findConnectionsByExternalIds(
      q,
      rows.flatMap((r) => (r.connectionExternalId ? [String(r.connectionExternalId)] : [])),
    );
    const existing = await findReferralsByExternalIds(
      q,
      rows.map((r) => String(r.externalId)),
    );
    const ready = rows.map((r, index) => {
      const referrer = orgs.get(String(r.referrerExternalId));
      const recipient = r.recipientExternalId
        ? orgs.get(String(r.recipientExternalId))
        : { id: vendor.id, kind: 'vendor' as const };
      const connection = r.connectionExternalId ? conns.get(String(r.connectionExternalId)) : undefined;
      if (referrer?.kind !== 'partner')
        errors.push({ index, field: 'referrerExternalId', message: missingPartner });
      if (!recipient) errors.push({ index, field: 'recipientExternalId', message: missingPartner });
      if (r.connectionExternalId && !connection)
        errors.push({
          index,
          field: 'connectionExternalId',
          message: 'No connection with this external id: import connections first',
        });
      if (referrer?.kind !== 'partner' || !recipient || (r.connectionExternalId && !connection)) return null;
      const found = existing.get(String(r.externalId));
      const status = (r.status as ReferralReady['status']) ?? 'submitted';
      return {
        ...referralRecordValues({
          id: found?.id ?? newId(),
          externalId: String(r.externalId),
          referrerOrgId: referrer.id,
          recipientOrgId: recipient.id,
          toVendor: recipient.kind === 'vendor',
          connectionId: connection?.id ?? null,
          companyName: r.companyName as string,
          companyDomain: (r.companyDomain as string | undefined) ?? null,
          country: (r.country as string | undefined) ?? null,
          industry: (r.industry as string | undefined) ?? null,
          contactName: r.contactName as string,
          contactEmail: r.contactEmail as string,
          contactPhone: (r.contactPhone as string | undefined) ?? null,
          need: r.need as string,
          estimatedAmount: (r.estimatedAmount as number | undefined) ?? null,
          estimatedCurrency: (r.estimatedCurrency as string | undefined) ?? null,
          status,
          decisionReason: r.decisionReason as string | undefined,
          createdAt: (r.createdAt as Date | undefined) ?? found?.createdAt,
          decidedAt: r.decidedAt as Date | undefined,
          feePercent: (r.feePercent as string | undefined) ?? null,
          feeBasis: r.feePercent !== undefined ? 'Imported with the referral' : null,
        }),
        exists: !!found,
      };
    });
    return { errors, ready };
  },

  async write(q, rows) {
    await upsertReferralRows(
      q,
      rows.map(({ exists: _exists, ...values }) => ({ ...values, updatedAt: new Date() })),
    );
    const created = rows.filter((r) => !r.exists).length;
    return { created, updated: rows.length - created };
  },
};
