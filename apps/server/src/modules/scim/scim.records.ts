// A SCIM token row written as it is (no rules, no audit), for the tests and the route examples that
// need an identity provider already set up.
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { hashToken, randomToken } from '../../lib/tokens';
import { SCIM_TOKEN_PREFIX } from './scim-tokens.service';
import { insertScimToken } from './scim-tokens.repository';
import { insertGroup } from './scim.repository';

export async function insertScimTokenRecord(q: Queryable, input: { organizationId: string; name?: string }) {
  const token = randomToken(SCIM_TOKEN_PREFIX);
  const row = await insertScimToken(q, {
    id: newId(),
    organizationId: input.organizationId,
    name: input.name ?? 'Identity provider',
    tokenHash: hashToken(token),
    prefix: token.slice(0, SCIM_TOKEN_PREFIX.length + 6),
    createdByUserId: null,
  });
  return { row, token };
}

/** A group the identity provider pushed, as it is stored. */
export async function insertScimGroupRecord(
  q: Queryable,
  input: { organizationId: string; displayName?: string },
) {
  return insertGroup(q, {
    id: newId(),
    organizationId: input.organizationId,
    displayName: input.displayName ?? `Group ${newId().slice(-8)}`,
    externalId: null,
  });
}
