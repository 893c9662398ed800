import type { Round2 } from '@partnergraph/shared/contracts/mapping';
import {
  prepareRound1,
  runAsInitiator,
  type InitiatorPopulation,
  type Transport,
} from '@partnergraph/shared/psi/initiator';
import type { PsiAccount } from '@partnergraph/shared/psi/protocol';
import { accountKeys } from '@partnergraph/shared/psi/domains';
import { decodePoints, randomScalar } from '@partnergraph/shared/psi/psi';
import { answerSets } from '@partnergraph/shared/psi/responder';
import { as, type Session, type TestApp } from './app';

// The partner's browser in tests: the shared initiator driven through app.inject.

export function injectTransport(t: TestApp, session: Session, partnershipId: string): Transport {
  const api = as(t.app, session);
  const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, what: string): T => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  return {
    start: async () => ok(await api.post('/api/v1/mapping/runs', { partnershipId }), 'start'),
    sendPoints: async (runId, message) =>
      ok<Round2>(await api.post(`/api/v1/mapping/runs/${runId}/points`, message), 'round 1'),
    sendResults: async (runId, message) =>
      ok(await api.post(`/api/v1/mapping/runs/${runId}/results`, message), 'round 3'),
  };
}

export const partnerAccount = (
  name: string,
  domains: string[],
  fields: Record<string, string> = {},
): PsiAccount => ({
  keys: accountKeys(domains),
  fields: { name, ...fields },
});

/** Runs a mapping as the partner's browser would, reading the partnership's current levels first. */
export async function mapAsPartner(
  t: TestApp,
  session: Session,
  partnershipId: string,
  accountsByPopulation: Record<string, PsiAccount[]>,
) {
  const p = (await as(t.app, session).get(`/api/v1/mapping/partnerships/${partnershipId}`)).json() as {
    mine: { populationId: string; level: InitiatorPopulation['level']; sharedFields: string[] }[];
  };
  const pops: InitiatorPopulation[] = p.mine
    .filter((m) => accountsByPopulation[m.populationId])
    .map((m) => ({ ...m, accounts: accountsByPopulation[m.populationId]! }));
  return runAsInitiator(injectTransport(t, session, partnershipId), pops);
}

/** The responding partner's browser: reads round 1 from the mailbox, answers with its own accounts. */
export async function answerAsPartner(
  t: TestApp,
  session: Session,
  runId: string,
  partnershipId: string,
  accountsByPopulation: Record<string, PsiAccount[]>,
  /** With a scalar: also sends its own populations blinded under it, for the reverse direction. */
  back?: bigint,
) {
  const api = as(t.app, session);
  const request = (await api.get(`/api/v1/mapping/runs/${runId}/request`)).json() as {
    runId: string;
    sets: { populationId: string; points: string }[];
  };
  const p = (await api.get(`/api/v1/mapping/partnerships/${partnershipId}`)).json() as {
    mine: { populationId: string; level: InitiatorPopulation['level']; sharedFields: string[] }[];
  };
  const sets = request.sets.map((s) => {
    const decoded = decodePoints(s.points);
    if (!decoded.ok) throw new Error(decoded.message);
    return { populationId: s.populationId, points: decoded.bytes };
  });
  const mine = p.mine
    .filter((m) => accountsByPopulation[m.populationId])
    .map((m) => ({ ...m, accounts: accountsByPopulation[m.populationId]! }));
  const answer = await answerSets(
    request.runId,
    sets,
    mine.map((m) => ({ ...m, b: randomScalar() })),
  );
  const reverse = back === undefined ? undefined : prepareRound1(mine, back, request.runId).message.sets;
  return api.post(`/api/v1/mapping/runs/${runId}/answer`, { ...answer, reverse });
}

/** The initiating partner's browser answers the other partner's reverse sets with its own populations. */
export async function answerReverse(
  runId: string,
  answer: Round2,
  populations: readonly InitiatorPopulation[],
): Promise<Round2['responses']> {
  const sets = (answer.reverse ?? []).map((s) => {
    const decoded = decodePoints(s.points);
    if (!decoded.ok) throw new Error(decoded.message);
    return { populationId: s.populationId, points: decoded.bytes };
  });
  const reply = await answerSets(
    runId,
    sets,
    populations.map((p) => ({ ...p, b: randomScalar() })),
  );
  return reply.responses;
}
