// Issue 25's done-when, as a new user would try it: the vendor publishes a Gold-only sales deck and a
// course with a quiz; a Silver partner gets 404 on the deck; two people of a reseller pass the course
// and the tier engine promotes it; the badge verifies at its public page; an external LMS posts a
// completion through the API and it counts. With the bad input the issue lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { importJWK, jwtVerify } from 'jose';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { sendRenewalReminders } from '../src/modules/enablement/reminders.service';
import { siteOf } from '../src/modules/mail/layout';
import {
  createApiTokenRecord,
  createEnrollmentRecord,
  createProgramRecord,
  createUser,
} from '../src/seed/factories';

let t: TestApp;
let e: Ecosystem;
let admin: Session;
let aAdmin: Session;
let aUser: Session;
let bAdmin: Session;
let program: Awaited<ReturnType<typeof createProgramRecord>>;
let enrollmentA: { id: string };
let deck: { id: string };
let course: {
  id: string;
  questions: { id: string; options: string[]; correctOption: number | null }[];
  lessons: { id: string }[];
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await startTestApp({ FILE_MAX_BYTES: '4096' });
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
  bAdmin = await signIn(t.app, e.bAdmin.email, PASSWORD);
  program = await createProgramRecord(t.database.db, {
    name: 'Reseller Program',
    tiers: [
      { code: 'silver', name: 'Silver' },
      { code: 'gold', name: 'Gold', requirements: [{ metric: 'certified_users', threshold: 2 }] },
    ],
  });
  const [silver, gold] = program.tiers;
  enrollmentA = await createEnrollmentRecord(t.database.db, {
    organizationId: e.partnerA.id,
    programId: program.program.id,
    tierId: silver!.id,
  });
  await createEnrollmentRecord(t.database.db, {
    organizationId: e.partnerB.id,
    programId: program.program.id,
    tierId: gold!.id,
  });
});
afterAll(() => t?.close());

