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
  /** Partner ↔ partner: my answer to the other partner's own sets, so that it learns what my levels grant. */
  reverse?: Round2['responses'];
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

/** The populations a run maps: shared at counts or more, with accounts. Checked before a run is started. */
export function mappable(populations: readonly InitiatorPopulation[]) {
  const mapped = populations.filter(
    (p) => levelRank(p.level) >= levelRank('counts') && p.accounts.length > 0,
  );
  if (mapped.length === 0)
    throw new ProtocolError('No population to map: add accounts and share at least counts');
  return mapped;
}

/** Round 1: the populations to map, blinded under a. */
export function prepareRound1(populations: readonly InitiatorPopulation[], a: bigint, runId: string) {
  const mapped = mappable(populations);
  const blinded = mapped.map((p) => ({ pop: p, ...blindAccounts(p.accounts, a) }));
  const message: Round1Message = {
    runId,
    round: 1,
    sets: blinded.map((b) => ({ populationId: b.pop.populationId, points: toBase64Url(b.points) })),
  };
  return { blinded, message };
}

/**
 * Round 3 from the answer: intersect every pair, and build the message posted back — counts, and matches
 * only for populations whose level discloses them. `populations` must hold the same accounts as in round 1
 * (a changed list is caught by the point count).
 */
export async function finishFromAnswer(
  populations: readonly InitiatorPopulation[],
  a: bigint,
  runId: string,
  answer: Round2,
  opts: { discloseMatches?: boolean } = {},
) {
  if (answer.runId !== runId || answer.round !== 2)
    throw new ProtocolError('The answer belongs to another run');
  const blinded = populations.map((p) => ({ pop: p, owners: blindOwners(p.accounts) }));
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
          `The answer’s points are malformed (${decoded.ok ? 'wrong count: did the accounts change?' : decoded.message})`,
        );
      const r = await intersect({
        evaluated: decoded.bytes,
        ordered: response.ordered,
        initiatorOwners: b.owners,
        responder: { tags, owners: response.owners, sealed: response.sealed },
        a,
        runId,
      });
      const disclose = (opts.discloseMatches ?? true) && levelRank(b.pop.level) >= levelRank('overlaps');
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
  const message: Round3Message = { runId, round: 3, results };
  return { outcomes, message };
}

/** Which account each point of round 1 belongs to (the same order blindAccounts uses). */
function blindOwners(accounts: readonly PsiAccount[]) {
  return accounts.flatMap((acc, i) => acc.keys.map(() => i));
}

/** A whole run against a responder that answers at once (the vendor's server). */
export async function runAsInitiator(
  transport: Transport,
  populations: readonly InitiatorPopulation[],
): Promise<{ runId: string; outcomes: PairOutcome[] }> {
  mappable(populations);
  const run = await transport.start();
  const a = randomScalar();
  const { blinded, message } = prepareRound1(populations, a, run.id);
  const answer = await transport.sendPoints(run.id, message);
  const finished = await finishFromAnswer(
    blinded.map((b) => b.pop),
    a,
    run.id,
    answer,
  );
  await transport.sendResults(run.id, finished.message);
  return { runId: run.id, outcomes: finished.outcomes };
}
