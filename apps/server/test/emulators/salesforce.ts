import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringify } from 'csv-stringify/sync';
import type { OAuthError } from './salesforce-oauth';
import { EmulatedOAuth, type OAuthConfig } from './salesforce-oauth';
import {
  ApiError,
  checkFields as checkFieldsOf,
  checkRules as checkRulesOf,
  type ValidationRule,
} from './salesforce-checks';
import { freshOrgSchema, idPrefixes, type EmulatedField } from './salesforce-schema';
export type { ValidationRule } from './salesforce-checks';
import type { SoqlError } from './salesforce-soql';
import { matches, parseSoql, sortRecords } from './salesforce-soql';

/**
 * A local Salesforce org for the tests: the documented REST shapes the product
 * uses (OAuth, query/queryAll with nextRecordsUrl, sobjects CRUD and describe,
 * getDeleted, composite, limits, Bulk API 2.0 query jobs, Partner /
 * OpportunityPartner), with Salesforce's errors and headers. The product
 * reaches it only through the login/instance URL a user types. Test-side
 * controls are methods on this object, never HTTP routes.
 */
export interface SalesforceEmulatorOptions extends Partial<OAuthConfig> {
  multiCurrency?: boolean;
  currencies?: string[];
  /** Records per query page (Salesforce: 2,000). */
  pageSize?: number;
  dailyApiMax?: number;
  orgName?: string;
}

type Row = Record<string, unknown> & { Id: string; SystemModstamp: string; IsDeleted: boolean };

const sfDate = (iso: string) => iso.replace('Z', '+0000');

