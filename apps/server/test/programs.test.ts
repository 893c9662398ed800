import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { metricKeys, type tierInput } from '@partnergraph/shared/contracts/programs';
import { eq } from 'drizzle-orm';
import { enrollments } from '../src/modules/programs/programs.tables';
import {
  enforceAgreementDeadlines,
  evaluateAllEnrollments,
} from '../src/modules/programs/enrollments.service';
import {
  createAgreementRecord,
  createDealRecord,
  createEnrollmentRecord,
  createPartnerOrganization,
  createProgramRecord,
} from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session, cm: Session, aAdmin: Session, bAdmin: Session;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
  bAdmin = await signIn(t.app, e.bAdmin.email, PASSWORD);
});
afterAll(() => t?.close());

const tiers: z.input<typeof tierInput>[] = [
  { code: 'registered', name: 'Registered' },
  {
    code: 'silver',
    name: 'Silver',
    requirements: [{ metric: 'manual_attestation', threshold: 1, label: 'Sales certification' }],
    benefits: [{ kind: 'discount_pct', value: 10 }],
  },
  {
    code: 'gold',
    name: 'Gold',
    requirements: [
      { metric: 'manual_attestation', threshold: 1, label: 'Sales certification' },
      { metric: 'won_deals', threshold: 10 },
    ],
    benefits: [
      { kind: 'discount_pct', value: 20 },
      { kind: 'badge', text: 'Gold partner' },
    ],
  },
];

