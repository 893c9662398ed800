import {
  blindKeys,
  deriveTagsAndKeys,
  multiplyPoints,
  openFields,
  permutePoints,
  randomPermutation,
  sealFields,
  TAG_BYTES,
  toHex,
  unblindPoints,
} from './psi';

// The three steps of a mapping run, shared by the browser (initiator, and a responding partner) and the
// server (responding for the vendor). Messages carry points as packed bytes here; the contracts encode them.

/** An account as one side holds it: its matching keys (registrable domains) and the fields it may share. */
export interface PsiAccount {
  keys: string[];
  fields: Record<string, string>;
}

/** Step 1 (initiator): a·H(k) for every key of every account, and which account each point belongs to. */
export function blindAccounts(accounts: readonly PsiAccount[], a: bigint) {
  const keys: string[] = [];
  const owners: number[] = [];
  accounts.forEach((acc, i) => {
    for (const k of acc.keys) {
      keys.push(k);
      owners.push(i);
    }
  });
  return { points: blindKeys(keys, a), owners };
}

export interface ResponderSet {
  /** Tags of b·H(v), one per key, in the responder's account order. */
  tags: Uint8Array;
  /** The responder account (index in its population) of each tag. */
  owners: number[];
  /** With "overlaps" or "full": each key's account fields, sealed under a key only a holder of v can derive. */
  sealed: string[] | null;
}

/** Step 2a (responder): its own population under b, as tags (and sealed fields when its level shares them). */
export async function tagOwnAccounts(
  accounts: readonly PsiAccount[],
  b: bigint,
  runId: string,
  shareFields: readonly string[] | null,
): Promise<ResponderSet> {
  const { points, owners } = blindAccounts(accounts, b);
  const { tags, keys } = await deriveTagsAndKeys(points, runId);
  let sealed: string[] | null = null;
  if (shareFields) {
    sealed = [];
    for (let j = 0; j < owners.length; j++) {
      const fields = accounts[owners[j]!]!.fields;
      const shown = Object.fromEntries(shareFields.filter((f) => f in fields).map((f) => [f, fields[f]!]));
      sealed.push(await sealFields(keys[j]!, shown));
    }
  }
  return { tags, owners, sealed };
}

/**
 * Step 2b (responder): b·(a·H(d)) for the initiator's points. Shuffled unless the responder's level lets
 * the initiator learn which of its accounts matched: then only the number of matches can be learned.
 */
export function evaluatePoints(initiatorPoints: Uint8Array, b: bigint, ordered: boolean): Uint8Array {
  const evaluated = multiplyPoints(initiatorPoints, b);
  return ordered ? evaluated : permutePoints(evaluated, randomPermutation(evaluated.length / 32));
}

export interface Intersection {
  /** Distinct responder accounts matched: the overlap count both sides see. */
  count: number;
  /** The responder accounts matched (indices into its population), ascending. */
  responderAccounts: number[];
  /** When the answer was in order: each matched initiator account with its responder account and their shared fields. */
  pairs:
    { initiatorAccount: number; responderAccount: number; fields: Record<string, string> | null }[] | null;
}

/** Step 3 (initiator): remove a, derive the tags, intersect; open the fields of what matched. */
export async function intersect(input: {
  evaluated: Uint8Array;
  ordered: boolean;
  initiatorOwners: readonly number[];
  responder: ResponderSet;
  a: bigint;
  runId: string;
}): Promise<Intersection> {
  const { tags, keys } = await deriveTagsAndKeys(unblindPoints(input.evaluated, input.a), input.runId);
  const responderByTag = new Map<string, number>();
  for (let j = 0; j < input.responder.owners.length; j++)
    responderByTag.set(toHex(input.responder.tags.subarray(j * TAG_BYTES, (j + 1) * TAG_BYTES)), j);
  const matched = new Set<number>();
  const pairs: NonNullable<Intersection['pairs']> = [];
  const seenPair = new Set<string>();
  for (let i = 0; i < keys.length; i++) {
    const j = responderByTag.get(toHex(tags.subarray(i * TAG_BYTES, (i + 1) * TAG_BYTES)));
    if (j === undefined) continue;
    const responderAccount = input.responder.owners[j]!;
    matched.add(responderAccount);
    if (!input.ordered) continue;
    const initiatorAccount = input.initiatorOwners[i]!;
    const pairKey = `${initiatorAccount}:${responderAccount}`;
    if (seenPair.has(pairKey)) continue;
    seenPair.add(pairKey);
    const sealed = input.responder.sealed?.[j];
    pairs.push({
      initiatorAccount,
      responderAccount,
      fields: sealed ? await openFields(keys[i]!, sealed) : null,
    });
  }
  const responderAccounts = [...matched].sort((x, y) => x - y);
  return { count: responderAccounts.length, responderAccounts, pairs: input.ordered ? pairs : null };
}

/** Overlap counts under the minimum are shown as "fewer than N", never as the number. */
export const MIN_SHOWN_COUNT = 3;
export const shownCount = (n: number) => (n < MIN_SHOWN_COUNT ? `fewer than ${MIN_SHOWN_COUNT}` : String(n));
