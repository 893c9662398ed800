import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  finishFromAnswer,
  prepareRound1,
  type InitiatorPopulation,
} from '@partnergraph/shared/psi/initiator';
import { randomScalar } from '@partnergraph/shared/psi/psi';
import type { Round2 } from '@partnergraph/shared/contracts/mapping';
import { createProfileRecord } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { answerAsPartner, answerReverse, partnerAccount } from './mapping-helpers';

// Two partners map with each other: both opt in, each browser holds its accounts, the server only carries
// the two rounds between them.
let t: TestApp;
let e: Ecosystem;
let alpha: Session;
let beta: Session;
let partnershipId: string;
let alphaPop: string;
let betaPop: string;

const alphaAccounts = [
  partnerAccount('Acme', ['acme.com']),
  partnerAccount('Globex', ['globex.de']),
  partnerAccount('Initech', ['initech.com']),
  partnerAccount('Soylent', ['soylent.com']),
];
const betaAccounts = [
  partnerAccount('Acme Inc', ['www.acme.com'], { owner: 'Bea' }),
  partnerAccount('Globex', ['globex.de'], { owner: 'Bob' }),
  partnerAccount('Initech', ['initech.com'], { owner: 'Ben' }),
  partnerAccount('Hooli', ['hooli.com']),
];

async function population(s: Session, name: string, count: number) {
  const res = await as(t.app, s).post('/api/v1/mapping/populations', {
    name,
    kind: 'customers',
    source: 'browser',
    defaultLevel: 'counts',
  });
  await as(t.app, s).patch(`/api/v1/mapping/populations/${res.json().id}`, {
    accountCount: count,
    version: 1,
  });
  return res.json().id as string;
}

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  await createProfileRecord(t.database.db, e.partnerA.id);
  await createProfileRecord(t.database.db, e.partnerB.id);
  alpha = await signIn(t.app, e.aAdmin.email, PASSWORD);
  beta = await signIn(t.app, e.bAdmin.email, PASSWORD);
  alphaPop = await population(alpha, 'Alpha customers', alphaAccounts.length);
  betaPop = await population(beta, 'Beta customers', betaAccounts.length);
});
afterAll(() => t?.close());