describe('programs', () => {
  it('refuses invalid tier rules with the field named', async () => {
    const base = { name: 'Bad Program', eligibleTypes: ['reseller'] };
    const unknownMetric = await as(t.app, admin).post('/api/v1/programs', {
      ...base,
      tiers: [{ code: 'a', name: 'A', requirements: [{ metric: 'vibes', threshold: 1 }] }],
    });
    expect(unknownMetric.statusCode).toBe(400);
    expect(unknownMetric.json().errors[0].path).toBe('body.tiers.0.requirements.0.metric');
    const negative = await as(t.app, admin).post('/api/v1/programs', {
      ...base,
      tiers: [{ code: 'a', name: 'A', requirements: [{ metric: 'won_deals', threshold: -5 }] }],
    });
    expect(negative.json().errors[0]).toEqual({
      path: 'body.tiers.0.requirements.0.threshold',
      message: 'A threshold cannot be negative',
    });
    const outOfOrder = await as(t.app, admin).post('/api/v1/programs', {
      ...base,
      tiers: [
        { code: 'a', name: 'A', requirements: [{ metric: 'won_deals', threshold: 10 }] },
        { code: 'b', name: 'B', requirements: [{ metric: 'won_deals', threshold: 5 }] },
      ],
    });
    expect(outOfOrder.statusCode).toBe(400);
    expect(outOfOrder.json().errors[0].path).toBe('body.tiers.1.requirements.0.threshold');
    expect(outOfOrder.json().errors[0].message).toBe(
      "Tiers are out of order: the won deals B asks for (5) is less than the lower tier A's (10)",
    );
    // Money is named in the reporting currency, never in cents.
    const revenueOutOfOrder = await as(t.app, admin).post('/api/v1/programs', {
      ...base,
      tiers: [
        { code: 'a', name: 'Silver', requirements: [{ metric: 'sourced_revenue', threshold: 50_000_000 }] },
        { code: 'b', name: 'Gold', requirements: [{ metric: 'sourced_revenue', threshold: 250_000 }] },
      ],
    });
    expect(revenueOutOfOrder.json().errors[0].message).toBe(
      "Tiers are out of order: the sourced revenue Gold asks for ($2,500.00) is less than the lower tier Silver's ($500,000.00)",
    );
    const cents = await as(t.app, admin).post('/api/v1/programs', {
      ...base,
      tiers: [{ code: 'a', name: 'A', requirements: [{ metric: 'sourced_revenue', threshold: 10.5 }] }],
    });
    expect(cents.json().errors[0]).toEqual({
      path: 'body.tiers.0.requirements.0.threshold',
      message: 'Sourced revenue is counted in whole minor units of USD (cents for USD)',
    });
    // A metric twice in one tier is said as such, whichever threshold comes first.
    for (const thresholds of [
      [10, 5],
      [5, 10],
    ]) {
      const twice = await as(t.app, admin).post('/api/v1/programs', {
        ...base,
        tiers: [
          {
            code: 'a',
            name: 'Gold',
            requirements: thresholds.map((threshold) => ({ metric: 'won_deals', threshold })),
          },
        ],
      });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().errors).toEqual([
        {
          path: 'body.tiers.0.requirements.1.metric',
          message:
            'Won deals is already requirement 1 of Gold: a tier asks for each metric (over one window) once',
        },
      ]);
    }
    // Certified users is measured since certifications are recorded (enablement): a rule over it is accepted.
    const certified = await as(t.app, admin).post('/api/v1/programs', {
      ...base,
      name: 'Certified Program',
      tiers: [
        { code: 'a', name: 'Registered' },
        { code: 'b', name: 'Certified', requirements: [{ metric: 'certified_users', threshold: 2 }] },
      ],
    });
    expect(certified.statusCode, certified.body).toBe(201);
    const noLabel = await as(t.app, admin).post('/api/v1/programs', {
      ...base,
      tiers: [{ code: 'a', name: 'A', requirements: [{ metric: 'manual_attestation', threshold: 1 }] }],
    });
    expect(noLabel.json().errors[0].path).toBe('body.tiers.0.requirements.0.label');
  });

  it('measures every metric the program builder offers, in the app as built', async () => {
    // Providers are registered where the app is built, not by importing a routes file: a rule over any
    // metric something records is accepted: every metric the builder offers now has its provider.
    const refused: string[] = [];
    for (const metric of metricKeys) {
      const res = await as(t.app, admin).post('/api/v1/programs', {
        name: `Measured ${metric}`,
        eligibleTypes: ['reseller'],
        tiers: [
          { code: 'a', name: 'Registered' },
          {
            code: 'b',
            name: 'Ruled',
            requirements: [
              { metric, threshold: 1, ...(metric === 'manual_attestation' ? { label: 'Audit' } : {}) },
            ],
          },
        ],
      });
      if (res.statusCode !== 201) refused.push(metric);
    }
    expect(refused).toEqual([]);
    // Every activity of the engagement score has its source, the community's included.
    const scorecard = await as(t.app, admin).get(`/api/v1/analytics/partners/${e.partnerA.id}/scorecard`);
    expect(scorecard.statusCode).toBe(200);
    const unmeasured = scorecard
      .json()
      .engagement.activities.filter((a: { measured: boolean }) => !a.measured)
      .map((a: { kind: string }) => a.kind);
    expect(unmeasured).toEqual([]);
  });

  it('goes draft → published → retired, and changes a published ladder only by a new version', async () => {
    const created = await as(t.app, admin).post('/api/v1/programs', {
      name: 'Versioned Program',
      eligibleTypes: ['reseller', 'msp'],
      tiers,
    });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ status: 'draft', tiersVersion: 1 });
    expect(p.tiers.map((x: { code: string; rank: number }) => `${x.rank}:${x.code}`)).toEqual([
      '1:registered',
      '2:silver',
      '3:gold',
    ]);
    // Partners do not see drafts.
    expect((await as(t.app, aAdmin).get(`/api/v1/programs/${p.id}`)).statusCode).toBe(404);
    const published = (
      await as(t.app, admin).post(`/api/v1/programs/${p.id}/publish`, { version: 1 })
    ).json();
    expect(published.status).toBe('published');
    expect((await as(t.app, aAdmin).get(`/api/v1/programs/${p.id}`)).statusCode).toBe(200);
    const enrolled = (
      await as(t.app, admin).post('/api/v1/enrollments', { organizationId: e.partnerA.id, programId: p.id })
    ).json();
    expect(enrolled.tier.code).toBe('registered');
    const oldTierId = enrolled.tier.id;
    const v2 = await as(t.app, admin).put(`/api/v1/programs/${p.id}/tiers`, {
      version: 2,
      tiers: [
        ...tiers,
        { code: 'platinum', name: 'Platinum', requirements: [{ metric: 'won_deals', threshold: 50 }] },
      ],
    });
    expect(v2.json()).toMatchObject({ tiersVersion: 2 });
    expect(v2.json().tiers).toHaveLength(4);
    // The existing enrollment keeps its (old-version) tier until evaluated.
    expect((await as(t.app, aAdmin).get(`/api/v1/enrollments/${enrolled.id}`)).json().tier.id).toBe(
      oldTierId,
    );
    const evaluated = (await as(t.app, aAdmin).post(`/api/v1/enrollments/${enrolled.id}/evaluate`)).json();
    expect(evaluated.currentTier.name).toBe('Registered');
    expect(evaluated.tiers).toHaveLength(4);
    expect(
      (await as(t.app, aAdmin).get(`/api/v1/enrollments/${enrolled.id}`)).json().tier.programVersion,
    ).toBe(2);
    expect(
      (await as(t.app, admin).post(`/api/v1/programs/${p.id}/retire`, { version: 3 })).json().status,
    ).toBe('retired');
  });

  it('judges a new enrollment at once, and explains money in the reporting currency', async () => {
    const { program } = await createProgramRecord(t.database.db, {
      eligibleTypes: ['reseller'],
      tiers: [
        { code: 'registered', name: 'Registered' },
        {
          code: 'silver',
          name: 'Silver',
          requirements: [{ metric: 'sourced_revenue', threshold: 1_000_000, windowDays: 365 }],
        },
        {
          code: 'gold',
          name: 'Gold',
          requirements: [{ metric: 'sourced_revenue', threshold: 50_000_000, windowDays: 365 }],
        },
      ],
    });
    const org = await createPartnerOrganization(t.database.db, { types: ['reseller'] });
    await createDealRecord(t.database.db, {
      registeredByOrgId: org.id,
      status: 'won',
      amount: 3_795_196,
      closeDate: new Date().toISOString().slice(0, 10),
    });
    const res = await as(t.app, admin).post('/api/v1/enrollments', {
      organizationId: org.id,
      programId: program.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const enrolled = res.json();
    // Not "in six hours": the partner already meets Silver, and starts there.
    expect(enrolled.tier.code).toBe('silver');
    const gold = enrolled.lastEvaluation.tiers.find((x: { code: string }) => x.code === 'gold');
    expect(gold.rules).toEqual([
      expect.objectContaining({
        value: 3_795_196,
        threshold: 50_000_000,
        currency: 'USD',
        met: false,
        reason: 'Unmet: sourced revenue over the last 365 days is $37,951.96, needs ≥ $500,000.00',
      }),
    ]);
    const history = (await as(t.app, admin).get(`/api/v1/enrollments/${enrolled.id}/history`)).json().items;
    expect(history.map((h: { kind: string; toTier: string }) => `${h.kind}:${h.toTier}`)).toEqual([
      'promotion:Silver',
      'initial:Registered',
    ]);
  });

  it('refuses enrollment of an ineligible or already enrolled organization', async () => {
    const { program } = await createProgramRecord(t.database.db, { eligibleTypes: ['technology_partner'] });
    const res = await as(t.app, admin).post('/api/v1/enrollments', {
      organizationId: e.partnerA.id,
      programId: program.id,
    });
    expect(res.statusCode).toBe(422);
    const { program: open } = await createProgramRecord(t.database.db);
    expect(
      (
        await as(t.app, admin).post('/api/v1/enrollments', {
          organizationId: e.partnerA.id,
          programId: open.id,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await as(t.app, admin).post('/api/v1/enrollments', {
          organizationId: e.partnerA.id,
          programId: open.id,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await as(t.app, cm).post('/api/v1/enrollments', { organizationId: e.partnerB.id, programId: open.id }))
        .statusCode,
    ).toBe(403);
  });
});

describe('partner types', () => {
  it('renames, adds and retires types; a type in use cannot be deleted', async () => {
    const created = await as(t.app, admin).post('/api/v1/partner-types', {
      code: 'oem',
      name: 'OEM partner',
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await as(t.app, admin).patch('/api/v1/partner-types/oem', { name: 'OEM / embedded' })).json().name,
    ).toBe('OEM / embedded');
    expect(
      (await as(t.app, admin).post('/api/v1/partner-types', { code: 'oem', name: 'Again' })).statusCode,
    ).toBe(409);
    const inUse = await as(t.app, admin).delete('/api/v1/partner-types/reseller');
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().detail).toMatch(/retire it instead/);
    expect((await as(t.app, admin).post('/api/v1/partner-types/oem/retire')).json().retired).toBe(true);
    const create = await as(t.app, admin).post('/api/v1/partners', {
      name: 'Retired Type Co',
      types: ['oem'],
    });
    expect(create.statusCode).toBe(400);
    expect((await as(t.app, admin).delete('/api/v1/partner-types/oem')).statusCode).toBe(204);
  });
});

describe('the onboarding path', () => {
  it('apply anonymously → approve → accept the invitation and agreement → checklist → evaluation explains → a new version forces re-acceptance', async () => {
    const { agreement, version } = await createAgreementRecord(t.database.db, {
      type: 'reseller',
      name: 'Reseller Agreement',
    });
    const { program } = await createProgramRecord(t.database.db, {
      name: 'Reseller Program',
      eligibleTypes: ['reseller'],
      requiredAgreementTypes: ['reseller'],
      checklist: [
        { key: 'agreement', kind: 'accept_agreement', title: 'Accept the reseller agreement' },
        { key: 'profile', kind: 'complete_profile', title: 'Complete your profile' },
        { key: 'kickoff', kind: 'custom', title: 'Attend the kick-off call' },
      ],
      tiers,
    });
    const publicPrograms = (await t.app.inject({ method: 'GET', url: '/api/v1/public/programs' })).json();
    expect(publicPrograms.items.map((p: { id: string }) => p.id)).toContain(program.id);

    const applied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      remoteAddress: '198.18.0.1',
      payload: {
        companyName: 'Omega Resale GmbH',
        website: 'https://www.omega-resale.example',
        country: 'DE',
        partnerTypes: ['reseller'],
        programIds: [program.id],
        contactName: 'Olga Omega',
        contactEmail: 'olga@omega-resale.example',
      },
    });
    expect(applied.statusCode).toBe(201);
    expect(t.mailer.sent.at(-1)!.to).toBe('olga@omega-resale.example');

    const queue = (await as(t.app, cm).get('/api/v1/applications?status=submitted')).json();
    const app = queue.items.find((a: { id: string }) => a.id === applied.json().id);
    expect(app.programs).toEqual([{ id: program.id, name: 'Reseller Program' }]);
    const approved = await as(t.app, cm).post(`/api/v1/applications/${app.id}/approve`, { version: 1 });
    expect(approved.statusCode).toBe(200);
    const orgId = approved.json().organizationId;

    const mail = t.mailer.sent.at(-1)!;
    expect(mail.subject).toMatch(/approved/);
    const token = mail.text.match(/\/invitations\/([\w-]+)/)![1]!;
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { name: 'Olga Omega', password: 'omega-password-1' },
    });
    expect(accepted.json().user).toMatchObject({ role: 'partner_admin', organizationId: orgId });
    const olga = {
      cookie: `pg_session=${accepted.cookies.find((c) => c.name === 'pg_session')!.value}`,
      csrfToken: accepted.json().csrfToken,
    };

    const [enrollment] = (await as(t.app, olga).get('/api/v1/enrollments')).json().items;
    expect(enrollment).toMatchObject({ status: 'pending_agreement', tier: { code: 'registered' } });
    expect(enrollment.pendingAgreements).toEqual([
      {
        agreementId: agreement.id,
        name: 'Reseller Agreement',
        type: 'reseller',
        versionId: version.id,
        versionNumber: 1,
      },
    ]);
    expect(enrollment.checklist.map((c: { key: string; done: boolean }) => `${c.key}:${c.done}`)).toEqual([
      'agreement:false',
      'profile:false',
      'kickoff:false',
    ]);

    const acceptance = await as(t.app, olga).post(
      `/api/v1/agreements/${agreement.id}/accept`,
      { versionId: version.id },
      { 'user-agent': 'Browser/1.0' },
    );
    expect(acceptance.json().acceptedByMe).toMatchObject({ versionId: version.id, versionNumber: 1 });
    const record = (await as(t.app, admin).get(`/api/v1/agreements/${agreement.id}/acceptances`))
      .json()
      .items.find((x: { organization: { id: string } }) => x.organization.id === orgId);
    expect(record).toMatchObject({
      versionNumber: 1,
      contentHash: version.contentHash,
      userAgent: 'Browser/1.0',
      user: { name: 'Olga Omega' },
    });

    await as(t.app, olga).patch(`/api/v1/partners/${orgId}`, {
      version: 1,
      description: 'We resell in DACH.',
    });
    await as(t.app, olga).post(`/api/v1/enrollments/${enrollment.id}/checklist/kickoff/complete`);
    const after = (await as(t.app, olga).get(`/api/v1/enrollments/${enrollment.id}`)).json();
    expect(after.status).toBe('active');
    expect(after.checklist.every((c: { done: boolean }) => c.done)).toBe(true);

    // Evaluation explains every rule; the attestation promotes to Silver at once.
    await as(t.app, admin).post(`/api/v1/enrollments/${enrollment.id}/attestations`, {
      label: 'Sales certification',
    });
    const evalRes = await as(t.app, olga).post(`/api/v1/enrollments/${enrollment.id}/evaluate`);
    expect(evalRes.statusCode, evalRes.body).toBe(200);
    const evaluation = evalRes.json();
    expect(evaluation.change).toMatchObject({ kind: 'promotion', fromTier: 'Registered', toTier: 'Silver' });
    const gold = evaluation.tiers.find((x: { code: string }) => x.code === 'gold');
    expect(gold.rules.map((r: { met: boolean; reason: string }) => [r.met, r.reason])).toEqual([
      [true, 'Met: attestation "Sales certification" recorded by the vendor'],
      [false, 'Unmet: won deals over the last 365 days is 0, needs ≥ 10'],
    ]);
    const history = (await as(t.app, olga).get(`/api/v1/enrollments/${enrollment.id}/history`)).json().items;
    expect(history.map((h: { kind: string; toTier: string }) => `${h.kind}:${h.toTier}`)).toEqual([
      'promotion:Silver',
      'initial:Registered',
    ]);

    // A new agreement version: the enrollment stays active but requires action; the old version is refused.
    const v2 = (
      await as(t.app, admin).post(`/api/v1/agreements/${agreement.id}/versions`, {
        body: '# Reseller Agreement v2\n\nNew terms.',
      })
    ).json();
    expect(v2.currentVersion.versionNumber).toBe(2);
    const flagged = (await as(t.app, olga).get(`/api/v1/enrollments/${enrollment.id}`)).json();
    expect(flagged).toMatchObject({
      status: 'active',
      actionRequired: true,
      actionRequiredReason: 'Accept version 2 of Reseller Agreement',
    });
    const stale = await as(t.app, olga).post(`/api/v1/agreements/${agreement.id}/accept`, {
      versionId: version.id,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersionId: v2.currentVersion.id, currentVersionNumber: 2 });
    await as(t.app, olga).post(`/api/v1/agreements/${agreement.id}/accept`, {
      versionId: v2.currentVersion.id,
    });
    expect((await as(t.app, olga).get(`/api/v1/enrollments/${enrollment.id}`)).json().actionRequired).toBe(
      false,
    );
  });

  it('suspends an enrollment whose agreement deadline passed', async () => {
    const { agreement } = await createAgreementRecord(t.database.db, { type: 'distribution' });
    const { program, tiers: tt } = await createProgramRecord(t.database.db, {
      requiredAgreementTypes: ['distribution'],
      agreementDeadlineDays: 1,
    });
    const org = await createPartnerOrganization(t.database.db, { name: 'Late Signer' });
    const en = await createEnrollmentRecord(t.database.db, {
      organizationId: org.id,
      programId: program.id,
      tierId: tt[0]!.id,
    });
    await as(t.app, admin).post(`/api/v1/agreements/${agreement.id}/versions`, { body: 'v2' });
    expect((await enforceAgreementDeadlines(t.database.db, new Date())).suspended).toBe(0);
    await enforceAgreementDeadlines(t.database.db, new Date(Date.now() + 2 * 24 * 3600_000));
    const [row] = await t.database.db.select().from(enrollments).where(eq(enrollments.id, en.id));
    expect(row).toMatchObject({
      status: 'suspended',
      statusReason: 'A required agreement was not accepted by its deadline',
    });
  });

  it('demotes only after the grace period, from the scheduled evaluation', async () => {
    const { program, tiers: tt } = await createProgramRecord(t.database.db, {
      tiers,
      demotionGraceDays: 30,
    });
    const org = await createPartnerOrganization(t.database.db, { name: 'Slipping Partner' });
    const en = await createEnrollmentRecord(t.database.db, {
      organizationId: org.id,
      programId: program.id,
      tierId: tt[1]!.id,
    });
    const now = new Date();
    await evaluateAllEnrollments(t.database.db, now);
    let [row] = await t.database.db.select().from(enrollments).where(eq(enrollments.id, en.id));
    expect(row!.tierId).toBe(tt[1]!.id);
    expect(row!.demotionPendingSince).not.toBeNull();
    const version = row!.version;
    // A rerun that changes nothing refreshes the evaluation without a new version (no 409 for someone mid-edit).
    await evaluateAllEnrollments(t.database.db, new Date(now.getTime() + 3600_000));
    [row] = await t.database.db.select().from(enrollments).where(eq(enrollments.id, en.id));
    expect(row!.version).toBe(version);
    await evaluateAllEnrollments(t.database.db, new Date(now.getTime() + 31 * 24 * 3600_000));
    [row] = await t.database.db.select().from(enrollments).where(eq(enrollments.id, en.id));
    expect(row!.tierId).toBe(tt[0]!.id);
    expect((row!.lastEvaluation as { change: { kind: string } }).change.kind).toBe('demotion');
  });
});

