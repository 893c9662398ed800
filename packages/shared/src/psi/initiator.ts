import { accountFields, levelRank, type Round2, type SharingLevel } from '../contracts/mapping';
import { blindAccounts, intersect, type PsiAccount } from './protocol';
import { decodePoints, fromBase64Url, randomScalar, TAG_BYTES, toBase64Url } from './psi';

// The partner's side of a run, as its browser drives it (the web app, the tests and the benchmark call
// this same function with their own transport). The scalar a lives only in this function's memory: a
// fresh one per run, never stored, so nothing the browser keeps can unblind a past run.

export interface InitiatorPopulation {
  populationId: string;
  /** The level this partnership gets for the population: it decides what is posted back. */
  level: SharingLevel;
  sharedFields: readonly string[];
  accounts: readonly PsiAccount[];
}

export interface Round1Message {
  runId: string;
  round: 1;
  sets: { populationId: string; points: string }[];
}
export interface Round3Message {
  runId: string;
  round: 3;
  results: {
    populationId: string;
    againstPopulationId: string;
    count: number;
    matches?: { responderAccount: number; fields: Record<string, string> }[];
  }[];
}

export interface Transport {
  start(): Promise<{ id: string }>;
  sendPoints(runId: string, message: Round1Message): Promise<Round2>;
  sendResults(runId: string, message: Round3Message): Promise<unknown>;
}

export interface PairOutcome {
  populationId: string;
  againstPopulationId: string;
  level: SharingLevel;
  count: number;
  /** When the counterpart's level shows overlaps: my matching accounts with its shared fields. */
  matches: { account: PsiAccount; theirFields: Record<string, string> | null }[] | null;
}

export class ProtocolError extends Error {}

function shownFields(pop: InitiatorPopulation, fields: Record<string, string>) {
  const shared: readonly string[] = pop.level === 'full' ? accountFields : pop.sharedFields;
  return Object.fromEntries(Object.entries(fields).filter(([k]) => shared.includes(k)));
}

export async function runAsInitiator(
  transport: Transport,
  populations: readonly InitiatorPopulation[],
): Promise<{ runId: string; outcomes: PairOutcome[] }> {
  const mapped = populations.filter(
    (p) => levelRank(p.level) >= levelRank('counts') && p.accounts.length > 0,
  );
  if (mapped.length === 0)
    throw new ProtocolError('No population to map: add accounts and share at least counts');
  const run = await transport.start();
  const a = randomScalar();
  const blinded = mapped.map((p) => ({ pop: p, ...blindAccounts(p.accounts, a) }));
  const answer = await transport.sendPoints(run.id, {
    runId: run.id,
    round: 1,
    sets: blinded.map((b) => ({ populationId: b.pop.populationId, points: toBase64Url(b.points) })),
  });
  if (answer.runId !== run.id || answer.round !== 2)
    throw new ProtocolError('The answer belongs to another run');

  const outcomes: PairOutcome[] = [];
  const results: Round3Message['results'] = [];
  for (const response of answer.responses) {
    const tags = fromBase64Url(response.tags);
    if (!tags || tags.length !== response.owners.length * TAG_BYTES)
      throw new ProtocolError('The answer’s tags do not match its accounts');
    for (const b of blinded) {
      const evaluated = response.evaluated.find((x) => x.populationId === b.pop.populationId);
      if (!evaluated) continue;
      const decoded = decodePoints(evaluated.points);
      if (!decoded.ok || decoded.count !== b.owners.length)
        throw new ProtocolError(
          `The answer’s points are malformed (${decoded.ok ? 'wrong count' : decoded.message})`,
        );
      const r = await intersect({
        evaluated: decoded.bytes,
        ordered: response.ordered,
        initiatorOwners: b.owners,
        responder: { tags, owners: response.owners, sealed: response.sealed },
        a,
        runId: run.id,
      });
      const disclose = levelRank(b.pop.level) >= levelRank('overlaps');
      const byResponder = new Map((r.pairs ?? []).map((p) => [p.responderAccount, p]));
      results.push({
        populationId: b.pop.populationId,
        againstPopulationId: response.populationId,
        count: r.count,
        ...(disclose
          ? {
              matches: r.responderAccounts.map((j) => {
                const pair = byResponder.get(j);
                return {
                  responderAccount: j,
                  fields: pair ? shownFields(b.pop, b.pop.accounts[pair.initiatorAccount]!.fields) : {},
                };
              }),
            }
          : {}),
      });
      outcomes.push({
        populationId: b.pop.populationId,
        againstPopulationId: response.populationId,
        level: response.level,
        count: r.count,
        matches: r.pairs
          ? r.pairs.map((p) => ({ account: b.pop.accounts[p.initiatorAccount]!, theirFields: p.fields }))
          : null,
      });
    }
  }
  await transport.sendResults(run.id, { runId: run.id, round: 3, results });
  return { runId: run.id, outcomes };
}