export async function startSalesforceEmulator(options: SalesforceEmulatorOptions = {}) {
  const currencies = options.currencies ?? ['USD', 'EUR'];
  const schema = freshOrgSchema(options.multiCurrency ?? false, currencies);
  const pageSize = options.pageSize ?? 2000;
  const dailyMax = options.dailyApiMax ?? 15000;
  let baseUrl = '';
  const oauth = new EmulatedOAuth(
    {
      clientId: options.clientId ?? 'emulated-consumer-key',
      clientSecret: options.clientSecret ?? 'emulated-consumer-secret',
      username: options.username ?? 'integration@example.com',
      ...(options.jwtCertificate ? { jwtCertificate: options.jwtCertificate } : {}),
    },
    () => baseUrl,
  );
  const tables = new Map<string, Map<string, Row>>(Object.keys(schema).map((o) => [o, new Map()]));
  const deletedLog: { object: string; id: string; deletedDate: string }[] = [];
  const cursors = new Map<string, { rows: Record<string, unknown>[]; offset: number }>();
  const bulkJobs = new Map<string, { rows: Record<string, unknown>[]; fields: string[] }>();
  let counter = 0;
  let lastStamp = 0;
  let apiUsed = 0;
  let throttle: { remaining: number; retryAfter: number } | null = null;
  let dropNext: { pattern: RegExp; afterProcessing: boolean } | null = null;
  let validationRules: ValidationRule[] = [];
  const requests: string[] = [];

  const nextStamp = () => {
    lastStamp = Math.max(Date.now(), lastStamp + 1);
    return new Date(lastStamp).toISOString();
  };
  const newId = (object: string) => {
    counter += 1;
    return `${idPrefixes[object] ?? '0XX'}${String(counter).padStart(12, '0')}AAA`;
  };
  const fieldsOf = (object: string): EmulatedField[] => {
    const f = schema[object];
    if (!f)
      throw new ApiError(
        404,
        'NOT_FOUND',
        `The requested resource does not exist: sObject type '${object}' is not supported.`,
      );
    return f;
  };
  const table = (object: string) => (fieldsOf(object), tables.get(object)!);

  tables.get('Organization')!.set('00D000000000001AAA', {
    Id: '00D000000000001AAA',
    Name: options.orgName ?? 'Emulated Org',
    SystemModstamp: nextStamp(),
    IsDeleted: false,
  });

  const checkFields = (object: string, body: Record<string, unknown>, creating: boolean) =>
    checkFieldsOf(fieldsOf(object), (o, id) => !!tables.get(o)?.get(id), object, body, creating);
  const checkRules = (object: string, record: Record<string, unknown>) =>
    checkRulesOf(validationRules, object, record);

  function derive(object: string, row: Row) {
    if (object === 'Opportunity') {
      row.IsClosed = String(row.StageName ?? '').startsWith('Closed');
      row.IsWon = row.StageName === 'Closed Won';
    }
  }

  function insert(object: string, body: Record<string, unknown>): string {
    checkFields(object, body, true);
    checkRules(object, body);
    const id = newId(object);
    const stamp = nextStamp();
    const row: Row = {
      ...body,
      Id: id,
      CreatedDate: stamp,
      LastModifiedDate: stamp,
      SystemModstamp: stamp,
      IsDeleted: false,
    };
    if (schema[object]!.some((f) => f.name === 'CurrencyIsoCode') && !row.CurrencyIsoCode)
      row.CurrencyIsoCode = currencies[0];
    derive(object, row);
    table(object).set(id, row);
    return id;
  }

  function update(object: string, id: string, body: Record<string, unknown>) {
    checkFields(object, body, false);
    const row = table(object).get(id);
    if (!row || row.IsDeleted) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    checkRules(object, { ...row, ...body });
    const stamp = nextStamp();
    Object.assign(row, body, { LastModifiedDate: stamp, SystemModstamp: stamp });
    derive(object, row);
  }

  function remove(object: string, id: string) {
    const row = table(object).get(id);
    if (!row || row.IsDeleted) throw new ApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    const stamp = nextStamp();
    Object.assign(row, { IsDeleted: true, SystemModstamp: stamp });
    deletedLog.push({ object, id, deletedDate: stamp });
  }

  /** Rows of an object as SOQL sees them (OpportunityPartner is the view over Partner). */
  function source(object: string): Row[] {
    fieldsOf(object);
    return [...tables.get(object === 'OpportunityPartner' ? 'Partner' : object)!.values()];
  }

  function project(object: string, row: Record<string, unknown>, fields: string[]) {
    const out: Record<string, unknown> = {
      attributes: { type: object, url: `/services/data/v60.0/sobjects/${object}/${String(row.Id)}` },
    };
    for (const f of fields) {
      const v = row[f] ?? null;
      out[f] = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T.*Z$/.test(v) ? sfDate(v) : v;
    }
    return out;
  }

  function runQuery(soql: string, all: boolean) {
    let q;
    try {
      q = parseSoql(soql);
    } catch (err) {
      throw new ApiError(400, 'MALFORMED_QUERY', (err as SoqlError).message);
    }
    const known = fieldsOf(q.object).map((f) => f.name);
    for (const f of [...q.fields, ...q.where.map((w) => w.field), ...q.orderBy.map((o) => o.field)]) {
      if (!known.includes(f)) {
        throw new ApiError(400, 'INVALID_FIELD', `No such column '${f}' on entity '${q.object}'.`, [f]);
      }
    }
    let rows = source(q.object).filter((r) => (all || !r.IsDeleted) && matches(r, q.where));
    rows = sortRecords(rows, q.orderBy);
    if (q.limit !== null) rows = rows.slice(0, q.limit);
    return { object: q.object, fields: q.fields, rows: rows.map((r) => project(q.object, r, q.fields)) };
  }

  function page(key: string, version: string) {
    const cursor = cursors.get(key);
    if (!cursor) throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    const records = cursor.rows.slice(cursor.offset, cursor.offset + pageSize);
    cursor.offset += records.length;
    const done = cursor.offset >= cursor.rows.length;
    if (done) cursors.delete(key);
    return {
      totalSize: cursor.rows.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/${version}/query/${key}-${cursor.offset}` }),
      records,
    };
  }

  async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function api(
    method: string,
    rest: string,
    url: URL,
    body: string,
    version: string,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string>; text?: string }> {
    const json = () => (body ? (JSON.parse(body) as Record<string, unknown>) : {});
    let m: RegExpExecArray | null;
    if (method === 'GET' && rest === 'limits') {
      return { status: 200, body: { DailyApiRequests: { Max: dailyMax, Remaining: dailyMax - apiUsed } } };
    }
    if (method === 'GET' && (rest === 'query' || rest === 'queryAll')) {
      const result = runQuery(url.searchParams.get('q') ?? '', rest === 'queryAll');
      const key = `01g${String(++counter).padStart(15, '0')}`;
      cursors.set(key, { rows: result.rows, offset: 0 });
      return { status: 200, body: page(key, version) };
    }
    if (method === 'GET' && (m = /^(?:query|queryAll)\/(\w+)-(\d+)$/.exec(rest)))
      return { status: 200, body: page(m[1]!, version) };
    if (method === 'POST' && rest === 'composite') {
      const { compositeRequest = [], allOrNone = false } = json() as {
        compositeRequest?: { method: string; url: string; referenceId: string; body?: unknown }[];
        allOrNone?: boolean;
      };
      const out = [];
      for (const sub of compositeRequest) {
        const subUrl = new URL(sub.url, baseUrl);
        const subRest = subUrl.pathname.replace(/^\/services\/data\/v[\d.]+\//, '');
        const res = await dispatch(
          sub.method,
          subRest,
          subUrl,
          sub.body ? JSON.stringify(sub.body) : '',
          version,
        );
        out.push({
          body: res.body ?? null,
          httpHeaders: {},
          httpStatusCode: res.status,
          referenceId: sub.referenceId,
        });
        if (allOrNone && res.status >= 400) break;
      }
      return { status: 200, body: { compositeResponse: out } };
    }
    if (method === 'POST' && rest === 'jobs/query') {
      const { query, operation } = json() as { query: string; operation: string };
      const result = runQuery(query, operation === 'queryAll');
      const id = `750${String(++counter).padStart(12, '0')}AAA`;
      bulkJobs.set(id, { rows: result.rows, fields: result.fields });
      return {
        status: 200,
        body: {
          id,
          operation,
          object: result.object,
          state: 'UploadComplete',
          contentType: 'CSV',
          apiVersion: Number(version.slice(1)),
        },
      };
    }
    if ((m = /^jobs\/query\/(\w+)(\/results)?$/.exec(rest))) {
      const job = bulkJobs.get(m[1]!);
      if (!job) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
      if (method === 'DELETE') return (bulkJobs.delete(m[1]!), { status: 204 });
      if (!m[2])
        return {
          status: 200,
          body: { id: m[1], state: 'JobComplete', numberRecordsProcessed: job.rows.length },
        };
      const start = Number(url.searchParams.get('locator') ?? 0);
      const max = Number(url.searchParams.get('maxRecords') ?? pageSize);
      const slice = job.rows.slice(start, start + max);
      const next = start + slice.length < job.rows.length ? String(start + slice.length) : 'null';
      const csv = stringify(
        slice.map((r) => job.fields.map((f) => (r[f] === null || r[f] === undefined ? '' : String(r[f])))),
        { header: true, columns: job.fields },
      );
      return {
        status: 200,
        text: csv,
        headers: {
          'content-type': 'text/csv',
          'sforce-locator': next,
          'sforce-numberofrecords': String(slice.length),
        },
      };
    }
    if (method === 'GET' && (m = /^sobjects\/(\w+)\/describe$/.exec(rest))) {
      return { status: 200, body: { name: m[1], label: m[1], custom: false, fields: fieldsOf(m[1]!) } };
    }
    if (method === 'GET' && (m = /^sobjects\/(\w+)\/deleted\/?$/.exec(rest))) {
      const start = new Date(url.searchParams.get('start') ?? 0).toISOString();
      const end = new Date(url.searchParams.get('end') ?? Date.now()).toISOString();
      const object = m[1]!;
      fieldsOf(object);
      const deletedRecords = deletedLog
        .filter((d) => d.object === object && d.deletedDate > start && d.deletedDate <= end)
        .map((d) => ({ id: d.id, deletedDate: sfDate(d.deletedDate) }));
      return {
        status: 200,
        body: {
          deletedRecords,
          earliestDateAvailable: sfDate(new Date(0).toISOString()),
          latestDateCovered: sfDate(end),
        },
      };
    }
    if (method === 'POST' && (m = /^sobjects\/(\w+)$/.exec(rest))) {
      const id = insert(m[1]!, json());
      return { status: 201, body: { id, success: true, errors: [] } };
    }
    if ((m = /^sobjects\/(\w+)\/(\w+)$/.exec(rest))) {
      const [, object, id] = m as unknown as [string, string, string];
      if (method === 'PATCH') return (update(object, id, json()), { status: 204 });
      if (method === 'DELETE') return (remove(object, id), { status: 204 });
      if (method === 'GET') {
        const row = table(object).get(id);
        if (!row || row.IsDeleted)
          throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
        const fields = url.searchParams.get('fields')?.split(',') ?? fieldsOf(object).map((f) => f.name);
        return { status: 200, body: project(object, row, fields) };
      }
    }
    throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
  }

  async function dispatch(method: string, rest: string, url: URL, body: string, version: string) {
    try {
      return await api(method, rest, url, body, version);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return {
        status: err.status,
        body: [{ message: err.message, errorCode: err.errorCode, fields: err.fields }],
        headers: err.headers,
      };
    }
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', baseUrl);
      const method = req.method ?? 'GET';
      const body = await readBody(req);
      requests.push(`${method} ${url.pathname}${url.search}`);
      const send = (
        status: number,
        payload: unknown,
        headers: Record<string, string> = {},
        text?: string,
      ) => {
        res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
        res.end(text ?? (payload === undefined ? '' : JSON.stringify(payload)));
      };
      const drop = dropNext?.pattern.test(`${method} ${url.pathname}${url.search}`) ? dropNext : null;
      if (drop) dropNext = null;
      if (drop && !drop.afterProcessing) {
        req.socket.destroy();
        return;
      }
      if (url.pathname === '/services/oauth2/authorize') {
        try {
          res.writeHead(302, { location: oauth.authorize(url.searchParams) }).end();
        } catch (err) {
          const e = err as OAuthError;
          send(
            400,
            undefined,
            { 'content-type': 'text/html' },
            `<html><body><p>error=${e.error}&error_description=${e.description}</p></body></html>`,
          );
        }
        return;
      }
      if (url.pathname === '/services/oauth2/token' && method === 'POST') {
        try {
          send(200, oauth.token(new URLSearchParams(body)));
        } catch (err) {
          const e = err as OAuthError;
          send(400, { error: e.error, error_description: e.description });
        }
        return;
      }
      const m = /^\/services\/data\/(v\d+\.\d)\/?(.*)$/.exec(url.pathname);
      if (!m)
        return send(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token || !oauth.isValid(token)) {
        return send(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      }
      if (throttle && throttle.remaining > 0) {
        throttle.remaining -= 1;
        const retryAfter = String(throttle.retryAfter);
        if (throttle.remaining === 0) throttle = null;
        return send(
          429,
          [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
          { 'retry-after': retryAfter },
        );
      }
      apiUsed += 1;
      const out = await dispatch(method, m[2]!, url, body, m[1]!);
      // The org did the work, but the answer never arrived: a crash between the CRM's write and ours.
      if (drop) return void req.socket.destroy();
      send(
        out.status,
        out.body,
        { 'sforce-limit-info': `api-usage=${apiUsed}/${dailyMax}`, ...out.headers },
        out.text,
      );
    })().catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ errorCode: 'UNKNOWN_EXCEPTION', message: String(err) }]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    oauth: oauth.config,
    /** Test side: records as the org's users would have entered them. */
    seed(object: string, fields: Record<string, unknown>) {
      return insert(object, fields);
    },
    edit(object: string, id: string, fields: Record<string, unknown>) {
      update(object, id, fields);
    },
    delete(object: string, id: string) {
      remove(object, id);
    },
    records(object: string) {
      return source(object).filter((r) => !r.IsDeleted);
    },
    record(object: string, id: string) {
      return tables.get(object)?.get(id) ?? null;
    },
    expireTokens: () => oauth.expireAccessTokens(),
    revokeGrants: () => oauth.revokeGrants(),
    /** Test side: the org's admin adds a validation rule; API saves that break it are refused. */
    addValidationRule(rule: ValidationRule) {
      validationRules.push(rule);
    },
    clearValidationRules() {
      validationRules = [];
    },
    /** The next `count` API calls answer 429 REQUEST_LIMIT_EXCEEDED with this Retry-After. */
    throttle(count: number, retryAfterSeconds: number) {
      throttle = { remaining: count, retryAfter: retryAfterSeconds };
    },
    /**
     * The next request whose `METHOD /path?query` matches drops its connection: a crash
     * mid-sync. `afterProcessing`: the org does the work first, and only the answer is lost.
     */
    dropNextRequest(pattern: RegExp, afterProcessing = false) {
      dropNext = { pattern, afterProcessing };
    },
    setApiUsage(used: number) {
      apiUsed = used;
    },
    get apiUsed() {
      return apiUsed;
    },
    requests,
    /** Lets the test process end while the emulator still listens (a suite-wide emulator). */
    unref: () => server.unref(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SalesforceEmulator = Awaited<ReturnType<typeof startSalesforceEmulator>>;