describe('partner ↔ partner', () => {
  it('needs both partners to opt in', async () => {
    const asked = await as(t.app, alpha).post('/api/v1/mapping/partnerships', {
      counterpartOrganizationId: e.partnerB.id,
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({
      kind: 'partner_partner',
      status: 'pending',
      optedIn: true,
      counterpartOptedIn: false,
    });
    partnershipId = asked.json().id;
    const early = await as(t.app, alpha).post('/api/v1/mapping/runs', { partnershipId });
    expect(early.statusCode).toBe(422);
    const accepted = await as(t.app, beta).post('/api/v1/mapping/partnerships', {
      counterpartOrganizationId: e.partnerA.id,
    });
    expect(accepted.json()).toMatchObject({ id: partnershipId, status: 'active' });
  });

  it('maps through the mailbox: both see the same counts, and the answering side its level', async () => {
    // Beta shows its overlaps (with its owner field) to Alpha; Alpha shares counts only.
    await as(t.app, beta).put(`/api/v1/mapping/partnerships/${partnershipId}/levels/${betaPop}`, {
      level: 'overlaps',
      sharedFields: ['name', 'owner'],
    });
    const run = (await as(t.app, alpha).post('/api/v1/mapping/runs', { partnershipId })).json();
    const a = randomScalar();
    const pops: InitiatorPopulation[] = [
      { populationId: alphaPop, level: 'counts', sharedFields: ['name'], accounts: alphaAccounts },
    ];
    const { message } = prepareRound1(pops, a, run.id);
    const sent = await as(t.app, alpha).post(`/api/v1/mapping/runs/${run.id}/points`, message);
    expect(sent.json()).toMatchObject({ pending: true, responses: [] });
    expect((await as(t.app, alpha).get(`/api/v1/mapping/runs/${run.id}/answer`)).statusCode).toBe(409);
    // Only the other partner reads the request.
    expect((await as(t.app, alpha).get(`/api/v1/mapping/runs/${run.id}/request`)).statusCode).toBe(403);

    const answered = await answerAsPartner(t, beta, run.id, partnershipId, { [betaPop]: betaAccounts });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().status).toBe('answered');

    const answer = (await as(t.app, alpha).get(`/api/v1/mapping/runs/${run.id}/answer`)).json() as Round2;
    const { outcomes, message: round3 } = await finishFromAnswer(pops, a, run.id, answer);
    expect(outcomes[0]!.count).toBe(3);
    expect(outcomes[0]!.matches!.map((m) => [m.account.fields.name, m.theirFields]).sort()).toEqual([
      ['Acme', { name: 'Acme Inc', owner: 'Bea' }],
      ['Globex', { name: 'Globex', owner: 'Bob' }],
      ['Initech', { name: 'Initech', owner: 'Ben' }],
    ]);
    const finished = await as(t.app, alpha).post(`/api/v1/mapping/runs/${run.id}/results`, round3);
    expect(finished.statusCode, finished.body).toBe(200);
    for (const s of [alpha, beta]) {
      const matrix = (await as(t.app, s).get(`/api/v1/mapping/partnerships/${partnershipId}/matrix`)).json();
      expect(matrix.cells).toEqual([expect.objectContaining({ count: 3, shown: '3' })]);
    }
    // The vendor is no party to it.
    const vendor = await signIn(t.app, e.admin.email, PASSWORD);
    expect(
      (await as(t.app, vendor).get(`/api/v1/mapping/partnerships/${partnershipId}/matrix`)).statusCode,
    ).toBe(404);
  });

  it('lets both partners learn what the other’s levels grant: each its overlaps, the same count', async () => {
    // Alpha now shows its overlaps with names; Beta still shows overlaps with name and owner.
    const raised = await as(t.app, alpha).put(
      `/api/v1/mapping/partnerships/${partnershipId}/levels/${alphaPop}`,
      { level: 'overlaps', sharedFields: ['name'] },
    );
    expect(raised.statusCode, raised.body).toBe(200);
    const run = (await as(t.app, alpha).post('/api/v1/mapping/runs', { partnershipId })).json();
    const a = randomScalar();
    const alphaPops: InitiatorPopulation[] = [
      { populationId: alphaPop, level: 'overlaps', sharedFields: ['name'], accounts: alphaAccounts },
    ];
    await as(t.app, alpha).post(
      `/api/v1/mapping/runs/${run.id}/points`,
      prepareRound1(alphaPops, a, run.id).message,
    );
    const back = randomScalar();
    const answered = await answerAsPartner(t, beta, run.id, partnershipId, { [betaPop]: betaAccounts }, back);
    expect(answered.statusCode, answered.body).toBe(200);

    const answer = (await as(t.app, alpha).get(`/api/v1/mapping/runs/${run.id}/answer`)).json() as Round2;
    expect(answer.reverse).toHaveLength(1);
    const alphaSide = await finishFromAnswer(alphaPops, a, run.id, answer, { discloseMatches: false });
    // Beta may not read Alpha's answer before Alpha has finished the run.
    expect((await as(t.app, beta).get(`/api/v1/mapping/runs/${run.id}/reverse`)).statusCode).toBe(409);
    const withoutReverse = await as(t.app, alpha).post(
      `/api/v1/mapping/runs/${run.id}/results`,
      alphaSide.message,
    );
    expect(withoutReverse.statusCode).toBe(400);
    expect(withoutReverse.json().errors[0].path).toBe('body.reverse');
    const reverse = await answerReverse(run.id, answer, alphaPops);
    const finished = await as(t.app, alpha).post(`/api/v1/mapping/runs/${run.id}/results`, {
      ...alphaSide.message,
      reverse,
    });
    expect(finished.statusCode, finished.body).toBe(200);

    // Alpha, in its browser: Beta's accounts it shares, with Beta's name and owner.
    expect(alphaSide.outcomes[0]!.matches!.map((m) => m.theirFields?.owner).sort()).toEqual([
      'Bea',
      'Ben',
      'Bob',
    ]);
    // Beta, in its browser, from the mailbox: its own matched accounts with Alpha's names, and no more.
    const forBeta = (await as(t.app, beta).get(`/api/v1/mapping/runs/${run.id}/reverse`)).json() as Round2;
    expect((await as(t.app, alpha).get(`/api/v1/mapping/runs/${run.id}/reverse`)).statusCode).toBe(403);
    const betaPops: InitiatorPopulation[] = [
      { populationId: betaPop, level: 'overlaps', sharedFields: ['name', 'owner'], accounts: betaAccounts },
    ];
    const betaSide = await finishFromAnswer(betaPops, back, run.id, forBeta, { discloseMatches: false });
    expect(betaSide.outcomes[0]!.count).toBe(alphaSide.outcomes[0]!.count);
    expect(betaSide.outcomes[0]!.matches!.map((m) => [m.account.fields.name, m.theirFields]).sort()).toEqual([
      ['Acme Inc', { name: 'Acme' }],
      ['Globex', { name: 'Globex' }],
      ['Initech', { name: 'Initech' }],
    ]);
    // The server holds only what it carried: no domain of either side's unmatched accounts.
    const stored = JSON.stringify(forBeta) + JSON.stringify(answer);
    for (const d of ['soylent', 'hooli', 'Soylent', 'Hooli']) expect(stored).not.toContain(d);
  });

  it('refuses an answer that does not match round 1, naming the field', async () => {
    const run = (await as(t.app, alpha).post('/api/v1/mapping/runs', { partnershipId })).json();
    const a = randomScalar();
    const { message } = prepareRound1(
      [{ populationId: alphaPop, level: 'counts', sharedFields: [], accounts: alphaAccounts }],
      a,
      run.id,
    );
    await as(t.app, alpha).post(`/api/v1/mapping/runs/${run.id}/points`, message);
    const res = await as(t.app, beta).post(`/api/v1/mapping/runs/${run.id}/answer`, {
      runId: run.id,
      round: 2,
      responses: [
        {
          populationId: betaPop,
          level: 'overlaps',
          ordered: false,
          tags: '',
          owners: [],
          sealed: null,
          evaluated: [{ populationId: alphaPop, points: message.sets[0]!.points.slice(0, 43) }],
        },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'body.responses.0.ordered', message: 'In order exactly when the level discloses overlaps' },
      { path: 'body.responses.0.evaluated.0.points', message: 'The request sent 4 points, not 1' },
    ]);
  });
});