describe('the content library', () => {
  it('shows a Gold-only deck to Gold partners and answers 404 to a Silver one', async () => {
    const gold = program.tiers[1]!;
    const res = await as(t.app, admin).post('/api/v1/content/assets', {
      kind: 'rich_text',
      title: 'Gold sales deck',
      body: '# Winning with Acme\n\nThe **Gold** pitch.',
      segment: { tierIds: [gold.id] },
      reviewOn: '2099-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    deck = res.json();
    expect(res.json()).toMatchObject({
      currentVersion: 1,
      owner: { id: e.admin.id, name: 'Vera Admin' },
      segment: { label: 'Reseller Program: Gold' },
    });
    expect(res.json().html).toContain('<strong>Gold</strong>');

    expect((await as(t.app, aUser).get(`/api/v1/content/assets/${deck.id}`)).statusCode).toBe(404);
    const list = (await as(t.app, aUser).get('/api/v1/content/assets')).json();
    expect(list.items.map((a: { id: string }) => a.id)).not.toContain(deck.id);
    const seen = await as(t.app, bAdmin).get(`/api/v1/content/assets/${deck.id}`);
    expect(seen.statusCode).toBe(200);
    const found = (await as(t.app, bAdmin).get('/api/v1/content/assets?q=winning')).json();
    expect(found.items.map((a: { title: string }) => a.title)).toEqual(['Gold sales deck']);

    // The view is in the usage analytics, per person and partner.
    const usage = (await as(t.app, admin).get(`/api/v1/content/usage?assetId=${deck.id}`)).json();
    expect(usage.items).toMatchObject([
      { person: { name: 'Bob Beta' }, organization: { id: e.partnerB.id }, views: 1, downloads: 0 },
    ]);
    expect((await as(t.app, aAdmin).get('/api/v1/content/usage')).json().items).toEqual([]);
  });

  it('keeps every version of an asset', async () => {
    const res = await as(t.app, admin).patch(`/api/v1/content/assets/${deck.id}`, {
      version: 1,
      body: '# Winning with Acme\n\nThe new pitch.',
      note: 'Q3 numbers',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().currentVersion).toBe(2);
    const stale = await as(t.app, admin).patch(`/api/v1/content/assets/${deck.id}`, {
      version: 1,
      title: 'x',
    });
    expect(stale.statusCode).toBe(409);
    const versions = (await as(t.app, admin).get(`/api/v1/content/assets/${deck.id}/versions`)).json().items;
    expect(versions.map((v: { number: number; note: string }) => [v.number, v.note])).toEqual([
      [2, 'Q3 numbers'],
      [1, 'First version'],
    ]);
  });

  it('takes a file by its content: another type or a larger file is refused and nothing kept', async () => {
    const created = await as(t.app, admin).post('/api/v1/content/assets', {
      kind: 'file',
      title: 'Datasheet',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const upload = (body: Buffer, name: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/content/assets/${id}/file?fileName=${encodeURIComponent(name)}`,
        payload: body,
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': 'application/octet-stream',
        },
      });
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200, 1)]);
    const refused = await upload(elf, 'datasheet.pdf');
    expect(refused.statusCode).toBe(415);
    expect(refused.json().errors[0].path).toBe('file');
    const big = await upload(Buffer.alloc(5000, 'a'), 'notes.txt');
    expect(big.statusCode).toBe(413);
    expect((await as(t.app, admin).get(`/api/v1/content/assets/${id}`)).json().file).toBeNull();

    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const ok = await upload(pdf, 'Datasheet – 2026.pdf');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().file).toMatchObject({
      fileName: 'Datasheet – 2026.pdf',
      contentType: 'application/pdf',
    });
    const download = await as(t.app, aUser).get(`/api/v1/content/assets/${id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const usage = (await as(t.app, aAdmin).get(`/api/v1/content/usage?assetId=${id}`)).json().items;
    expect(usage).toMatchObject([{ person: { name: 'Adam Alpha' }, downloads: 1 }]);
  });
});

describe('courses, certifications and the tier engine', () => {
  let typeId: string;
  let certId: string;

  it('publishes a course with a quiz and a path that certifies', async () => {
    const type = await as(t.app, admin).post('/api/v1/certification-types', {
      code: 'sales-pro',
      name: 'Certified Sales Professional',
      validityMonths: 24,
    });
    expect(type.statusCode, type.body).toBe(201);
    typeId = type.json().id;
    const res = await as(t.app, admin).post('/api/v1/courses', {
      title: 'Selling Acme',
      lessons: [
        { title: 'The pitch', body: 'Lead with the outcome.' },
        { title: 'The deck', assetId: deck.id },
      ],
      questions: [
        { prompt: 'What do you lead with?', options: ['Features', 'The outcome'], correctOption: 1 },
        { prompt: 'Who signs?', options: ['The buyer', 'The user', 'Nobody'], correctOption: 0 },
      ],
      passingScore: 100,
    });
    expect(res.statusCode, res.body).toBe(201);
    const path = await as(t.app, admin).post('/api/v1/learning-paths', {
      title: 'Sales track',
      courseIds: [res.json().id],
      certificationTypeId: typeId,
    });
    expect(path.statusCode, path.body).toBe(201);
    // Partners are not sent the answers.
    course = (await as(t.app, aUser).get(`/api/v1/courses/${res.json().id}`)).json();
    expect(course.questions.map((q) => q.correctOption)).toEqual([null, null]);
    course.questions = (await as(t.app, admin).get(`/api/v1/courses/${res.json().id}`)).json().questions;
  });

  it('refuses an answer to a question not in the quiz, naming it, and records nothing', async () => {
    const res = await as(t.app, aUser).post(`/api/v1/courses/${course.id}/quiz`, {
      answers: [
        { questionId: course.questions[0]!.id, option: 1 },
        { questionId: deck.id, option: 0 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'body.answers.1.questionId', message: 'This question is not in this quiz' },
    ]);
    const progress = (await as(t.app, aAdmin).get(`/api/v1/courses/${course.id}/progress`)).json().items;
    expect(progress).toEqual([]);
  });

  const answers = (right: boolean) =>
    course.questions.map((q) => ({
      questionId: q.id,
      option: right ? q.correctOption! : (q.correctOption! + 1) % q.options.length,
    }));

  it('two people of the reseller pass, and the tier engine promotes it: certified users 2 of 2', async () => {
    const failed = (
      await as(t.app, aUser).post(`/api/v1/courses/${course.id}/quiz`, { answers: answers(false) })
    ).json();
    expect(failed).toMatchObject({ passed: false, score: 0, certificationsEarned: [] });
    for (const s of [aUser, aAdmin]) {
      await as(t.app, s).post(`/api/v1/courses/${course.id}/lessons/${course.lessons[0]!.id}/complete`);
      const res = await as(t.app, s).post(`/api/v1/courses/${course.id}/quiz`, { answers: answers(true) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        score: 100,
        passed: true,
        certificationsEarned: [{ type: { name: 'Certified Sales Professional' } }],
      });
    }
    const again = await as(t.app, aUser).post(`/api/v1/courses/${course.id}/quiz`, {
      answers: answers(true),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('body.answers');

    const progress = (await as(t.app, aAdmin).get(`/api/v1/courses/${course.id}/progress`)).json().items;
    expect(
      progress.map(
        (p: { person: { name: string }; completedAt: string | null; lessonsCompleted: number }) => [
          p.person.name,
          !!p.completedAt,
          p.lessonsCompleted,
        ],
      ),
    ).toEqual([
      ['Adam Alpha', true, 1],
      ['Alice Alpha', true, 1],
    ]);
    expect((await as(t.app, bAdmin).get(`/api/v1/courses/${course.id}/progress`)).json().items).toEqual([]);

    const certs = (await as(t.app, aUser).get('/api/v1/certifications')).json().items;
    expect(certs).toHaveLength(2);
    expect(certs[0]).toMatchObject({ status: 'valid', source: 'path', organization: { id: e.partnerA.id } });
    certId = certs[0].id;
    expect((await as(t.app, bAdmin).get(`/api/v1/certifications/${certId}`)).statusCode).toBe(404);

    const evaluated = (await as(t.app, aAdmin).post(`/api/v1/enrollments/${enrollmentA.id}/evaluate`)).json();
    expect(evaluated.change).toMatchObject({ kind: 'promotion', fromTier: 'Silver', toTier: 'Gold' });
    const gold = evaluated.tiers.find((x: { code: string }) => x.code === 'gold');
    expect(gold.rules.map((r: { reason: string }) => r.reason)).toEqual([
      'Met: certified users is 2, needs ≥ 2',
    ]);
    // Now Gold, the reseller sees the Gold deck at once.
    expect((await as(t.app, aUser).get(`/api/v1/content/assets/${deck.id}`)).statusCode).toBe(200);
  });

  it('issues a badge that verifies at its public page, and shows a tampered or revoked one as such', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/certifications/verify/${certId}` });
    expect(page.statusCode).toBe(200);
    const badge = page.json();
    expect(badge).toMatchObject({ status: 'valid', achievement: 'Certified Sales Professional' });
    expect(badge.credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(JSON.stringify(badge.credential)).not.toContain('@alpha.test');

    // Anyone can check the JWT as presented, against the published key.
    const issuer = (await t.app.inject({ method: 'GET', url: '/api/v1/certifications/issuer' })).json();
    expect(issuer.verificationMethod[0].publicKeyJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(issuer.verificationMethod[0].publicKeyJwk.d).toBeUndefined();
    const presented = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications/verify',
      payload: { credential: badge.jwt },
    });
    expect(presented.json().status).toBe('valid');
    const [head, body, sig] = (badge.jwt as string).split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    claims.credentialSubject.name = 'Mallory';
    const forged = [head, Buffer.from(JSON.stringify(claims)).toString('base64url'), sig].join('.');
    const tampered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications/verify',
      payload: { credential: forged },
    });
    expect(tampered.json()).toMatchObject({
      status: 'invalid',
      reason: expect.stringContaining('does not verify'),
    });

    // The badge names its bit in the issuer's revocation list; the list, signed with the same key, says 0.
    const entry = badge.credential.credentialStatus;
    expect(entry).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListCredential: expect.stringMatching(/\/api\/v1\/certifications\/status-list$/),
    });
    const listBit = async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/certifications/status-list' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('application/vc+jwt');
      const key = await importJWK(issuer.verificationMethod[0].publicKeyJwk, 'EdDSA');
      const { payload } = await jwtVerify(res.body, key);
      const subject = payload.credentialSubject as {
        type: string;
        statusPurpose: string;
        encodedList: string;
      };
      expect(subject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
      expect(subject.encodedList.startsWith('u')).toBe(true);
      const bits = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
      expect(bits.length).toBeGreaterThanOrEqual(16_384);
      const i = Number(entry.statusListIndex);
      return (bits[i >> 3]! >> (7 - (i & 7))) & 1;
    };
    expect(await listBit()).toBe(0);

    const revoked = await as(t.app, admin).post(`/api/v1/certifications/${certId}/revoke`, {
      reason: 'Left the company',
    });
    expect(revoked.json().status).toBe('revoked');
    expect(await listBit()).toBe(1);
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/v1/certifications/verify/${certId}` })
    ).json();
    expect(after).toMatchObject({ status: 'revoked', reason: 'Revoked by the issuer: Left the company' });
    // The JWT as the holder still presents it, unchanged and validly signed, verifies as revoked by the list.
    const presentedAfter = await t.app.inject({
      method: 'POST',
      url: '/api/v1/certifications/verify',
      payload: { credential: badge.jwt },
    });
    expect(presentedAfter.json().status).toBe('revoked');
  });

  it("counts an external LMS's completion posted through the API, for existing people and courses only", async () => {
    const carla = await createUser(t.database.db, {
      organizationId: e.partnerA.id,
      role: 'partner_user',
      email: `carla-${Math.random().toString(36).slice(2, 7)}@alpha.test`,
      name: 'Carla Alpha',
    });
    const vendorToken = (await createApiTokenRecord(t.database.db, { userId: e.admin.id })).token;
    const bToken = (await createApiTokenRecord(t.database.db, { userId: e.bAdmin.id })).token;
    const statement = (email: string, courseId = course.id) => ({
      actor: { mbox: `mailto:${email}` },
      verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
      object: { id: `https://lms.example/courses/${courseId}` },
      result: { success: true, score: { scaled: 0.9 } },
      timestamp: new Date().toISOString(),
    });
    const post = (token: string, body: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/learning-records',
        payload: body as object,
        headers: bearer(token),
      });

    const otherOrg = await post(bToken, statement(carla.email));
    expect(otherOrg.statusCode).toBe(404);
    const nobody = await post(vendorToken, statement('nobody@nowhere.test'));
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().errors[0].path).toBe('body.actor.mbox');
    const noCourse = await post(vendorToken, statement(carla.email, '01900000-0000-7000-8000-000000000000'));
    expect(noCourse.statusCode).toBe(404);
    expect(noCourse.json().errors[0].path).toBe('body.object.id');

    const ok = await post(vendorToken, statement(carla.email));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      person: { name: 'Carla Alpha' },
      certificationsEarned: [{ type: { name: 'Certified Sales Professional' } }],
    });
    // Resent, it changes nothing.
    expect((await post(vendorToken, statement(carla.email))).json().certificationsEarned).toEqual([]);
    const valid = (await as(t.app, aAdmin).get('/api/v1/certifications?status=valid')).json().items;
    expect(
      valid.map((c: { person: { name: string }; source: string }) => `${c.person.name}:${c.source}`).sort(),
    ).toEqual(['Adam Alpha:path', 'Carla Alpha:lms']);
    const evaluated = (await as(t.app, aAdmin).post(`/api/v1/enrollments/${enrollmentA.id}/evaluate`)).json();
    const gold = evaluated.tiers.find((x: { code: string }) => x.code === 'gold');
    expect(gold.rules[0].reason).toBe('Met: certified users is 2, needs ≥ 2');
  });

  it('shows certified people by certification, course completion and content engagement on the scorecard', async () => {
    const card = (await as(t.app, admin).get(`/api/v1/analytics/partners/${e.partnerA.id}/scorecard`)).json();
    // Adam (path) and Carla (LMS) hold it; Alice's was revoked. Three people started the course and
    // completed it; Adam viewed the deck once and downloaded the datasheet once.
    expect(card.enablement).toMatchObject({
      certifiedPeople: 2,
      certifiedByType: [{ name: 'Certified Sales Professional', people: 2 }],
      coursesStarted: 3,
      coursesCompleted: 3,
      completionRate: { value: 1 },
      contentDownloads: 1,
    });
    const other = (
      await as(t.app, admin).get(`/api/v1/analytics/partners/${e.partnerB.id}/scorecard`)
    ).json();
    expect(other.enablement).toMatchObject({ certifiedPeople: 0, completionRate: { value: null } });
  });

  it('refuses a certification that expires before it is issued, and writes nothing', async () => {
    const res = await as(t.app, admin).post('/api/v1/certifications', {
      userId: e.bUser.id,
      typeId,
      issuedOn: '2026-01-10',
      expiresOn: '2025-12-31',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((x: { path: string }) => x.path)).toEqual(['body.expiresOn']);
    expect((await as(t.app, bAdmin).get('/api/v1/certifications')).json().items).toEqual([]);
    const recorded = await as(t.app, admin).post('/api/v1/certifications', {
      userId: e.bUser.id,
      typeId,
      issuedOn: '2026-01-10',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({
      source: 'vendor',
      expiresOn: '2028-01-10',
      person: { name: 'Bea Beta' },
    });
  });
});

describe('renewal reminders', () => {
  it('mails the holder of a certification that expires within 30 days, once', async () => {
    const typeId = (await as(t.app, admin).get('/api/v1/certification-types')).json().items[0].id;
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const issuedOn = new Date(Date.now() - 300 * 86_400_000).toISOString().slice(0, 10);
    for (const expiresOn of [soon, later]) {
      const res = await as(t.app, admin).post('/api/v1/certifications', {
        userId: e.bAdmin.id,
        typeId,
        issuedOn,
        expiresOn,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const deps = { mailer: t.mailer, site: siteOf({ PUBLIC_URL: 'http://localhost:3000' }) };
    const before = t.mailer.sent.length;
    expect(await sendRenewalReminders(t.database.db, deps)).toEqual({ reminded: 1, failed: 0 });
    const mail = t.mailer.sent.slice(before);
    expect(mail.map((m) => [m.to, m.subject])).toEqual([
      [e.bAdmin.email, `Your Certified Sales Professional expires on ${soon}`],
    ]);
    expect(await sendRenewalReminders(t.database.db, deps)).toEqual({ reminded: 0, failed: 0 });
  });
});

describe('retiring an asset', () => {
  it('keeps its versions for the vendor, answers 404 to partners and leaves lists, search and "new for you"', async () => {
    const created = await as(t.app, admin).post('/api/v1/content/assets', {
      kind: 'rich_text',
      title: 'Retiring price sheet',
      body: 'Old prices',
    });
    expect(created.statusCode, created.body).toBe(201);
    const sheet = created.json();
    const partnerSees = async () => {
      const ids = async (query: string) =>
        (await as(t.app, aUser).get(`/api/v1/content/assets?${query}`))
          .json()
          .items.map((a: { id: string }) => a.id);
      return {
        page: (await as(t.app, aUser).get(`/api/v1/content/assets/${sheet.id}`)).statusCode,
        list: (await ids('limit=100')).includes(sheet.id),
        search: (await ids('q=price%20sheet')).includes(sheet.id),
        fresh: (await ids('fresh=true&limit=100')).includes(sheet.id),
      };
    };
    expect(await partnerSees()).toEqual({ page: 200, list: true, search: true, fresh: true });

    // A stale version is refused and changes nothing; a partner may not retire.
    const stale = await as(t.app, admin).post(`/api/v1/content/assets/${sheet.id}/retire`, { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(
      (await as(t.app, aUser).post(`/api/v1/content/assets/${sheet.id}/retire`, { version: 1 })).statusCode,
    ).toBe(403);
    expect(await partnerSees()).toEqual({ page: 200, list: true, search: true, fresh: true });

    const retired = await as(t.app, admin).post(`/api/v1/content/assets/${sheet.id}/retire`, { version: 1 });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ version: 2, retiredAt: expect.any(String) });
    expect(await partnerSees()).toEqual({ page: 404, list: false, search: false, fresh: false });

    // The vendor still reads it and its versions by id; the list shows only live assets.
    const kept = await as(t.app, admin).get(`/api/v1/content/assets/${sheet.id}`);
    expect(kept.json().retiredAt).toBe(retired.json().retiredAt);
    const versions = (await as(t.app, admin).get(`/api/v1/content/assets/${sheet.id}/versions`)).json().items;
    expect(versions).toHaveLength(1);
    const vendorList = (await as(t.app, admin).get('/api/v1/content/assets?limit=100')).json().items;
    expect(vendorList.map((a: { id: string }) => a.id)).not.toContain(sheet.id);
    const again = await as(t.app, admin).post(`/api/v1/content/assets/${sheet.id}/retire`, { version: 2 });
    expect(again.statusCode).toBe(409);
  });
});
