// The stored row of a user, written as it is: no rules, no audit. The CLI's
// first admin, the demo seed and the tests write it (the last two through
// seed/factories.ts, which makes up what they leave out).
import type { Role } from '@partnergraph/shared/permissions';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { users } from './identity.tables';

export interface UserRecordInput {
  organizationId: string;
  role: Role;
  email: string;
  name: string;
  /** Null for a person who signs in only through SSO (created just in time). */
  passwordHash: string | null;
  status?: 'active' | 'deactivated';
}

export async function insertUserRecord(q: Queryable, input: UserRecordInput) {
  const [user] = await q
    .insert(users)
    .values({
      id: newId(),
      organizationId: input.organizationId,
      role: input.role,
      email: input.email,
      name: input.name,
      passwordHash: input.passwordHash,
      status: input.status ?? 'active',
    })
    .returning();
  return user!;
}
