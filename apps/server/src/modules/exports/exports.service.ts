import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { dealListQuery, referralListQuery } from '@partnergraph/shared/contracts/deals';
import { userListQuery } from '@partnergraph/shared/contracts/identity';
import { connectionListQuery } from '@partnergraph/shared/contracts/marketplace';
import { partnerListQuery } from '@partnergraph/shared/contracts/organizations';
import { enrollmentListQuery } from '@partnergraph/shared/contracts/programs';
import { fxRateListQuery } from '@partnergraph/shared/contracts/settings';
import { leadListQuery } from '@partnergraph/shared/contracts/leads';
import type { Db } from '../../db/client';
import type { Ctx } from '../../lib/actor';
import { safeText } from '../analytics/analytics.csv';
import { listDeals } from '../deals/deals.service';
import { listReferrals } from '../deals/referrals.service';
import { listUsers } from '../identity/identity.service';
import { listConnections } from '../marketplace/connections.service';
import { listPartners } from '../organizations/organizations.service';
import { listEnrollments } from '../programs/enrollments.service';
import { listFxRates } from '../settings/settings.service';
import { listLeads } from '../leads/leads.service';

type Page = { items: unknown[]; nextCursor: string | null };
type Pager = (db: Db, ctx: Ctx, cursor: string | undefined) => Promise<Page>;

const PAGE = 200;
const page = (cursor: string | undefined) => ({ limit: PAGE, cursor });

/**
 * The exportable resources, each read page by page through its list service:
 * the same visibility as the API (a partner exports what it may see), never
 * the whole table in memory.
 */
export const exporters = {
  partners: (db, ctx, c) =>
    listPartners(db, ctx, partnerListQuery.parse({}), { ...page(c), sort: 'createdAt' }),
  users: (db, ctx, c) => listUsers(db, ctx, userListQuery.parse({}), { ...page(c), sort: 'createdAt' }),
  enrollments: (db, ctx, c) => listEnrollments(db, ctx, enrollmentListQuery.parse({}), page(c)),
  deals: (db, ctx, c) => listDeals(db, ctx, dealListQuery.parse({}), page(c)),
  referrals: (db, ctx, c) => listReferrals(db, ctx, referralListQuery.parse({}), page(c)),
  connections: (db, ctx, c) => listConnections(db, ctx, connectionListQuery.parse({}), page(c)),
  'fx-rates': (db, _ctx, c) => listFxRates(db, fxRateListQuery.parse({}), page(c)),
  // A partner exports the leads assigned to it now, with the same redaction as the inbox.
  leads: (db, ctx, c) => listLeads(db, ctx, leadListQuery.parse({}), page(c)),
} satisfies Record<string, Pager>;
export type ExportResource = keyof typeof exporters;

async function* records(db: Db, ctx: Ctx, pager: Pager) {
  let cursor: string | undefined;
  do {
    const res = await pager(db, ctx, cursor);
    for (const item of res.items) yield item as Record<string, unknown>;
    cursor = res.nextCursor ?? undefined;
  } while (cursor);
}

/** Nested fields as dotted columns (`organization.name`); lists as JSON, so they read back exactly. */
export function flatten(value: Record<string, unknown>, prefix = '', out: Record<string, string> = {}) {
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, key, out);
    else if (Array.isArray(v)) out[key] = JSON.stringify(v);
    else out[key] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/** A JSON array, written one record at a time. */
export function jsonStream(db: Db, ctx: Ctx, resource: ExportResource): Readable {
  return Readable.from(
    (async function* () {
      yield '[';
      let first = true;
      for await (const r of records(db, ctx, exporters[resource])) {
        yield `${first ? '' : ','}\n${JSON.stringify(r)}`;
        first = false;
      }
      yield '\n]\n';
    })(),
  );
}

/**
 * CSV with a header row: the columns are the first record's fields (every
 * record of a resource has the same shape). Text a spreadsheet would run as a
 * formula is neutralized.
 */
export function csvStream(db: Db, ctx: Ctx, resource: ExportResource): Readable {
  return Readable.from(
    (async function* () {
      let columns: string[] | null = null;
      for await (const r of records(db, ctx, exporters[resource])) {
        const flat = flatten(r);
        if (!columns) {
          columns = Object.keys(flat);
          yield stringifyRow(columns);
        }
        yield stringifyRow(columns.map((c) => safeText(flat[c] ?? '')));
      }
    })(),
  );
}

const stringifyRow = (cells: string[]) =>
  new Promise<string>((resolve, reject) =>
    stringify([cells], (err, out) => (err ? reject(err) : resolve(out))),
  );
