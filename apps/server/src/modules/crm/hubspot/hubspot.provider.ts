// The HubSpot CrmProvider: companies, deals and contacts through @hubspot/api-client, pointed at the API
// base the connection is configured with (https://api.hubapi.com for a real portal).
import type { CrmFieldType, CrmObject, CrmProvider, RemoteRecord, TokenSource } from '../crm.provider';
import { CrmError } from '../crm.provider';
import { createHubSpotCaller, DEFAULT_HUBSPOT_API_BASE, type HubSpotCaller } from './hubspot.client';
import {
  listPartners,
  primaryCompanies,
  primaryCompanySpec,
  setPartners,
  setPrimaryCompany,
} from './hubspot.partners';
import {
  describeObject,
  modifiedProperty,
  PRIMARY_COMPANY_FIELD,
  propertyNames,
  readValue,
  remoteObject,
  writeValue,
} from './hubspot.schema';

export interface HubSpotProviderOptions {
  /** The API base URL (default https://api.hubapi.com). */
  apiBase?: string;
  tokens: TokenSource;
  /** How long one call may take before it fails as unavailable (default 60 s). */
  timeoutMs?: number;
}

/** Search answers at most 200 a page; list and batch endpoints 100. */
const SEARCH_PAGE = 200;
const LIST_PAGE = 100;

interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
  updatedAt?: Date | string;
  archivedAt?: Date | string;
}

/**
 * Where listChanged stands: everything modified before `t`, and at `t` with an id up to `id`, has been
 * delivered. `id: null` means the records at exactly `t` are still to be read.
 */
interface Cursor {
  t: number;
  id: string | null;
  tieDone?: boolean;
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.t === 'number') return c;
  } catch {
    // fall through
  }
  throw new CrmError('invalid', 'This listChanged cursor was not made by the HubSpot adapter');
}

