import { z } from 'zod';
import {
  dealStages,
  dealStatuses,
  involvementRoles,
  type InvolvementRole,
} from '@partnergraph/shared/contracts/deals';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import {
  dealRecordValues,
  findDealsByExternalIds,
  findReferralLinks,
  markReferralsConverted,
  replaceDealInvolvements,
  upsertDealRows,
} from '../deals/deals.records';
import { findOrganizationsByRef, findVendor } from '../organizations/organizations.repository';
import { findFirstRateDates, readSettings } from '../settings/settings.service';
import {
  country,
  currency,
  date,
  industry,
  instant,
  integer,
  list,
  minor,
  oneOf,
  ref,
  text,
  type Cells,
  type Importer,
  type RowError,
} from './fields';

type InvolvementCell = { ref: string; role: InvolvementRole; involvedAt?: Date };

const role = oneOf(involvementRoles);
/** `ACC-1:co_sell`, or an export's involvement object. */
const involvementItem = z.string().transform((s, ctx): InvolvementCell => {
  if (s.startsWith('{')) {
    try {
      const o = JSON.parse(s) as {
        organization?: { id?: unknown };
        role?: unknown;
        involvedAt?: unknown;
        status?: unknown;
      };
      const parsedRole = role.safeParse(String(o.role));
      const at = typeof o.involvedAt === 'string' ? instant.safeParse(o.involvedAt) : null;
      if (typeof o.organization?.id === 'string' && parsedRole.success && o.status !== 'proposed')
        return {
          ref: o.organization.id,
          role: parsedRole.data,
          ...(at?.success ? { involvedAt: at.data } : {}),
        };
      if (o.status === 'proposed') return { ref: '', role: 'influenced' };
    } catch {
      // reported below
    }
  } else {
    const [who, what] = s.split(':').map((x) => x.trim());
    const parsedRole = role.safeParse(what ?? '');
    if (who && parsedRole.success) return { ref: who, role: parsedRole.data };
  }
  ctx.addIssue({
    code: 'custom',
    message: `Each involvement as partner:role, role one of ${involvementRoles.join(', ')}`,
  });
  return z.NEVER;
});

type DealReady = ReturnType<typeof dealRecordValues> & { exists: boolean };

