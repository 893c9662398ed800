import { Connection } from 'jsforce';
import { Transport } from 'jsforce/lib/transport';
import { parse } from 'csv-parse/sync';
import {
  CrmError,
  type ApiUsage,
  type CrmField,
  type CrmFieldType,
  type CrmObject,
  type CrmProvider,
  type RemotePage,
  type RemotePartnerLink,
  type RemoteRecord,
  type TokenSource,
} from '../crm.provider';

/**
 * The Salesforce adapter: the only code that knows Salesforce's REST shapes.
 * Calls go through jsforce's Connection; its transport is wrapped so that we
 * see each response's headers (Sforce-Limit-Info, Retry-After, Sforce-Locator)
 * and so that jsforce's own silent retries of 429s are off — the sync engine
 * backs off by Retry-After and accounts for the budget itself.
 */
export interface SalesforceProviderOptions {
  instanceUrl: string;
  apiVersion: string;
  tokens: TokenSource;
}

const remoteNames: Record<CrmObject, string> = {
  account: 'Account',
  opportunity: 'Opportunity',
  lead: 'Lead',
};

interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

class ObservingTransport extends Transport {
  last: HttpResponse | null = null;
  override httpRequest(req: Parameters<Transport['httpRequest']>[0], options: Record<string, unknown> = {}) {
    const promise = super.httpRequest(req, { ...options, retry: { maxRetries: 0 } });
    promise.then(
      (res) => (this.last = res as HttpResponse),
      () => undefined,
    );
    return promise;
  }
}

const typeMap: Record<string, CrmFieldType> = {
  string: 'string',
  textarea: 'textarea',
  email: 'email',
  url: 'url',
  phone: 'phone',
  double: 'number',
  int: 'number',
  long: 'number',
  currency: 'currency',
  percent: 'percent',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  picklist: 'picklist',
  reference: 'reference',
  id: 'id',
};

