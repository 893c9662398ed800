// Mass assignment, generated from the OpenAPI document: every POST, PUT and
// PATCH with a JSON body gets its valid example (route-examples.ts) plus one
// field the caller must never set — a status, an owner, a tier, a fee or
// amount, a version, an id, a role, or a prototype key — and must answer 400
// problem+json naming that field, with nothing stored. The untouched example
// then succeeds, so the 400 was about the extra field and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from '../src/modules/imports/runs.service';
import { startTestApp, type TestApp } from './app';
import { buildEcosystem, type Ecosystem } from './ecosystem';
import { examples } from './route-examples';
import {
  callerFor,
  errorType,
  operationsOf,
  scimHeaders,
  propertiesOf,
  send,
  tableCounts,
  urlOf,
  type Operation,
  type OpenApiDoc,
} from './openapi-walk';

let t: TestApp;
let e: Ecosystem;
let doc: OpenApiDoc;
let writes: Operation[] = [];

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  const walked = await operationsOf(t);
  doc = walked.doc;
  writes = walked.operations.filter((o) => ['POST', 'PUT', 'PATCH'].includes(o.method) && o.requestBody);
});
afterAll(() => t?.close());

/** Fields no client may set on any body that does not declare them, with a tempting value each. */
const forbidden = (otherOrgId: string): [string, unknown][] => [
  ['status', 'approved'],
  ['organizationId', otherOrgId],
  ['tierId', 'tier_platinum'],
  ['feePercent', 100],
  ['referralFeePercent', 100],
  ['amount', 1],
  ['version', 999],
  ['id', 'chosen-id'],
  ['createdAt', '2000-01-01T00:00:00Z'],
  ['approvedAt', '2000-01-01T00:00:00Z'],
  ['role', 'admin'],
  ['orgKind', 'vendor'],
  ['__proto__', { role: 'admin', orgKind: 'vendor' }],
  ['constructor', { prototype: { role: 'admin' } }],
];

/** The JSON text of `body` with `key` added as an own property (JSON.stringify would drop `__proto__`). */
function withField(body: Record<string, unknown>, key: string, value: unknown) {
  const rest = JSON.stringify(body).slice(1);
  return `{${JSON.stringify(key)}:${JSON.stringify(value)}${rest === '}' ? '' : ','}${rest}`;
}

/** The path of the first plain object nested in the body (an array's first element counts). */
function nestedObject(value: unknown, path: string[] = []): string[] | null {
  if (!value || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) return [...path, k];
    if (Array.isArray(v) && v[0] && typeof v[0] === 'object' && !Array.isArray(v[0]))
      return [...path, k, '0'];
  }
  return null;
}

describe('mass assignment', () => {
  it('refuses every unknown or forbidden field on every write, naming it, and stores nothing', async () => {
    let checked = 0;
    const routes: string[] = [];
    const refusedControls: string[] = [];
    for (const op of writes) {
      const key = `${op.method} ${op.path}`;
      // /scim/v2 is written by the owner's identity provider (its SCIM token), and answers SCIM errors.
      const scim = op.access === 'scim';
      const caller = await callerFor(t, e, scim ? 'authenticated' : op.access, [
        'partner_admin',
        'partner_user',
        'admin',
      ]);
      if (!caller) continue;
      const headers = scim ? await scimHeaders(t, caller.owner.id) : undefined;
      const session = scim ? null : caller.session;
      const refusedNaming = (
        res: { statusCode: number; body: string; headers: Record<string, unknown> },
        field: string,
      ) => {
        expect(res.statusCode, `${key} with ${field}: ${res.body}`).toBe(400);
        expect(res.headers['content-type'], key).toContain(errorType(op.path));
        if (scim) {
          // SCIM names the attribute in `detail` (a prototype key is refused by the JSON reader itself).
          const detail = String(JSON.parse(res.body).detail);
          expect(detail.includes(field) || /prototype/.test(detail), `${key} with ${field}: ${detail}`).toBe(
            true,
          );
        } else {
          const paths = (JSON.parse(res.body).errors ?? []).map((x: { path: string }) => x.path);
          expect(paths, `${key} with ${field}: ${res.body}`).toContain(`body.${field}`);
        }
      };
      const example = await examples[key]!({ e, owner: caller.owner, user: caller.user, t });
      const body = example.body;
      if (!body || typeof body !== 'object' || Array.isArray(body) || example.headers) continue;
      const declared = propertiesOf(doc, op.requestBody);
      const url = urlOf(op.path, example);
      const before = await tableCounts(t);
      for (const [field, value] of forbidden(e.partnerA.id)) {
        if (field in declared) continue;
        const res = await send(t, op.method, url, session, {
          payload: withField(body as Record<string, unknown>, field, value),
          ...(headers ? { headers } : {}),
        });
        refusedNaming(res, field);
        checked++;
      }
      // One level down too: an object inside the body is as strict as the body.
      const inner = nestedObject(body);
      if (inner) {
        const copy = structuredClone(body) as Record<string, unknown>;
        let at: Record<string, unknown> = copy;
        for (const k of inner) at = at[k] as Record<string, unknown>;
        at.isAdmin = true;
        const res = await send(t, op.method, url, session, {
          payload: JSON.stringify(copy),
          ...(headers ? { headers } : {}),
        });
        refusedNaming(res, scim ? 'isAdmin' : [...inner, 'isAdmin'].join('.'));
        checked++;
      }
      expect(await tableCounts(t), `${key}: a refused body stored something`).toEqual(before);
      // The control: the same request without the extra field has no unknown field (a few
      // examples are refused by the rules on purpose, e.g. a wrong current password).
      const control = await send(t, op.method, url, session, {
        payload: JSON.stringify(body),
        ...(headers ? { headers } : {}),
      });
      expect(control.statusCode, `${key} (control): ${control.body}`).toBeLessThan(500);
      // An import's dry run and commit go on after the answer: let it end before the next route counts rows.
      if (op.path.startsWith('/api/v1/imports/{id}')) await settled(String(example.params?.id));
      if (control.statusCode >= 300) {
        expect(control.body, `${key} (control)`).not.toContain('Unknown field');
        refusedControls.push(`${key}: ${control.statusCode}`);
      }
      routes.push(key);
    }
    expect(routes.length).toBeGreaterThan(80);
    // Nearly every example is valid as it stands: the refusals above were about the field alone.
    expect(refusedControls.length, refusedControls.join('\n')).toBeLessThanOrEqual(5);
    expect(checked).toBeGreaterThan(routes.length * 8);
  }, 240_000);

  it('answers a prototype key in a body with 400 and leaves Object.prototype alone', async () => {
    const caller = (await callerFor(t, e, 'authenticated', ['partner_user']))!;
    const res = await send(t, 'PATCH', '/api/v1/me', caller.session, {
      payload: '{"emailDigest":false,"__proto__":{"polluted":"yes"}}',
    });
    expect(res.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
