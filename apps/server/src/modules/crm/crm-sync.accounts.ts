import { customerDomain, normalizeCompanyName } from '../organizations/company-identity';
import { findPartnerIdentities } from '../organizations/organizations.repository';
import { CrmError, type RemoteRecord } from './crm.provider';
import {
  findLinkByLocalForSync,
  findLinksOfConnectionForSync,
  insertLink,
  setLinkFields,
  type LinkRow,
} from './crm.repository';
import { crmName, isRunFatal, logChange, logError, renewLease, type RunState } from './crm-sync.state';

/**
 * Accounts: a remote account is linked to a partner by the stored id mapping
 * first, then — for a first link — by registrable domain or normalized name
 * through the company matcher. One match links; several go to the review
 * queue; none leaves it known by its keys (a customer account the
 * opportunities may point at).
 */
type Partner = Awaited<ReturnType<typeof findPartnerIdentities>>[number];

const keysOf = (name: string | null, website: string | null) => ({
  rootDomain: website ? (customerDomain(website)?.root ?? null) : null,
  nameKey: name ? normalizeCompanyName(name) || null : null,
});

function accountField(s: RunState, local: string) {
  return s.connection.mappings.account.fields.find((f) => f.local === local);
}

export function accountFieldsToRead(s: RunState) {
  return s.connection.mappings.account.fields.map((f) => f.remote);
}

export async function loadPartners(s: RunState) {
  return (await findPartnerIdentities(s.db)).filter((p) => p.status !== 'terminated');
}

function candidatesFor(partners: Partner[], keys: ReturnType<typeof keysOf>) {
  const out: { id: string; name: string; reason: string }[] = [];
  for (const p of partners) {
    const pk = keysOf(p.name, p.website ?? p.domain);
    if (keys.rootDomain && pk.rootDomain === keys.rootDomain)
      out.push({ id: p.id, name: p.name, reason: `domain ${keys.rootDomain}` });
    else if (keys.nameKey && pk.nameKey === keys.nameKey)
      out.push({ id: p.id, name: p.name, reason: `name ${p.name}` });
  }
  return out;
}

/** One remote account read by a run. */
export async function syncAccount(
  s: RunState,
  r: RemoteRecord,
  partners: Partner[],
  known: Map<string, LinkRow>,
) {
  s.counts.recordsRead += 1;
  const name = (r.fields[accountField(s, 'name')?.remote ?? 'Name'] as string | null) ?? null;
  const website = (r.fields[accountField(s, 'website')?.remote ?? 'Website'] as string | null) ?? null;
  const keys = keysOf(name, website);
  const existing = known.get(r.id);
  if (existing) {
    // Known already: keep its keys current (a customer account's website may change in the CRM).
    if (
      !s.dryRun &&
      (existing.rootDomain !== keys.rootDomain ||
        existing.nameKey !== keys.nameKey ||
        existing.remoteName !== name)
    ) {
      known.set(r.id, await setLinkFields(s.db, existing.id, { ...keys, remoteName: name }));
    }
    return;
  }
  const taken = new Set(
    [...known.values()].filter((l) => l.localId && l.status === 'linked').map((l) => l.localId!),
  );
  const candidates = candidatesFor(partners, keys);
  const free = candidates.filter((c) => !taken.has(c.id));
  const unique = candidates.length === 1 && free.length === 1 ? free[0]! : null;
  const status: LinkRow['status'] = unique ? 'linked' : candidates.length ? 'review' : 'linked';
  if (unique) s.counts.accountsLinked += 1;
  else if (candidates.length) s.counts.accountsForReview += 1;
  if (s.dryRun) {
    // Remembered for this run only, so the opportunities phase sees the accounts a real run would know.
    const now = new Date();
    known.set(r.id, {
      id: r.id,
      connectionId: s.connection.id,
      object: 'account',
      remoteId: r.id,
      remoteName: name,
      localId: unique?.id ?? null,
      ...keys,
      status,
      candidates,
      snapshot: {},
      createdAt: now,
      updatedAt: now,
    });
    if (candidates.length) {
      await logChange(s, {
        object: 'account',
        remoteId: r.id,
        localId: unique?.id ?? null,
        action: unique ? 'link' : 'review',
        after: { name, candidates },
      });
    }
    return;
  }
  const link = await insertLink(s.db, {
    connectionId: s.connection.id,
    object: 'account',
    remoteId: r.id,
    remoteName: name,
    localId: unique?.id ?? null,
    ...keys,
    status,
    candidates: unique ? [] : candidates,
    snapshot: unique ? { remote: r.fields } : {},
  });
  known.set(r.id, link);
  if (candidates.length) {
    await logChange(s, {
      object: 'account',
      remoteId: r.id,
      localId: unique?.id ?? null,
      action: unique ? 'link' : 'review',
      after: { name, candidates },
    });
  }
}

export async function knownAccounts(s: RunState) {
  return new Map(
    (await findLinksOfConnectionForSync(s.db, s.connection.id, 'account'))
      .filter((l) => l.remoteId)
      .map((l) => [l.remoteId!, l]),
  );
}

/**
 * A website as the mapped CRM field holds it: HubSpot's `domain` property takes a bare domain
 * (`northwind.com`), a URL field (Salesforce `Website`) a URL.
 */
function websiteFor(s: RunState, remote: string, website: string | null, domain: string | null) {
  if (s.connection.kind === 'hubspot' && remote === 'domain') {
    return domain ?? (website ? (customerDomain(website)?.domain ?? null) : null);
  }
  return website ?? (domain ? `https://${domain}` : null);
}

