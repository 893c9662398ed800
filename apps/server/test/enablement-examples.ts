// Example requests of the enablement routes (spread into route-examples.ts). Assets, courses and paths
// are for the owner's country only (a segment), so another partner answers 404; certifications belong
// to the owner's person.
import os from 'node:os';
import { Readable } from 'node:stream';
import { loadConfig } from '../src/config';
import { loadSecretBox } from '../src/lib/secrets';
import { FILE_POLICIES } from '../src/modules/files/files.policies';
import { attachFile, storeFile } from '../src/modules/files/files.service';
import { findVendor } from '../src/modules/organizations/organizations.repository';
import { findActiveAdmin } from '../src/modules/identity/identity.repository';
import {
  createAssetRecord,
  createCollectionRecord,
  createCertificationRecord,
  createCertificationTypeRecord,
  createCourseRecord,
  createPathRecord,
} from '../src/modules/enablement/enablement.records';
import type { TestApp } from './app';

interface Input {
  owner: { id: string; country: string | null };
  user: { id: string; email: string; name: string; organizationId: string };
  t: TestApp;
}
interface Request {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const mine = (x: Input) => ({ countries: [x.owner.country!] });
const db = (x: Input) => x.t.database.db;
// The test app's secrets key and public address (startTestApp: DATA_DIR is the temp directory).
const badgeDeps = () => ({
  secrets: loadSecretBox({ DATA_DIR: os.tmpdir() }, () => undefined),
  config: loadConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'false', DATA_DIR: os.tmpdir() }),
});

const assetOf = (x: Input) =>
  createAssetRecord(db(x), {
    kind: 'link',
    title: 'Battlecard',
    url: 'https://example.com/card',
    segment: mine(x),
  });