/** Salesforce writes `2024-05-01T10:00:00.000+0000`; the interface speaks ISO 8601 with Z. */
const iso = (v: unknown) => new Date(String(v).replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString();
/** SOQL datetime literals are unquoted ISO timestamps. */
const soqlDate = (isoText: string) => new Date(isoText).toISOString();
const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

interface SfRecord extends Record<string, unknown> {
  Id: string;
  SystemModstamp: string;
}

export function createSalesforceProvider(options: SalesforceProviderOptions): CrmProvider {
  const version = options.apiVersion.replace(/^v/, '');
  const transport = new ObservingTransport();
  const conn = new Connection({ instanceUrl: options.instanceUrl.replace(/\/+$/, ''), version });
  // jsforce has no option for a transport of our own; this is the field its requests use.
  (conn as unknown as { _transport: Transport })._transport = transport;
  let usage: ApiUsage | null = null;
  let token: string | null = null;

  function observe() {
    const header = transport.last?.headers['sforce-limit-info'];
    const m = header ? /api-usage=(\d+)\/(\d+)/.exec(header) : null;
    if (m) usage = { used: Number(m[1]), max: Number(m[2]), observedAt: new Date().toISOString() };
  }

  function toCrmError(err: unknown): CrmError {
    if (err instanceof CrmError) return err;
    const e = err as Error & { errorCode?: string; data?: { fields?: string[]; message?: string } };
    const status = transport.last?.statusCode;
    if (e.name === 'FetchError' || !e.errorCode) {
      return new CrmError('unavailable', `Salesforce could not be reached: ${e.message}`);
    }
    if (status === 429 || e.errorCode === 'REQUEST_LIMIT_EXCEEDED') {
      const retryAfter = Number(transport.last?.headers['retry-after'] ?? 60);
      return new CrmError('rate_limited', e.message, { retryAfterSeconds: retryAfter, status: 429 });
    }
    if (e.errorCode === 'INVALID_SESSION_ID') return new CrmError('auth', e.message, { status: 401 });
    if (status === 404 || e.errorCode === 'NOT_FOUND' || e.errorCode === 'ENTITY_IS_DELETED') {
      return new CrmError('not_found', e.message, { status: 404 });
    }
    const field = e.data?.fields?.[0];
    if (field) return new CrmError('field', e.message, { field, status });
    if (status && status >= 500) return new CrmError('unavailable', e.message, { status });
    return new CrmError('invalid', e.message, status ? { status } : {});
  }

  /** One call; after a 401 the token is refreshed once and the call retried once. */
  async function call<T>(send: () => Promise<T>): Promise<T> {
    token ??= await options.tokens.accessToken();
    conn.accessToken = token;
    try {
      const out = await send();
      observe();
      return out;
    } catch (err) {
      observe();
      const failure = toCrmError(err);
      if (failure.kind !== 'auth') throw failure;
    }
    token = await options.tokens.refresh();
    conn.accessToken = token;
    try {
      const out = await send();
      observe();
      return out;
    } catch (err) {
      observe();
      throw toCrmError(err);
    }
  }

  const request = <T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(
      () =>
        conn.request({
          method: method as 'GET',
          url,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          headers: { 'content-type': 'application/json', ...headers },
        }) as unknown as Promise<T>,
    );

  const toRemote = (r: SfRecord, fields: string[]): RemoteRecord => ({
    id: r.Id,
    modifiedAt: iso(r.SystemModstamp),
    fields: Object.fromEntries(fields.map((f) => [f, r[f] ?? null])),
  });

  const select = (fields: string[]) => [...new Set(['Id', 'SystemModstamp', ...fields])];

  return {
    kind: 'salesforce',

    async identify() {
      const res = await request<{ records: { Id: string; Name: string }[] }>(
        'GET',
        `/query?q=${encodeURIComponent('SELECT Id, Name FROM Organization LIMIT 1')}`,
      );
      const org = res.records[0];
      if (!org) throw new CrmError('invalid', 'The token does not belong to an org');
      return { remoteAccountId: org.Id, name: org.Name };
    },

    async describe(object) {
      const res = await request<{
        fields: {
          name: string;
          label: string;
          type: string;
          createable: boolean;
          updateable: boolean;
          custom: boolean;
          picklistValues?: { value: string; label: string; active: boolean }[];
          referenceTo?: string[];
        }[];
      }>('GET', `/sobjects/${remoteNames[object]}/describe`);
      const fields: CrmField[] = res.fields.map((f) => ({
        name: f.name,
        label: f.label,
        type: typeMap[f.type] ?? 'other',
        createable: f.createable,
        updateable: f.updateable,
        custom: f.custom,
        ...(f.picklistValues?.length
          ? {
              options: f.picklistValues
                .filter((p) => p.active)
                .map((p) => ({ value: p.value, label: p.label })),
            }
          : {}),
        ...(f.referenceTo?.length ? { referenceTo: f.referenceTo } : {}),
      }));
      return { object, remoteName: remoteNames[object], fields };
    },

    async listChanged(object, since, cursor, fields): Promise<RemotePage> {
      const cols = select(fields);
      const res = cursor
        ? await request<{ records: SfRecord[]; nextRecordsUrl?: string }>('GET', cursor)
        : await request<{ records: SfRecord[]; nextRecordsUrl?: string }>(
            'GET',
            `/query?q=${encodeURIComponent(
              `SELECT ${cols.join(', ')} FROM ${remoteNames[object]}` +
                (since ? ` WHERE SystemModstamp > ${soqlDate(since)}` : '') +
                ' ORDER BY SystemModstamp ASC, Id ASC',
            )}`,
          );
      return { records: res.records.map((r) => toRemote(r, cols)), next: res.nextRecordsUrl ?? null };
    },

    async listDeleted(object, since) {
      const start = new Date(since).toISOString();
      const end = new Date().toISOString();
      const res = await request<{ deletedRecords: { id: string }[] }>(
        'GET',
        `/sobjects/${remoteNames[object]}/deleted/?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}`,
      );
      return res.deletedRecords.map((d) => d.id);
    },

    async *bulkExport(object, fields) {
      const cols = select(fields);
      const job = await request<{ id: string }>('POST', '/jobs/query', {
        operation: 'query',
        query: `SELECT ${cols.join(', ')} FROM ${remoteNames[object]} ORDER BY SystemModstamp ASC, Id ASC`,
      });
      for (;;) {
        const info = await request<{ state: string; errorMessage?: string }>('GET', `/jobs/query/${job.id}`);
        if (info.state === 'JobComplete') break;
        if (info.state === 'Failed' || info.state === 'Aborted') {
          throw new CrmError(
            'invalid',
            info.errorMessage ?? `The bulk query job ${info.state.toLowerCase()}`,
          );
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
      let locator: string | null = null;
      do {
        const csv: string = await call(async () => {
          const body = (await conn.request(
            {
              method: 'GET',
              url: `/jobs/query/${job.id}/results${locator ? `?locator=${encodeURIComponent(locator)}` : ''}`,
              headers: { Accept: 'text/csv' },
            },
            { responseType: 'text/plain' },
          )) as unknown as string;
          return body;
        });
        const next = transport.last?.headers['sforce-locator'];
        locator = next && next !== 'null' ? next : null;
        const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
        yield rows.map((r) =>
          toRemote(
            Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v])) as SfRecord,
            cols,
          ),
        );
      } while (locator);
    },

    async get(object, id, fields) {
      try {
        const r = await request<SfRecord>(
          'GET',
          `/sobjects/${remoteNames[object]}/${encodeURIComponent(id)}?fields=${select(fields).join(',')}`,
        );
        return toRemote(r, select(fields));
      } catch (err) {
        if (err instanceof CrmError && err.kind === 'not_found') return null;
        throw err;
      }
    },

    async create(object, fields) {
      const res = await request<{ id: string }>('POST', `/sobjects/${remoteNames[object]}`, fields);
      return res.id;
    },

    async update(object, id, fields) {
      await request('PATCH', `/sobjects/${remoteNames[object]}/${encodeURIComponent(id)}`, fields);
    },

    async setPartners(opportunityId, partners) {
      // Partner rows cannot be updated: the ones that differ are deleted and recreated, in one composite call.
      const current = await request<{
        records: { Id: string; AccountToId: string; Role: string; IsPrimary: boolean }[];
      }>(
        'GET',
        `/query?q=${encodeURIComponent(
          `SELECT Id, AccountToId, Role, IsPrimary FROM OpportunityPartner WHERE OpportunityId = ${quote(opportunityId)}`,
        )}`,
      );
      const same = (a: { AccountToId: string; Role: string; IsPrimary: boolean }, b: RemotePartnerLink) =>
        a.AccountToId === b.accountId && a.Role === b.role && a.IsPrimary === b.primary;
      const stale = current.records.filter((r) => !partners.some((p) => same(r, p)));
      const missing = partners.filter((p) => !current.records.some((r) => same(r, p)));
      if (!stale.length && !missing.length) return;
      const base = `/services/data/v${version}/sobjects/Partner`;
      const res = await request<{ compositeResponse: { httpStatusCode: number; body: unknown }[] }>(
        'POST',
        '/composite',
        {
          allOrNone: true,
          compositeRequest: [
            ...stale.map((r, i) => ({ method: 'DELETE', url: `${base}/${r.Id}`, referenceId: `del${i}` })),
            ...missing.map((p, i) => ({
              method: 'POST',
              url: base,
              referenceId: `add${i}`,
              body: {
                OpportunityId: opportunityId,
                AccountToId: p.accountId,
                Role: p.role,
                IsPrimary: p.primary,
              },
            })),
          ],
        },
      );
      const failed = res.compositeResponse.find((r) => r.httpStatusCode >= 400);
      if (failed) {
        const [error] = failed.body as { message: string; fields?: string[] }[];
        const field = error?.fields?.[0];
        throw new CrmError(field ? 'field' : 'invalid', error?.message ?? 'The partner links were refused', {
          ...(field ? { field } : {}),
          status: failed.httpStatusCode,
        });
      }
    },

    async listPartners(opportunityId) {
      const res = await request<{ records: { AccountToId: string; Role: string; IsPrimary: boolean }[] }>(
        'GET',
        `/query?q=${encodeURIComponent(
          `SELECT Id, AccountToId, Role, IsPrimary FROM OpportunityPartner WHERE OpportunityId = ${quote(opportunityId)}`,
        )}`,
      );
      return res.records.map((r) => ({ accountId: r.AccountToId, role: r.Role, primary: r.IsPrimary }));
    },

    usage: () => usage,
  };
}
