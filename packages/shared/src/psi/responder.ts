import { levelRank, type Round2, type SharingLevel } from '../contracts/mapping';
import { evaluatePoints, tagOwnAccounts, type PsiAccount } from './protocol';
import { toBase64Url } from './psi';

// The responder's side of round 2: the vendor's server for its populations, or the other partner's browser
// for a partner ↔ partner run. Both run this function.

export interface ResponderPopulation {
  populationId: string;
  level: SharingLevel;
  sharedFields: readonly string[];
  accounts: readonly PsiAccount[];
  /** The responder's scalar b for this population. */
  b: bigint;
}

/** The initiator's sets, already validated (decodePoints). */
export interface InitiatorSet {
  populationId: string;
  points: Uint8Array;
}

/**
 * Each population shared at counts or more answers every initiator set with b·(a·H(d)) — shuffled unless
 * its level discloses overlaps — and its own tags, with sealed fields at overlaps (its chosen fields) or
 * full (every field).
 */
export async function answerSets(
  runId: string,
  sets: readonly InitiatorSet[],
  populations: readonly ResponderPopulation[],
): Promise<Round2> {
  const responses: Round2['responses'] = [];
  for (const pop of populations) {
    if (levelRank(pop.level) < levelRank('counts')) continue;
    const ordered = levelRank(pop.level) >= levelRank('overlaps');
    const shareFields = !ordered
      ? null
      : pop.level === 'full'
        ? [...new Set(pop.accounts.flatMap((a) => Object.keys(a.fields)))]
        : pop.sharedFields;
    const own = await tagOwnAccounts(pop.accounts, pop.b, runId, shareFields);
    responses.push({
      populationId: pop.populationId,
      level: pop.level,
      ordered,
      tags: toBase64Url(own.tags),
      owners: own.owners,
      sealed: own.sealed,
      evaluated: sets.map((s) => ({
        populationId: s.populationId,
        points: toBase64Url(evaluatePoints(s.points, pop.b, ordered)),
      })),
    });
  }
  return { runId, round: 2, responses };
}