describe('applications', () => {
  it('flags duplicates by domain and by a similar name', async () => {
    const { program } = await createProgramRecord(t.database.db);
    const submit = (companyName: string, website: string, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        remoteAddress: ip,
        payload: {
          companyName,
          website,
          country: 'FR',
          partnerTypes: ['isv'],
          programIds: [program.id],
          contactName: 'C',
          contactEmail: 'c@x.example',
        },
      });
    const byDomain = await submit(
      'Completely Different SAS',
      `https://www.${e.partnerB.domain}`,
      '198.18.1.1',
    );
    const byName = await submit(`${e.partnerB.name} Inc.`, 'https://other-domain.example', '198.18.1.2');
    const list = (await as(t.app, admin).get('/api/v1/applications?status=submitted&limit=200')).json().items;
    const d1 = list.find((a: { id: string }) => a.id === byDomain.json().id).duplicates;
    expect(d1).toContainEqual({
      kind: 'organization',
      id: e.partnerB.id,
      name: e.partnerB.name,
      reason: `Same domain ${e.partnerB.domain}`,
    });
    const d2 = list.find((a: { id: string }) => a.id === byName.json().id).duplicates;
    expect(
      d2.some((d: { id: string; reason: string }) => d.id === e.partnerB.id && /Similar name/.test(d.reason)),
    ).toBe(true);
  });

  it("links an application to an existing partner only within the reviewer's scope, and never makes the applicant its admin", async () => {
    const { program } = await createProgramRecord(t.database.db, { eligibleTypes: ['reseller', 'isv'] });
    const { createApplicationRecord } = await import('../src/seed/factories');
    const lookalike = await createApplicationRecord(t.database.db, {
      programIds: [program.id],
      companyName: `${e.partnerB.name} Inc.`,
      contactEmail: 'attacker@evil.example',
    });
    const byCm = await as(t.app, cm).post(`/api/v1/applications/${lookalike.id}/approve`, {
      version: 1,
      organizationId: e.partnerB.id,
    });
    expect(byCm.statusCode).toBe(403);
    const before = t.mailer.sent.length;
    const byAdmin = await as(t.app, admin).post(`/api/v1/applications/${lookalike.id}/approve`, {
      version: 1,
      organizationId: e.partnerB.id,
    });
    expect(byAdmin.statusCode).toBe(200);
    const mail = t.mailer.sent.slice(before).find((m) => m.to === 'attacker@evil.example')!;
    expect(mail.text).not.toMatch(/\/invitations\//);
    const invites = (await as(t.app, admin).get(`/api/v1/invitations?organizationId=${e.partnerB.id}`)).json()
      .items;
    expect(invites.map((i: { email: string }) => i.email)).not.toContain('attacker@evil.example');
  });

  it('lets one of two simultaneous reviewers win; the other gets 409', async () => {
    const { program } = await createProgramRecord(t.database.db);
    const { createApplicationRecord } = await import('../src/seed/factories');
    const a = await createApplicationRecord(t.database.db, { programIds: [program.id] });
    const [r1, r2] = await Promise.all([
      as(t.app, admin).post(`/api/v1/applications/${a.id}/approve`, { version: 1 }),
      as(t.app, cm).post(`/api/v1/applications/${a.id}/reject`, { version: 1, reason: 'no' }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
  });

  it('refuses bad programs and limits submissions per address', async () => {
    const { program } = await createProgramRecord(t.database.db);
    const { program: draft } = await createProgramRecord(t.database.db, { status: 'draft' });
    const body = (programIds: string[]) => ({
      companyName: 'Spammy Co',
      website: 'https://spam.example',
      country: 'US',
      partnerTypes: ['reseller'],
      programIds,
      contactName: 'S',
      contactEmail: 's@spam.example',
    });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      remoteAddress: '198.18.2.1',
      payload: body([draft.id]),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.programIds');
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/applications',
            remoteAddress: '198.18.2.9',
            payload: body([program.id]),
          })
        ).statusCode,
      ).toBe(201);
    }
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/applications',
          remoteAddress: '198.18.2.9',
          payload: body([program.id]),
        })
      ).statusCode,
    ).toBe(429);
  });

  it("shows a partner only its own organization's agreement acceptances", async () => {
    const { agreement, version } = await createAgreementRecord(t.database.db, { type: 'nda' });
    await as(t.app, aAdmin).post(`/api/v1/agreements/${agreement.id}/accept`, { versionId: version.id });
    await as(t.app, bAdmin).post(`/api/v1/agreements/${agreement.id}/accept`, { versionId: version.id });
    const mine = (await as(t.app, aAdmin).get(`/api/v1/agreements/${agreement.id}/acceptances`)).json().items;
    expect(mine.map((x: { organization: { id: string } }) => x.organization.id)).toEqual([e.partnerA.id]);
    expect(
      (await as(t.app, admin).get(`/api/v1/agreements/${agreement.id}/acceptances`)).json().items,
    ).toHaveLength(2);
  });
});
