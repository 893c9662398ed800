import { Resolver } from 'node:dns/promises';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import { isVendor, type Ctx } from '../../lib/actor';
import { conflict, forbidden, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { subjectsOf, takeAttempt, type Limit } from '../../lib/rate-limit';
import { randomToken } from '../../lib/tokens';
import type { RequestInfo } from '../identity/identity.service';
import { findOrganizationsByIds } from '../organizations/organizations.repository';
import {
  deleteDomain,
  findDomainById,
  findDomainClaim,
  findDomains,
  findPolicy,
  insertDomain,
  updateDomain,
  type SsoDomainRow,
} from './sso.repository';
import { connectionForEmail, domainOf } from './sso-signin.service';

const TXT_PREFIX = 'partnergraph-verification=';

export function toDomainDto(d: SsoDomainRow, organizationName: string) {
  return {
    id: d.id,
    organizationId: d.organizationId,
    organizationName,
    domain: d.domain,
    status: d.status,
    verifiedBy: d.verifiedBy,
    verifiedAt: d.verifiedAt?.toISOString() ?? null,
    txtRecordName: d.domain,
    txtRecordValue: `${TXT_PREFIX}${d.verificationToken}`,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
  };
}

async function withNames(db: Db, rows: SsoDomainRow[]) {
  const orgs = await findOrganizationsByIds(db, [...new Set(rows.map((r) => r.organizationId))]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => toDomainDto(r, names.get(r.organizationId) ?? ''));
}

export async function listDomains(db: Db, ctx: Ctx) {
  return { items: await withNames(db, await findDomains(db, ctx.actor)) };
}

/** Claims a domain for the caller's organization; a domain held by anyone (even unproven) answers 409. */
export async function claimDomain(db: Db, ctx: Ctx, domain: string) {
  const created = await runChange(db, ctx, async (tx, record) => {
    if (await findDomainClaim(tx, domain))
      throw conflict(`${domain} is already claimed by an organization`, {
        errors: [{ path: 'body.domain', message: 'is already claimed' }],
      });
    const row = await insertDomain(tx, {
      id: newId(),
      organizationId: ctx.actor.orgId,
      domain,
      verificationToken: randomToken(),
    });
    // Two claims racing: the unique index lets one in; the other is the same conflict.
    if (!row) throw conflict(`${domain} is already claimed by an organization`);
    record.audit({
      action: 'sso.domain_claimed',
      entityType: 'sso_domain',
      entityId: row.id,
      after: { domain },
    });
    return row;
  });
  return (await withNames(db, [created]))[0]!;
}

/** The TXT records of a domain, through DNS_SERVERS when set (a self-hosted install's own resolver). */
async function txtRecordsOf(domain: string, servers: string | undefined): Promise<string[] | string> {
  const resolver = new Resolver({ timeout: 2000, tries: 1 });
  if (servers) resolver.setServers(servers.split(',').map((s) => s.trim()));
  try {
    return (await resolver.resolveTxt(domain)).map((chunks) => chunks.join(''));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENODATA' || code === 'ENOTFOUND'
      ? `${domain} has no TXT records`
      : `DNS lookup of ${domain} failed (${code ?? 'error'})`;
  }
}

/**
 * Proves a claim: by the TXT record on the domain (its organization's admin), or by the vendor admin's word
 * (`byVendor`). A TXT record not (yet) there is an answer, not an error: the domain stays pending and
 * `check` says what DNS returned, so the admin can fix the record and try again.
 */
export async function verifyDomain(
  db: Db,
  ctx: Ctx,
  config: Config,
  id: string,
  input: { version: number; byVendor?: boolean | undefined },
) {
  const found = await findDomainById(db, ctx.actor, id);
  if (!found) throw notFound('domain');
  assertVersion(found, input.version);
  if (found.status === 'verified') throw unprocessable(`${found.domain} is already verified`);
  if (input.byVendor) {
    if (!isVendor(ctx.actor) || ctx.actor.role !== 'admin')
      throw forbidden('Only the vendor admin confirms a domain without DNS');
  } else {
    const records = await txtRecordsOf(found.domain, config.DNS_SERVERS);
    const expected = `${TXT_PREFIX}${found.verificationToken}`;
    const detail =
      typeof records === 'string'
        ? `${records}: publish ${expected} and try again`
        : !records.includes(expected)
          ? `No TXT record on ${found.domain} reads ${expected} (found ${records.length} other TXT records)`
          : null;
    if (detail) return { ...(await withNames(db, [found]))[0]!, check: { ok: false, detail } };
  }
  const verified = await runChange(db, ctx, async (tx, record) => {
    const d = await findDomainById(tx, ctx.actor, id, { forUpdate: true });
    if (!d) throw notFound('domain');
    assertVersion(d, input.version);
    const by = input.byVendor ? ('vendor' as const) : ('dns' as const);
    const next = await updateDomain(tx, d.id, { status: 'verified', verifiedBy: by, verifiedAt: new Date() });
    record.audit({
      action: 'sso.domain_verified',
      entityType: 'sso_domain',
      entityId: d.id,
      after: { domain: d.domain, verifiedBy: by },
    });
    return next;
  });
  const detail = input.byVendor ? 'Confirmed by the vendor admin' : 'The TXT record is published';
  return { ...(await withNames(db, [verified]))[0]!, check: { ok: true, detail } };
}

/** Releases a claim: the domain stops routing to SSO at once and another organization may claim it. */
export async function releaseDomain(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    const d = await findDomainById(tx, ctx.actor, id, { forUpdate: true });
    if (!d) throw notFound('domain');
    await deleteDomain(tx, d.id);
    record.audit({
      action: 'sso.domain_released',
      entityType: 'sso_domain',
      entityId: d.id,
      before: { domain: d.domain, status: d.status },
    });
  });
}

// Generous for people (the sign-in page asks once per domain typed, every sign-in), slow for anyone listing
// which domains have SSO.
export const discoverLimit: Limit = { bucket: 'sso_discover', max: 300, windowMs: 15 * 60_000 };

/**
 * The sign-in page's question: does this address sign in with SSO? Counted per client (and address) so it
 * cannot be used to list domains at speed; the answer never names the organization.
 */
export async function discoverSso(db: Db, req: RequestInfo, email: string) {
  await takeAttempt(db, discoverLimit, subjectsOf(null, req.ip), 'SSO look-ups');
  const connection = await connectionForEmail(db, email);
  if (!connection) return { sso: false, required: false, startUrl: null };
  const policy = await findPolicy(db, connection.organizationId);
  const query = new URLSearchParams({ email: email.trim().toLowerCase() });
  return {
    sso: true,
    required: policy?.ssoRequired ?? false,
    startUrl: `/api/v1/auth/sso/start?${query.toString()}`,
  };
}

export { domainOf };
