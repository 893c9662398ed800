// Organizations, people, invitations and API tokens.
import { sql } from 'drizzle-orm';
import type { Role } from '@partnergraph/shared/permissions';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { hashPassword } from '../../lib/passwords';
import { apiTokens, invitations } from '../../modules/identity/identity.tables';
import { insertUserRecord } from '../../modules/identity/identity.records';
import { hashToken, randomToken } from '../../lib/tokens';
import {
  insertPartnerOrganization,
  insertVendorOrganization,
} from '../../modules/organizations/organizations.records';
import { unique } from './names';

export const DEMO_PASSWORD = 'partnergraph-demo';

// Argon2id is slow by design: hash the shared demo/test password once per process.
let demoHash: Promise<string> | undefined;
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

export interface PartnerInput {
  name?: string;
  website?: string | null;
  country?: string | null;
  status?: 'applicant' | 'active' | 'suspended' | 'terminated';
  types?: string[];
  primaryType?: string;
  description?: string;
  channelManagerId?: string | null;
  createdAt?: Date;
}

export async function createVendorOrganization(q: Queryable, name: string) {
  return insertVendorOrganization(q, name);
}

/** A partner with made-up name and website unless given (the site follows the name). */
export async function createPartnerOrganization(q: Queryable, input: PartnerInput = {}) {
  const name = input.name ?? `Partner ${unique()}`;
  const website =
    input.website === undefined
      ? `https://${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`
      : input.website;
  return insertPartnerOrganization(q, { ...input, name, website });
}

/** People of a seeded organization joined when it did (a day later): the seed writes them after the fact. */
export async function backdateMembers(q: Queryable) {
  await q.execute(sql`update users u set created_at = o.created_at + interval '1 day',
      updated_at = o.created_at + interval '1 day'
    from organizations o where o.id = u.organization_id and u.created_at > o.created_at + interval '1 day'`);
}

export interface UserInput {
  organizationId: string;
  role: Role;
  email?: string;
  name?: string;
  /** Defaults to the demo password's hash. */
  passwordHash?: string;
  status?: 'active' | 'deactivated';
}

export async function createUser(q: Queryable, input: UserInput) {
  return insertUserRecord(q, {
    ...input,
    email: input.email ?? `user-${unique()}@test.example`,
    name: input.name ?? 'Test User',
    passwordHash: input.passwordHash ?? (await demoPasswordHash()),
  });
}

export async function createInvitationRecord(
  q: Queryable,
  input: {
    organizationId: string;
    role?: Role;
    email?: string;
    invitedByUserId?: string | null;
    expiresAt?: Date;
  },
) {
  const token = randomToken();
  const [invitation] = await q
    .insert(invitations)
    .values({
      id: newId(),
      organizationId: input.organizationId,
      email: input.email ?? `invitee-${unique()}@test.example`,
      role: input.role ?? 'partner_user',
      tokenHash: hashToken(token),
      invitedByUserId: input.invitedByUserId ?? null,
      expiresAt: input.expiresAt ?? new Date(Date.now() + 7 * 24 * 3600_000),
    })
    .returning();
  return { invitation: invitation!, token };
}

export async function createApiTokenRecord(
  q: Queryable,
  input: { userId: string; scope?: 'read' | 'read_write'; name?: string; expiresAt?: Date },
) {
  const token = randomToken('pgt_');
  const [row] = await q
    .insert(apiTokens)
    .values({
      id: newId(),
      userId: input.userId,
      name: input.name ?? 'test token',
      scope: input.scope ?? 'read_write',
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      expiresAt: input.expiresAt ?? new Date(Date.now() + 30 * 24 * 3600_000),
    })
    .returning();
  return { row: row!, token };
}
