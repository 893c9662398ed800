import type { z } from 'zod';
import { levelRank, type round2Body } from '@partnergraph/shared/contracts/mapping';
import { fromBase64Url, MAX_SET_POINTS, TAG_BYTES } from '@partnergraph/shared/psi/psi';
import type { FieldError } from '../../lib/errors';
import type { partnershipSides } from './partnerships.service';
import { psiPool } from './psi-worker/psi-pool';

// The checks a partner's browser-computed messages pass before the mailbox carries them: what each side
// posts must answer exactly what it was sent, with its own populations at their levels.

/** Points in a base64url field, estimated from its length alone (no decoding). */
export const estimatedPoints = (text: string) => Math.floor((text.length * 3) / 4 / 32);

type AnswerBody = z.output<typeof round2Body>['responses'][number];
type SetBody = { populationId: string; points: string };
type Sides = Awaited<ReturnType<typeof partnershipSides>>;

/**
 * A partner's answer to the other's blinded sets (round 2, or the reverse answer in round 3). Each answering
 * population must be the answerer's own, shared at counts or more, in order exactly when its level
 * discloses overlaps; every evaluated set answers one request set point for point; tags are whole 16-byte
 * tags, one per owner. Points are validated on the pool's threads, like the vendor's answers.
 */
export async function checkAnswers(
  responses: readonly AnswerBody[],
  request: readonly SetBody[],
  mine: Sides['mine'],
  prefix: string,
): Promise<FieldError[]> {
  const counts = new Map(request.map((s) => [s.populationId, estimatedPoints(s.points)]));
  const decodedAll = await psiPool().decode(
    responses.flatMap((r) => r.evaluated.map((e) => e.points)),
    MAX_SET_POINTS,
  );
  let next = 0;
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  responses.forEach((r, i) => {
    const first = next;
    next += r.evaluated.length;
    const at = `${prefix}.${i}`;
    const own = mine.find((m) => m.pop.id === r.populationId);
    if (!own || seen.has(r.populationId) || levelRank(own.level) < levelRank('counts')) {
      errors.push({
        path: `${at}.populationId`,
        message: 'Not one of your populations shared with this partner',
      });
      return;
    }
    seen.add(r.populationId);
    if (r.level !== own.level)
      errors.push({ path: `${at}.level`, message: `Your level here is "${own.level}"` });
    if (r.ordered !== levelRank(own.level) >= levelRank('overlaps'))
      errors.push({ path: `${at}.ordered`, message: 'In order exactly when the level discloses overlaps' });
    const tags = fromBase64Url(r.tags);
    if (!tags || tags.length !== r.owners.length * TAG_BYTES)
      errors.push({ path: `${at}.tags`, message: 'One 16-byte tag per owner' });
    if (r.sealed && r.sealed.length !== r.owners.length)
      errors.push({ path: `${at}.sealed`, message: 'One sealed record per owner' });
    if (r.evaluated.length !== request.length)
      errors.push({ path: `${at}.evaluated`, message: 'Answer every set of the request' });
    r.evaluated.forEach((e, j) => {
      const want = counts.get(e.populationId);
      const decoded = decodedAll[first + j]!;
      if (want === undefined)
        errors.push({ path: `${at}.evaluated.${j}.populationId`, message: 'Not a set of the request' });
      else if (!decoded.ok) errors.push({ path: `${at}.evaluated.${j}.points`, message: decoded.message });
      else if (decoded.count !== want)
        errors.push({
          path: `${at}.evaluated.${j}.points`,
          message: `The request sent ${want} points, not ${decoded.count}`,
        });
    });
  });
  return errors;
}

/**
 * The responding partner's own sets, blinded for the reverse direction: its populations shared at counts
 * or more, each once, valid points within the limit.
 */
export async function checkReverseSets(sets: readonly SetBody[], mine: Sides['mine']): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  sets.forEach((s, i) => {
    const own = mine.find((m) => m.pop.id === s.populationId);
    if (!own || seen.has(s.populationId) || levelRank(own.level) < levelRank('counts'))
      errors.push({
        path: `body.reverse.${i}.populationId`,
        message: 'Not one of your populations shared with this partner, or given twice',
      });
    seen.add(s.populationId);
  });
  const decoded = await psiPool().decode(
    sets.map((s) => s.points),
    MAX_SET_POINTS,
  );
  decoded.forEach((d, i) => {
    if (!d.ok) errors.push({ path: `body.reverse.${i}.points`, message: d.message });
  });
  return errors;
}