export function createHubSpotProvider(options: HubSpotProviderOptions): CrmProvider {
  const caller: HubSpotCaller = createHubSpotCaller(
    options.apiBase ?? DEFAULT_HUBSPOT_API_BASE,
    options.tokens,
    options.timeoutMs,
  );
  const typeMaps = new Map<CrmObject, Promise<Map<string, CrmFieldType>>>();

  /** Always asks HubSpot (the mapping screen validates against the live schema) and keeps it for values. */
  const describe = (object: CrmObject) => {
    const s = describeObject(caller, object);
    const map = s.then((d) => new Map(d.fields.map((f) => [f.name, f.type])));
    // A failed describe is the caller's error to handle (it gets `s`); only forget it here.
    map.catch(() => typeMaps.get(object) === map && typeMaps.delete(object));
    typeMaps.set(object, map);
    return s;
  };
  /** Reads and writes convert values by the property's type, described once per provider. */
  const types = async (object: CrmObject) => {
    if (!typeMaps.has(object)) await describe(object);
    return typeMaps.get(object)!;
  };

  async function toRecord(object: CrmObject, o: HubSpotObject, fields: string[]): Promise<RemoteRecord> {
    const t = await types(object);
    const out: Record<string, unknown> = {};
    for (const name of fields.length ? propertyNames(fields) : Object.keys(o.properties))
      out[name] = readValue(t.get(name), o.properties[name]);
    const stamp = o.properties[modifiedProperty(object)] ?? o.updatedAt;
    return { id: String(o.id), modifiedAt: new Date(stamp as string).toISOString(), fields: out };
  }

  /** A page of records as the core reads them; deals asked for their company get it in one batch read. */
  async function toRecords(object: CrmObject, list: HubSpotObject[], fields: string[]) {
    const records = await Promise.all(list.map((o) => toRecord(object, o, fields)));
    if (object === 'opportunity' && fields.includes(PRIMARY_COMPANY_FIELD) && records.length) {
      const companies = await primaryCompanies(
        caller,
        records.map((r) => r.id),
      );
      for (const r of records) r.fields[PRIMARY_COMPANY_FIELD] = companies.get(r.id) ?? null;
    }
    return records;
  }

  /** The properties to write, and the customer company the deal is to carry (an association, not a property). */
  function split(object: CrmObject, fields: Record<string, unknown>) {
    const { [PRIMARY_COMPANY_FIELD]: company, ...properties } = fields;
    return {
      properties,
      company: object === 'opportunity' && company ? String(company) : null,
    };
  }

  async function toProperties(object: CrmObject, fields: Record<string, unknown>) {
    const t = await types(object);
    const out: Record<string, string> = {};
    // An unknown name is passed through as is: HubSpot's own PROPERTY_DOESNT_EXIST names it.
    for (const [name, value] of Object.entries(fields)) out[name] = writeValue(t.get(name), value);
    return out;
  }

  async function search(
    object: CrmObject,
    filters: object[],
    sortBy: string,
    fields: string[],
    limit: number,
  ) {
    const mod = modifiedProperty(object);
    const res = await caller.call((c, o) =>
      c.crm.objects.searchApi.doSearch(
        remoteObject[object],
        {
          filterGroups: [{ filters: filters as never }],
          // HubSpot allows one sort; the SDK types sorts as strings but the API takes {propertyName, direction}.
          sorts: [{ propertyName: sortBy, direction: 'ASCENDING' } as never],
          properties: [...new Set([...propertyNames(fields), mod, 'hs_object_id'])],
          limit,
        },
        o,
      ),
    );
    return res.results as unknown as HubSpotObject[];
  }
  const ms = (o: HubSpotObject, object: CrmObject) =>
    Date.parse(o.properties[modifiedProperty(object)] ?? '');

  return {
    kind: 'hubspot',

    async identify() {
      const info = (await caller.request('/account-info/v3/details')) as {
        portalId: number;
        uiDomain?: string;
      };
      return { remoteAccountId: String(info.portalId), name: `HubSpot account ${info.portalId}` };
    },

    describe,

    /**
     * Search on the modification time, walked by keyset rather than by `after` offsets: an offset shifts
     * when a record is modified mid-walk (it jumps to the end and the next page skips one), and search
     * refuses to page past 10,000 results. Each page starts a fresh query above the last timestamp fully
     * read (so the cap never applies), and the records sharing one timestamp — a bulk import writes
     * thousands in the same millisecond — are read in id order with `hs_object_id GT`, so no tie is lost.
     * Records at exactly `since` are delivered again: one may have been written in that millisecond after
     * the previous run read it (the core's apply is idempotent per remote id and modification time).
     */
    async listChanged(object, since, cursorText, fields) {
      const mod = modifiedProperty(object);
      let cursor: Cursor | null = cursorText
        ? decodeCursor(cursorText)
        : since
          ? { t: Date.parse(since), id: null }
          : null;
      if (cursor && Number.isNaN(cursor.t)) throw new CrmError('invalid', `Not a timestamp: ${since}`);
      const records: HubSpotObject[] = [];
      // Tie bucket: the records modified at exactly cursor.t, by id.
      if (cursor && !cursor.tieDone) {
        const filters: object[] = [{ propertyName: mod, operator: 'EQ', value: String(cursor.t) }];
        if (cursor.id) filters.push({ propertyName: 'hs_object_id', operator: 'GT', value: cursor.id });
        const tie = await search(object, filters, 'hs_object_id', fields, SEARCH_PAGE);
        if (tie.length === SEARCH_PAGE) {
          const next = encodeCursor({ t: cursor.t, id: tie[tie.length - 1]!.id });
          return { records: await toRecords(object, tie, fields), next };
        }
        records.push(...tie);
        cursor = { t: cursor.t, id: null, tieDone: true };
      }
      // Then everything after cursor.t, oldest first.
      const filters = cursor ? [{ propertyName: mod, operator: 'GT', value: String(cursor.t) }] : [];
      const page = await search(object, filters, mod, fields, SEARCH_PAGE - records.length);
      let next: string | null = null;
      if (page.length === SEARCH_PAGE - records.length && page.length > 0) {
        // A full page may have cut the newest timestamp's records short: keep the ones before it and read
        // that timestamp as a tie bucket next.
        const last = ms(page[page.length - 1]!, object);
        const complete = page.filter((o) => ms(o, object) < last);
        records.push(...complete);
        next = encodeCursor({ t: last, id: null });
      } else {
        records.push(...page);
      }
      return { records: await toRecords(object, records, fields), next };
    },

    async listDeleted(object, since) {
      const from = Date.parse(since);
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await caller.call((c, o) =>
          c.crm.objects.basicApi.getPage(
            remoteObject[object],
            LIST_PAGE,
            after,
            ['hs_object_id'],
            undefined,
            undefined,
            true,
            o,
          ),
        );
        for (const o of page.results as unknown as HubSpotObject[]) {
          const at = o.archivedAt ? new Date(o.archivedAt).getTime() : NaN;
          // Archived at exactly `since` counts too (the same tie as listChanged); deleting twice is harmless.
          if (Number.isNaN(from) || Number.isNaN(at) || at >= from) ids.push(String(o.id));
        }
        after = page.paging?.next?.after;
      } while (after);
      return ids;
    },

    /** The list endpoint pages through every record without search's 10,000 cap, 100 at a time. */
    async *bulkExport(object, fields) {
      let after: string | undefined;
      const props = [...new Set([...propertyNames(fields), modifiedProperty(object)])];
      do {
        const page = await caller.call((c, o) =>
          c.crm.objects.basicApi.getPage(
            remoteObject[object],
            LIST_PAGE,
            after,
            props,
            undefined,
            undefined,
            false,
            o,
          ),
        );
        const results = page.results as unknown as HubSpotObject[];
        if (results.length) yield await toRecords(object, results, fields);
        after = page.paging?.next?.after;
      } while (after);
    },

    async get(object, id, fields) {
      try {
        const props = [...new Set([...propertyNames(fields), modifiedProperty(object)])];
        const found = await caller.call((c, o) =>
          c.crm.objects.basicApi.getById(
            remoteObject[object],
            id,
            props,
            undefined,
            undefined,
            false,
            undefined,
            o,
          ),
        );
        const [record] = await toRecords(object, [found as unknown as HubSpotObject], fields);
        return record!;
      } catch (e) {
        if (e instanceof CrmError && e.kind === 'not_found') return null;
        throw e;
      }
    },

    async create(object, fields) {
      const { properties, company } = split(object, fields);
      // The customer company goes in the same create: a deal never exists without it, even if we crash.
      const associations = company ? [{ to: { id: company }, types: [primaryCompanySpec as never] }] : [];
      const values = await toProperties(object, properties);
      const created = await caller.call((c, o) =>
        c.crm.objects.basicApi.create(remoteObject[object], { properties: values, associations }, o),
      );
      return String(created.id);
    },

    async update(object, id, fields) {
      const { properties, company } = split(object, fields);
      if (Object.keys(properties).length) {
        const values = await toProperties(object, properties);
        await caller.call((c, o) =>
          c.crm.objects.basicApi.update(remoteObject[object], id, { properties: values }, undefined, o),
        );
      }
      if (company) await setPrimaryCompany(caller, id, company);
    },

    setPartners: (opportunityId, partners) => setPartners(caller, opportunityId, partners),
    listPartners: (opportunityId) => listPartners(caller, opportunityId),
    usage: () => caller.usage(),
  };
}