export const dealsImporter: Importer<DealReady> = {
  type: 'deals',
  label: 'Deals (with the partners involved)',
  key: 'externalId',
  dependsOn: ['partners', 'referrals', 'fx-rates'],
  writes: ['deals', 'deal_involvements', 'referrals'],
  fields: [
    {
      key: 'externalId',
      label: 'External id',
      required: true,
      description: 'The opportunity’s id in your CRM; a re-import updates the deal with this id',
      example: 'OPP-1001',
      aliases: ['opportunity id', 'deal id'],
      cell: text(200),
    },
    {
      key: 'partnerExternalId',
      label: 'Registered by',
      description: 'The registering partner’s external id; blank for a deal the vendor recorded',
      example: 'ACC-0042',
      aliases: ['registeredBy.id', 'partner', 'registered by'],
      cell: ref,
    },
    {
      key: 'customerName',
      label: 'Customer',
      required: true,
      description: 'The customer’s name',
      example: 'Tailspin Toys',
      aliases: ['customer.name', 'customer', 'account'],
      cell: text(200, 2),
    },
    {
      key: 'customerDomain',
      label: 'Customer domain',
      description: 'Web domain or an address on it',
      example: 'tailspintoys.com',
      aliases: ['customer.domain'],
      cell: text(253),
    },
    {
      key: 'country',
      label: 'Country',
      required: true,
      description:
        'The customer’s ISO 3166-1 alpha-2 code; a name (Germany) or alpha-3 code (DEU) is mapped to it',
      example: 'US',
      aliases: ['customer.country'],
      cell: country,
    },
    {
      key: 'industry',
      label: 'Industry',
      description: 'NAICS sector code',
      example: '44-45',
      aliases: ['customer.industry'],
      cell: industry,
    },
    {
      key: 'amount',
      label: 'Amount',
      required: true,
      description: 'Integer minor units (cents); the final amount for a won deal',
      example: '4500000',
      cell: minor,
    },
    {
      key: 'currency',
      label: 'Currency',
      required: true,
      description:
        'ISO 4217 code; needs an exchange rate into the reporting currency in force (import FX rates first)',
      example: 'EUR',
      cell: currency,
    },
    {
      key: 'products',
      label: 'Products',
      description: 'Separated by ;',
      example: 'Cloud Suite; Support',
      cell: z.string().pipe(list(text(100), 30)),
    },
    {
      key: 'expectedCloseDate',
      label: 'Expected close',
      required: true,
      description: 'YYYY-MM-DD',
      example: '2025-06-30',
      cell: date,
    },
    {
      key: 'stage',
      label: 'Stage',
      description: dealStages.join(', '),
      example: 'proposal',
      cell: oneOf(dealStages),
    },
    {
      key: 'status',
      label: 'Status',
      description: `${dealStatuses.join(', ')}; default registered`,
      example: 'won',
      cell: oneOf(dealStatuses),
    },
    {
      key: 'closeDate',
      label: 'Close date',
      description: 'For won and lost deals: YYYY-MM-DD, not in the future',
      example: '2025-03-02',
      cell: date,
    },
    {
      key: 'lostReason',
      label: 'Lost reason',
      description: 'For lost deals',
      example: 'Chose a competitor',
      cell: text(2000),
    },
    {
      key: 'decisionReason',
      label: 'Rejection reason',
      description: 'For rejected deals',
      example: 'Duplicate',
      cell: text(2000),
    },
    {
      key: 'notes',
      label: 'Notes',
      description: 'The registrant’s notes',
      example: 'Champion is the CFO',
      cell: z.string().max(5000),
    },
    {
      key: 'createdAt',
      label: 'Registered',
      description: 'When it was registered',
      example: '2025-01-15',
      aliases: ['registered at', 'created'],
      cell: instant,
    },
    {
      key: 'approvedAt',
      label: 'Approved',
      description: 'When it was approved (default: a day after registration)',
      example: '2025-01-16',
      aliases: ['protection.startedAt'],
      cell: instant,
    },
    {
      key: 'protectionDays',
      label: 'Protection days',
      description: 'Days of protection from approval (default 90)',
      example: '90',
      aliases: ['protection.days'],
      cell: integer(z.number().int().min(1).max(730)),
    },
    {
      key: 'referralExternalId',
      label: 'From referral',
      description: 'The referral converted into this deal (external id)',
      example: 'REF-301',
      aliases: ['referralId', 'referral'],
      cell: ref,
    },
    {
      key: 'involvements',
      label: 'Partners involved',
      description: 'partner:role pairs separated by ; (the registrant is sourced unless listed)',
      example: 'ACC-0042:sourced; ACC-0077:implementation',
      cell: z.string().pipe(list(involvementItem, 20)),
    },
  ],
  check(row, issue) {
    const closed = row.status === 'won' || row.status === 'lost';
    if (closed && !row.closeDate) issue('closeDate', 'A won or lost deal needs its close date');
    if (!closed && row.closeDate) issue('closeDate', 'Only won and lost deals have a close date');
    if (row.closeDate && (row.closeDate as string) > new Date().toISOString().slice(0, 10))
      issue('closeDate', 'A close date cannot be in the future');
    const inv = (row.involvements as InvolvementCell[] | undefined)?.filter((i) => i.ref) ?? [];
    if (new Set(inv.map((i) => i.ref)).size !== inv.length) issue('involvements', 'One role per partner');
    if (inv.filter((i) => i.role === 'sourced').length > 1)
      issue('involvements', 'At most one sourced partner');
  },
  keyOf: (row) => String(row.externalId),

  async resolve(q, rows) {
    const errors: RowError[] = [];
    const vendor = (await findVendor(q))!;
    const { reportingCurrency } = await readSettings(q);
    const involvementRefs = rows.flatMap((r) =>
      ((r.involvements as InvolvementCell[] | undefined) ?? []).map((i) => i.ref).filter(Boolean),
    );
    const orgs = await findOrganizationsByRef(q, [
      ...rows.flatMap((r) => (r.partnerExternalId ? [String(r.partnerExternalId)] : [])),
      ...involvementRefs,
    ]);
    const externalIds = rows.map((r) => String(r.externalId));
    const existing = await findDealsByExternalIds(q, externalIds);
    const referralRefs = rows.flatMap((r) => (r.referralExternalId ? [String(r.referralExternalId)] : []));
    const refs = referralRefs.length ? await findReferralLinks(q, referralRefs) : [];
    // The earliest rate of each currency: a deal dated before it could not be converted.
    const currencies = [...new Set(rows.map((r) => String(r.currency)))].filter(
      (c) => c !== reportingCurrency,
    );
    const firstRate = new Map(
      currencies.length
        ? (await findFirstRateDates(q, currencies, reportingCurrency)).map((r) => [r.currency, r.first])
        : [],
    );
    const ready = rows.map((r, index) => {
      let ok = true;
      const fail = (field: string, message: string) => {
        errors.push({ index, field, message });
        ok = false;
      };
      const registrant = r.partnerExternalId
        ? orgs.get(String(r.partnerExternalId))
        : { id: vendor.id, kind: 'vendor' as const };
      if (!registrant) fail('partnerExternalId', 'No partner with this external id: import partners first');
      const involvements = ((r.involvements as InvolvementCell[] | undefined) ?? []).filter((i) => i.ref);
      for (const i of involvements) {
        const org = orgs.get(i.ref);
        if (org?.kind !== 'partner') fail('involvements', `No partner ${i.ref}: import partners first`);
      }
      const referral = r.referralExternalId
        ? refs.find((x) => x.externalId === r.referralExternalId)
        : undefined;
      if (r.referralExternalId && !referral)
        fail('referralExternalId', 'No referral with this external id: import referrals first');
      else if (referral?.linked && referral.linked !== r.externalId)
        fail('referralExternalId', `Already converted into deal ${referral.linked}`);
      const cur = String(r.currency);
      const on =
        (r.closeDate as string | undefined) ??
        ((r.createdAt as Date | undefined) ?? new Date()).toISOString().slice(0, 10);
      if (cur !== reportingCurrency) {
        const first = firstRate.get(cur);
        if (!first || first > on)
          fail(
            'currency',
            `No ${cur}→${reportingCurrency} exchange rate in force on ${on}: import FX rates first`,
          );
      }
      if (!ok || !registrant) return null;
      const found = existing.get(String(r.externalId));
      const vendorRecorded = registrant.kind === 'vendor';
      // The record's own rules (a domain that is no public web domain) are the row's errors too.
      try {
        return row(found, registrant, vendorRecorded, involvements, referral, r);
      } catch (err) {
        if (!(err instanceof AppError) || !err.extra.errors) throw err;
        for (const x of err.extra.errors) errors.push({ index, field: x.path, message: x.message });
        return null;
      }
    });
    function row(
      found: { id: string; createdAt: Date } | undefined,
      registrant: { id: string; kind: 'vendor' | 'partner' },
      vendorRecorded: boolean,
      involvements: InvolvementCell[],
      referral: { id: string } | undefined,
      r: Cells,
    ): DealReady {
      const cur = String(r.currency);
      return {
        ...dealRecordValues({
          id: found?.id ?? newId(),
          externalId: String(r.externalId),
          registeredByOrgId: registrant.id,
          vendorRecorded,
          customerName: r.customerName as string,
          customerDomain: (r.customerDomain as string | undefined) ?? null,
          country: r.country as string,
          industry: (r.industry as string | undefined) ?? null,
          amount: r.amount as number,
          currency: cur,
          products: (r.products as string[] | undefined) ?? [],
          status: (r.status as DealReady['row']['status']) ?? 'registered',
          stage: (r.stage as DealReady['row']['stage']) ?? null,
          notes: r.notes as string | undefined,
          createdAt: (r.createdAt as Date | undefined) ?? found?.createdAt,
          expectedCloseDate: r.expectedCloseDate as string,
          approvedAt: r.approvedAt as Date | undefined,
          protectionDays: r.protectionDays as number | undefined,
          closeDate: r.closeDate as string | undefined,
          lostReason: r.lostReason as string | undefined,
          decisionReason: r.decisionReason as string | undefined,
          referralId: referral?.id ?? null,
          ...(involvements.length
            ? {
                involvements: [
                  ...involvements.map((i) => ({
                    organizationId: orgs.get(i.ref)!.id,
                    role: i.role,
                    involvedAt: i.involvedAt,
                  })),
                  // The registrant stays on its deal (as the app keeps it).
                  ...(vendorRecorded || involvements.some((i) => orgs.get(i.ref)!.id === registrant.id)
                    ? []
                    : [
                        {
                          organizationId: registrant.id,
                          role: (involvements.some((i) => i.role === 'sourced')
                            ? 'influenced'
                            : 'sourced') as InvolvementRole,
                        },
                      ]),
                ],
              }
            : {}),
        }),
        exists: !!found,
      };
    }
    return { errors, ready };
  },

  async write(q, rows) {
    await upsertDealRows(
      q,
      rows.map((r) => ({ ...r.row, updatedAt: new Date() })),
    );
    // The row states the deal's whole set of partners: it replaces what an earlier import stored.
    await replaceDealInvolvements(
      q,
      rows.map((r) => r.row.id),
      rows.flatMap((r) => r.involvements),
    );
    // A converted referral is the one its deal names.
    await markReferralsConverted(
      q,
      rows.flatMap((r) => (r.row.referralId ? [r.row.referralId] : [])),
    );
    const created = rows.filter((r) => !r.exists).length;
    return { created, updated: rows.length - created };
  },
};