/** The values of a partner as the account mapping pushes them. */
function partnerValues(s: RunState, p: Partner) {
  const values: Record<string, unknown> = {};
  for (const f of s.connection.mappings.account.fields) {
    if (f.direction === 'pull') continue;
    const v =
      f.local === 'name'
        ? p.name
        : f.local === 'website'
          ? websiteFor(s, f.remote, p.website ?? null, p.domain ?? null)
          : p.country;
    if (v !== null && v !== undefined) values[f.remote] = v;
  }
  return values;
}

const accountWord = (s: RunState) => (s.connection.kind === 'hubspot' ? 'company' : 'account');

/** The remote account of a partner named on an opportunity: its link, or one created for it. */
export async function ensurePartnerAccount(
  s: RunState,
  partner: Partner,
  known: Map<string, LinkRow>,
): Promise<string | null> {
  const seen = [...known.values()].find((l) => l.localId === partner.id && l.status === 'linked');
  if (seen?.remoteId) return seen.remoteId;
  const link = await findLinkByLocalForSync(s.db, s.connection.id, 'account', partner.id);
  if (link?.remoteId) return link.remoteId;
  const values = partnerValues(s, partner);
  if (s.dryRun) {
    if (!s.planned.has(partner.id)) {
      s.counts.accountsCreated += 1;
      await logChange(s, { object: 'account', localId: partner.id, action: 'create_remote', after: values });
    }
    s.planned.add(partner.id);
    return `planned:${partner.id}`;
  }
  const refused = s.refusedPartners.get(partner.id);
  if (refused) throw refused;
  await renewLease(s);
  let remoteId: string;
  try {
    remoteId = await s.provider.create('account', values);
  } catch (err) {
    if (isRunFatal(err) || !(err instanceof CrmError)) throw err;
    // Every deal of this partner waits on its account: refused once per run, and each deal logs it.
    const failure = new CrmError(
      err.kind,
      `${crmName(s)} refused the partner’s ${accountWord(s)} ${partner.name}: ${err.message}`,
      err.detail,
    );
    s.refusedPartners.set(partner.id, failure);
    throw failure;
  }
  s.counts.accountsCreated += 1;
  await insertLink(s.db, {
    connectionId: s.connection.id,
    object: 'account',
    remoteId,
    remoteName: partner.name,
    localId: partner.id,
    ...keysOf(partner.name, partner.website ?? partner.domain),
    status: 'linked',
    snapshot: { remote: values },
  });
  await logChange(s, {
    object: 'account',
    remoteId,
    localId: partner.id,
    action: 'create_remote',
    after: values,
  });
  return remoteId;
}

/** The customer's account for a deal: one known account with its domain or name, or a new one. Several: an error to resolve. */
export async function ensureCustomerAccount(
  s: RunState,
  deal: {
    id: string;
    customerName: string;
    customerDomain: string | null;
    customerRootDomain: string | null;
    customerNameKey: string;
  },
  known: Map<string, LinkRow>,
): Promise<string | null> {
  const customers = [...known.values()].filter((l) => !l.localId && l.status === 'linked');
  const byDomain = deal.customerRootDomain
    ? customers.filter((l) => l.rootDomain === deal.customerRootDomain)
    : [];
  const matches = byDomain.length ? byDomain : customers.filter((l) => l.nameKey === deal.customerNameKey);
  if (matches.length === 1) return matches[0]!.remoteId;
  if (matches.length > 1) {
    await logError(s, {
      object: 'opportunity',
      localId: deal.id,
      action: 'create_remote',
      field: 'AccountId',
      message: `${matches.length} CRM accounts match the customer ${deal.customerName} (${matches.map((m) => m.remoteName ?? m.remoteId).join(', ')}): merge them in the CRM, then retry`,
    });
    return null;
  }
  // The name goes to the mapped name field (Salesforce `Name`, HubSpot `name`): a field the CRM lacks would
  // refuse the whole record.
  const nameField = accountField(s, 'name');
  const values: Record<string, unknown> = {
    [nameField?.remote ?? (s.connection.kind === 'hubspot' ? 'name' : 'Name')]: deal.customerName,
  };
  const websiteField = accountField(s, 'website');
  if (deal.customerDomain && websiteField && websiteField.direction !== 'pull')
    values[websiteField.remote] = websiteFor(s, websiteField.remote, null, deal.customerDomain);
  const plannedKey = `customer:${deal.customerRootDomain ?? deal.customerNameKey}`;
  if (s.dryRun) {
    if (!s.planned.has(plannedKey)) {
      s.counts.accountsCreated += 1;
      await logChange(s, { object: 'account', localId: null, action: 'create_remote', after: values });
    }
    s.planned.add(plannedKey);
    return `planned:${plannedKey}`;
  }
  await renewLease(s);
  let remoteId: string;
  try {
    remoteId = await s.provider.create('account', values);
  } catch (err) {
    if (isRunFatal(err) || !(err instanceof CrmError)) throw err;
    // The opportunity cannot go without its customer: the deal is logged (and retried) with the CRM's words.
    await logError(s, {
      object: 'opportunity',
      localId: deal.id,
      action: 'create_remote',
      field: err.detail.field ?? null,
      message: `${crmName(s)} refused the customer’s ${accountWord(s)} ${deal.customerName}: ${err.message}`,
      after: values,
    });
    return null;
  }
  s.counts.accountsCreated += 1;
  const link = await insertLink(s.db, {
    connectionId: s.connection.id,
    object: 'account',
    remoteId,
    remoteName: deal.customerName,
    localId: null,
    rootDomain: deal.customerRootDomain,
    nameKey: deal.customerNameKey,
    status: 'linked',
  });
  known.set(remoteId, link);
  await logChange(s, { object: 'account', remoteId, action: 'create_remote', after: values });
  return remoteId;
}