/** A file asset of the owner's segment with a PDF attached, as the vendor's admin uploaded it. */
async function fileAssetOf(x: Input) {
  const vendor = (await findVendor(db(x)))!;
  const admin = (await findActiveAdmin(db(x), vendor.id))!;
  const ctx = {
    actor: {
      userId: admin.id,
      name: admin.name,
      orgId: vendor.id,
      orgKind: 'vendor' as const,
      role: 'admin' as const,
      via: 'session' as const,
      sessionId: null,
      scope: 'read_write' as const,
    },
    requestId: 'example',
    ip: null,
    userAgent: null,
  };
  const body = Readable.from([Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n')]);
  const file = await storeFile(db(x), ctx, {
    policy: FILE_POLICIES.contentAsset,
    fileName: 'sheet.pdf',
    body,
  });
  const asset = await createAssetRecord(db(x), { kind: 'file', title: 'Sheet', segment: mine(x), file });
  await attachFile(db(x), ctx, file.id, { ownerType: 'content_asset', ownerId: asset.id });
  return asset;
}

const collectionOf = (x: Input) => createCollectionRecord(db(x), { name: 'Battlecards', segment: mine(x) });

const courseOf = (x: Input, status: 'draft' | 'published' = 'published') =>
  createCourseRecord(db(x), {
    title: 'Selling Acme',
    segment: mine(x),
    status,
    passingScore: 50,
    lessons: [{ title: 'Pitch', body: 'Lead with the outcome.' }],
    questions: [{ prompt: 'Lead with?', options: ['Features', 'Outcome'], correctOption: 1 }],
  });

const typeOf = (x: Input) =>
  createCertificationTypeRecord(db(x), {
    code: `t-${Math.random().toString(36).slice(2, 10)}`,
    name: 'Sales Pro',
    validityMonths: 12,
  });

async function certificationOf(x: Input) {
  const type = await typeOf(x);
  return createCertificationRecord(db(x), badgeDeps(), {
    typeId: type.id,
    user: { id: x.user.id, name: x.user.name, email: x.user.email, organizationId: x.user.organizationId },
    issuedOn: new Date().toISOString().slice(0, 10),
  });
}

export const enablementExamples: Record<string, (x: Input) => Promise<Request> | Request> = {
  'GET /api/v1/content/collections': () => ({}),
  'POST /api/v1/content/collections': (x) => ({ body: { name: 'Sales decks', segment: mine(x) } }),
  'GET /api/v1/content/collections/{id}': async (x) => ({ params: { id: (await collectionOf(x)).id } }),
  'PATCH /api/v1/content/collections/{id}': async (x) => ({
    params: { id: (await collectionOf(x)).id },
    body: { version: 1, name: 'Sales battlecards', assetIds: [(await assetOf(x)).id] },
  }),
  'GET /api/v1/content/assets': () => ({ query: 'q=deck&fresh=true' }),
  'POST /api/v1/content/assets': (x) => ({
    body: { kind: 'rich_text', title: 'Pitch notes', body: '**Lead** with the outcome', segment: mine(x) },
  }),
  'GET /api/v1/content/assets/{id}': async (x) => ({ params: { id: (await assetOf(x)).id } }),
  'PATCH /api/v1/content/assets/{id}': async (x) => ({
    params: { id: (await assetOf(x)).id },
    body: { version: 1, url: 'https://example.com/card-v2', note: 'New figures' },
  }),
  'POST /api/v1/content/assets/{id}/retire': async (x) => ({
    params: { id: (await assetOf(x)).id },
    body: { version: 1 },
  }),
  'GET /api/v1/content/assets/{id}/versions': async (x) => ({ params: { id: (await assetOf(x)).id } }),
  'POST /api/v1/content/assets/{id}/file': async (x) => ({
    params: { id: (await createAssetRecord(db(x), { kind: 'file', title: 'Deck', segment: mine(x) })).id },
    query: 'fileName=deck.pdf',
    body: '%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n',
    headers: { 'content-type': 'application/pdf' },
  }),
  'GET /api/v1/content/assets/{id}/download': async (x) => ({ params: { id: (await fileAssetOf(x)).id } }),
  'GET /api/v1/content/usage': () => ({}),
  'GET /api/v1/courses': () => ({ query: 'q=selling' }),
  'POST /api/v1/courses': (x) => ({
    body: {
      title: 'Onboarding',
      segment: mine(x),
      lessons: [{ title: 'Welcome' }],
      questions: [{ prompt: 'Ready?', options: ['Yes', 'No'], correctOption: 0 }],
      passingScore: 100,
    },
  }),
  'GET /api/v1/courses/{id}': async (x) => ({ params: { id: (await courseOf(x)).id } }),
  'PATCH /api/v1/courses/{id}': async (x) => {
    const c = await courseOf(x);
    return {
      params: { id: c.id },
      body: {
        version: 1,
        title: 'Selling Acme, 2nd edition',
        lessons: [
          { id: c.lessons[0]!.id, title: 'Pitch', body: 'Lead with the outcome.' },
          { title: 'Demo' },
        ],
        questions: [{ prompt: 'Lead with?', options: ['Features', 'Outcome', 'Price'], correctOption: 1 }],
      },
    };
  },
  'POST /api/v1/courses/{id}/publish': async (x) => ({ params: { id: (await courseOf(x, 'draft')).id } }),
  'POST /api/v1/courses/{id}/lessons/{lessonId}/complete': async (x) => {
    const c = await courseOf(x);
    return { params: { id: c.id, lessonId: c.lessons[0]!.id } };
  },
  'POST /api/v1/courses/{id}/quiz': async (x) => {
    const c = await courseOf(x);
    return { params: { id: c.id }, body: { answers: [{ questionId: c.questions[0]!.id, option: 1 }] } };
  },
  'GET /api/v1/courses/{id}/progress': async (x) => ({ params: { id: (await courseOf(x)).id } }),
  'GET /api/v1/learning-paths': () => ({}),
  'POST /api/v1/learning-paths': async (x) => ({
    body: {
      title: 'Sales track',
      courseIds: [(await courseOf(x)).id],
      certificationTypeId: (await typeOf(x)).id,
    },
  }),
  'GET /api/v1/learning-paths/{id}': async (x) => {
    const c = await courseOf(x);
    return {
      params: {
        id: (await createPathRecord(db(x), { title: 'Track', courseIds: [c.id], segment: mine(x) })).id,
      },
    };
  },
  'PATCH /api/v1/learning-paths/{id}': async (x) => {
    const c = await courseOf(x);
    return {
      params: {
        id: (await createPathRecord(db(x), { title: 'Track', courseIds: [c.id], segment: mine(x) })).id,
      },
      body: { version: 1, title: 'Sales track', courseIds: [c.id, (await courseOf(x)).id] },
    };
  },
  'POST /api/v1/learning-records': async (x) => ({
    body: {
      actor: { mbox: `mailto:${x.user.email}` },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: (await courseOf(x)).id },
    },
  }),
  'GET /api/v1/certification-types': () => ({}),
  'POST /api/v1/certification-types': () => ({
    body: { code: `c-${Math.random().toString(36).slice(2, 10)}`, name: 'Technical Pro', validityMonths: 24 },
  }),
  'GET /api/v1/certifications': () => ({ query: 'status=valid' }),
  'POST /api/v1/certifications': async (x) => ({
    body: { userId: x.user.id, typeId: (await typeOf(x)).id, issuedOn: '2026-01-15' },
  }),
  'GET /api/v1/certifications/{id}': async (x) => ({ params: { id: (await certificationOf(x)).id } }),
  'POST /api/v1/certifications/{id}/revoke': async (x) => ({
    params: { id: (await certificationOf(x)).id },
    body: { reason: 'Left the company' },
  }),
  'GET /api/v1/certifications/verify/{id}': async (x) => ({ params: { id: (await certificationOf(x)).id } }),
  'POST /api/v1/certifications/verify': () => ({ body: { credential: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' } }),
  'GET /api/v1/certifications/issuer': () => ({}),
  // A badge issued first, so the issuer key (and with it the list) exists.
  'GET /api/v1/certifications/status-list': async (x) => {
    await certificationOf(x);
    return {};
  },
};
