import { isDeepStrictEqual } from 'node:util';
import type { FieldMapping } from '@partnergraph/shared/contracts/crm';
import { isCurrency, minorToMajorText, parseMajorAmount } from '@partnergraph/shared/money-format';
import { AppError } from '../../lib/errors';
import { closeDeal, updateDeal } from '../deals/deals.service';
import { findDealRecord, findDealsForCrmSync, today, type DealRow } from '../deals/deals.repository';
import { involvementsOf } from '../deals/deal-involvements.repository';
import { findOrganizationsByIds } from '../organizations/organizations.repository';
import { CrmError, type RemotePartnerLink, type RemoteRecord } from './crm.provider';
import {
  findLinkByLocalForSync,
  findLinkByRemoteForSync,
  insertLink,
  setLinkFields,
  type LinkRow,
} from './crm.repository';
import { ensureCustomerAccount, ensurePartnerAccount, loadPartners } from './crm-sync.accounts';
import { isRunFatal, logChange, logError, renewLease, type RunState } from './crm-sync.state';

/**
 * Opportunities ↔ deals. Values are compared in our terms (stage as our
 * stage/won/lost, amounts in minor units, dates as YYYY-MM-DD) against the
 * snapshot both sides had at the last sync, so "changed since" is exact and a
 * conflict is settled by the field's system of record. Changes to deals go
 * through the deals service, so analytics, audit and webhooks follow.
 */
type Ours = Record<string, unknown>;
interface Snapshot {
  local?: Ours;
  remote?: Ours;
  partners?: RemotePartnerLink[];
}
const pulled = ['stage', 'amount', 'currency', 'closeDate'] as const;

// Deep and key-order blind: snapshots come back from jsonb with their keys reordered.
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a ?? null, b ?? null);

function fieldOf(s: RunState, local: string): FieldMapping | undefined {
  return s.connection.mappings.opportunity.fields.find((f) => f.local === local);
}

export function opportunityFieldsToRead(s: RunState) {
  return s.connection.mappings.opportunity.fields.map((f) => f.remote);
}

/** A deal's values in our terms. */
function dealOurs(deal: DealRow): Ours {
  return {
    stage: deal.status === 'won' || deal.status === 'lost' ? deal.status : (deal.stage ?? 'qualification'),
    amount: deal.amount,
    currency: deal.currency,
    closeDate: deal.closeDate ?? deal.expectedCloseDate,
  };
}

/** A remote record's values in our terms; `unreadable` names fields that could not be read. */
function remoteOurs(s: RunState, fields: Record<string, unknown>, fallbackCurrency: string) {
  const out: Ours = {};
  const currencyField = fieldOf(s, 'currency');
  const currency = (currencyField && (fields[currencyField.remote] as string | null)) || fallbackCurrency;
  for (const local of pulled) {
    const f = fieldOf(s, local);
    if (!f) continue;
    const v = fields[f.remote] ?? null;
    if (local === 'stage')
      out.stage =
        v === null
          ? null
          : (s.connection.mappings.opportunity.stageMap[String(v)] ?? `unmapped:${String(v)}`);
    else if (local === 'amount') {
      const parsed =
        v === null || v === '' ? null : parseMajorAmount(String(v), isCurrency(currency) ? currency : 'USD');
      out.amount = parsed && 'minor' in parsed ? parsed.minor : null;
    } else if (local === 'currency') out.currency = v;
    else out.closeDate = v === null ? null : String(v).slice(0, 10);
  }
  return out;
}

/** Our values as the CRM takes them, for the fields pushed. */
function toRemote(
  s: RunState,
  ours: Ours & { name?: string; account?: string | null; description?: string },
  onlyChanged?: Set<string>,
) {
  const out: Record<string, unknown> = {};
  for (const f of s.connection.mappings.opportunity.fields) {
    if (f.direction === 'pull' || (onlyChanged && !onlyChanged.has(f.local))) continue;
    const v = ours[f.local];
    if (v === undefined) continue;
    if (f.local === 'stage') {
      const key = Object.entries(s.connection.mappings.opportunity.stageMap).find(
        ([, target]) => target === v,
      )?.[0];
      if (!key)
        throw new CrmError('field', `No CRM stage is mapped to our ${String(v)}: add one to the stage map`, {
          field: f.remote,
        });
      out[f.remote] = key;
    } else if (f.local === 'amount') {
      out[f.remote] = Number(minorToMajorText(v as number, String(ours.currency)));
    } else out[f.remote] = v;
  }
  return out;
}

/** Local field named by a deals-service error path (body.closeDate → CloseDate's mapping). */
function remoteFieldOfPath(s: RunState, path: string | undefined) {
  const local = path?.replace(/^body\./, '').replace('expectedCloseDate', 'closeDate');
  return (local && fieldOf(s, local)?.remote) ?? null;
}

// --- Pull ---

export async function pullOpportunity(s: RunState, r: RemoteRecord) {
  s.counts.recordsRead += 1;
  const link = await findLinkByRemoteForSync(s.db, s.connection.id, 'opportunity', r.id);
  if (!link || link.status !== 'linked' || !link.localId) return;
  const deal = await findDealRecord(s.db, link.localId);
  if (!deal) return;
  const snap = link.snapshot as Snapshot;
  const remote = remoteOurs(s, r.fields, deal.currency);
  const local = dealOurs(deal);
  const wanted: Ours = {};
  for (const key of pulled) {
    const f = fieldOf(s, key);
    if (!f || f.direction === 'push' || !(key in remote)) continue;
    if (same(remote[key], snap.remote?.[key])) continue;
    const localChanged = !same(local[key], snap.local?.[key]);
    if (localChanged && f.systemOfRecord === 'partnergraph') continue; // ours wins: the push sends it
    if (!same(local[key], remote[key])) wanted[key] = remote[key];
  }
  const base = { object: 'opportunity' as const, remoteId: r.id, localId: deal.id, action: 'update_local' };
  const rawStage = fieldOf(s, 'stage') ? r.fields[fieldOf(s, 'stage')!.remote] : null;
  if (typeof wanted.stage === 'string' && wanted.stage.startsWith('unmapped:')) {
    return logError(s, {
      ...base,
      field: fieldOf(s, 'stage')!.remote,
      message: `The stage ${String(rawStage)} has no mapping to ours: add it to the stage map, then retry`,
    });
  }
  if (
    wanted.currency !== undefined &&
    (typeof wanted.currency !== 'string' || !isCurrency(wanted.currency))
  ) {
    return logError(s, {
      ...base,
      field: fieldOf(s, 'currency')!.remote,
      message: `Unknown currency ${String(wanted.currency)}`,
    });
  }
  const closing = wanted.stage === 'won' || wanted.stage === 'lost';
  if (wanted.stage === 'won' && (remote.amount ?? null) === null) {
    return logError(s, {
      ...base,
      field: fieldOf(s, 'amount')?.remote ?? 'Amount',
      message: 'A won opportunity needs an amount',
    });
  }
  if (Object.keys(wanted).length === 0) {
    if (!s.dryRun && !same(snap.remote, remote))
      await setLinkFields(s.db, link.id, { snapshot: { ...snap, remote } });
    return;
  }
  s.counts.dealsChanged += 1;
  const before = Object.fromEntries(Object.keys(wanted).map((k) => [k, local[k]]));
  if (s.dryRun) return logChange(s, { ...base, before, after: wanted });
  try {
    let current = deal;
    const currency = (wanted.currency as string | undefined) ?? deal.currency;
    if (closing && deal.status !== 'approved') {
      throw new AppError(
        'unprocessable',
        `This deal is ${deal.status}: it cannot be marked ${String(wanted.stage)} from the CRM`,
      );
    }
    if (
      wanted.currency !== undefined ||
      (!closing &&
        (wanted.amount !== undefined || wanted.closeDate !== undefined || wanted.stage !== undefined))
    ) {
      await updateDeal(s.db, s.ctx, deal.id, {
        version: current.version,
        ...(wanted.currency !== undefined
          ? { currency, amount: (remote.amount as number | null) ?? deal.amount }
          : {}),
        ...(!closing && wanted.amount !== undefined && wanted.amount !== null
          ? { amount: wanted.amount as number }
          : {}),
        ...(!closing && wanted.closeDate ? { expectedCloseDate: wanted.closeDate as string } : {}),
        ...(!closing && wanted.stage ? { stage: wanted.stage as NonNullable<DealRow['stage']> } : {}),
      });
      current = (await findDealRecord(s.db, deal.id))!;
    }
    if (closing) {
      // A closed opportunity whose close date is still the forecast (in the future) closed today.
      const closeDate = [String(remote.closeDate ?? today()), today()].sort()[0]!;
      await closeDeal(
        s.db,
        s.ctx,
        deal.id,
        wanted.stage === 'won'
          ? { version: current.version, outcome: 'won', amount: remote.amount as number, closeDate }
          : {
              version: current.version,
              outcome: 'lost',
              closeDate,
              reason: `Closed lost in the CRM (${s.connection.name})`,
            },
      );
    }
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return logError(s, {
      ...base,
      field:
        remoteFieldOfPath(s, err.extra.errors?.[0]?.path) ??
        (closing ? (fieldOf(s, 'stage')?.remote ?? null) : null),
      message: err.extra.errors?.[0]?.message ?? err.message,
      before,
      after: wanted,
    });
  }
  const updated = (await findDealRecord(s.db, deal.id))!;
  await setLinkFields(s.db, link.id, { snapshot: { ...snap, remote, local: dealOurs(updated) } });
  await logChange(s, { ...base, before, after: wanted });
}

// --- Push ---

async function partnerLinks(
  s: RunState,
  deal: DealRow,
  partners: Awaited<ReturnType<typeof loadPartners>>,
  known: Map<string, LinkRow>,
) {
  const involved = (await involvementsOf(s.db, [deal.id])).filter(
    (i) => i.involvement.status === 'confirmed',
  );
  const links: RemotePartnerLink[] = [];
  for (const { involvement } of involved) {
    const partner = partners.find((p) => p.id === involvement.organizationId);
    if (!partner) continue;
    const accountId = await ensurePartnerAccount(s, partner, known);
    if (!accountId) continue;
    links.push({
      accountId,
      role: s.connection.mappings.partners.roles[involvement.role] ?? involvement.role,
      primary: involvement.role === 'sourced',
    });
  }
  return links;
}

async function opportunityName(s: RunState, deal: DealRow) {
  const [registrant] = await findOrganizationsByIds(s.db, [deal.registeredByOrgId]);
  return registrant?.kind === 'partner' ? `${deal.customerName} (${registrant.name})` : deal.customerName;
}

/** Finds the opportunity a crashed run created but did not record: by its name, among those changed since. */
async function findCreatedBefore(s: RunState, link: LinkRow) {
  const since = new Date(link.createdAt.getTime() - 60_000).toISOString();
  const nameField = fieldOf(s, 'name')?.remote ?? 'Name';
  let cursor: string | null = null;
  do {
    const page = await s.provider.listChanged('opportunity', since, cursor, [nameField]);
    const found = page.records.find((r) => r.fields[nameField] === link.remoteName);
    if (found) return found.id;
    cursor = page.next;
  } while (cursor);
  return null;
}

async function createOpportunity(
  s: RunState,
  deal: DealRow,
  known: Map<string, LinkRow>,
  partners: Awaited<ReturnType<typeof loadPartners>>,
  pending: LinkRow | null,
) {
  const base = { object: 'opportunity' as const, localId: deal.id, action: 'create_remote' };
  const account = await ensureCustomerAccount(s, deal, known);
  if (!account) return;
  let links: RemotePartnerLink[];
  try {
    links = await partnerLinks(s, deal, partners, known);
  } catch (err) {
    if (isRunFatal(err) || !(err instanceof CrmError)) throw err;
    // Sent without its partner, the opportunity would credit no one: it waits until the partner's account exists.
    return logError(s, { ...base, field: err.detail.field ?? null, message: err.message });
  }
  const name = await opportunityName(s, deal);
  const ours = { ...dealOurs(deal), name, account, description: deal.notes };
  const mode = s.connection.mappings.partners;
  let values: Record<string, unknown>;
  try {
    values = toRemote(s, ours);
  } catch (err) {
    if (err instanceof CrmError)
      return logError(s, { ...base, field: err.detail.field ?? null, message: err.message });
    throw err;
  }
  const sourced = links.find((l) => l.primary);
  if (mode.mode === 'lookup' && mode.lookupField && sourced) values[mode.lookupField] = sourced.accountId;
  s.counts.opportunitiesCreated += 1;
  if (s.dryRun) return logChange(s, { ...base, after: { ...values, partners: links } });
  await renewLease(s);
  const link =
    pending ??
    (await insertLink(s.db, {
      connectionId: s.connection.id,
      object: 'opportunity',
      localId: deal.id,
      remoteName: String(values[fieldOf(s, 'name')?.remote ?? 'Name'] ?? name),
      status: 'creating',
    }));
  let remoteId = pending ? await findCreatedBefore(s, pending) : null;
  try {
    remoteId ??= await s.provider.create('opportunity', values);
  } catch (err) {
    if (isRunFatal(err) || !(err instanceof CrmError)) throw err;
    s.counts.opportunitiesCreated -= 1;
    await setLinkFields(s.db, link.id, { status: 'dismissed' });
    return logError(s, {
      ...base,
      field: err.detail.field ?? null,
      message: err.message,
      after: values,
    });
  }
  let partnersSent = links;
  let partnerFailure: CrmError | null = null;
  try {
    if (mode.mode === 'opportunity_partner' && links.length) await s.provider.setPartners(remoteId, links);
  } catch (err) {
    if (isRunFatal(err) || !(err instanceof CrmError)) throw err;
    // The opportunity exists: it is linked, and its partners go again as an update (the snapshot says none went).
    partnersSent = [];
    partnerFailure = err;
  }
  await setLinkFields(s.db, link.id, {
    remoteId,
    status: 'linked',
    snapshot: { local: dealOurs(deal), remote: dealOurs(deal), partners: partnersSent } satisfies Snapshot,
  });
  await logChange(s, { ...base, remoteId, after: { ...values, partners: partnersSent } });
  if (partnerFailure)
    await logError(s, {
      ...base,
      remoteId,
      action: 'update_remote',
      field: partnerFailure.detail.field ?? null,
      message: partnerFailure.message,
      after: { partners: links },
    });
}

async function updateOpportunity(
  s: RunState,
  deal: DealRow,
  link: LinkRow,
  partners: Awaited<ReturnType<typeof loadPartners>>,
  known: Map<string, LinkRow>,
) {
  const snap = link.snapshot as Snapshot;
  const local = dealOurs(deal);
  const changed = new Set(Object.keys(local).filter((k) => !same(local[k], snap.local?.[k])));
  const base = {
    object: 'opportunity' as const,
    localId: deal.id,
    remoteId: link.remoteId,
    action: 'update_remote',
  };
  let values: Record<string, unknown> = {};
  try {
    values = changed.size ? toRemote(s, local, changed) : {};
  } catch (err) {
    if (err instanceof CrmError)
      return logError(s, { ...base, field: err.detail.field ?? null, message: err.message });
    throw err;
  }
  let links: RemotePartnerLink[];
  try {
    links =
      s.connection.mappings.partners.mode === 'opportunity_partner'
        ? await partnerLinks(s, deal, partners, known)
        : (snap.partners ?? []);
  } catch (err) {
    if (isRunFatal(err) || !(err instanceof CrmError)) throw err;
    return logError(s, { ...base, field: err.detail.field ?? null, message: err.message });
  }
  const partnersChanged = !same(links, snap.partners ?? []);
  if (!Object.keys(values).length && !partnersChanged) return;
  s.counts.opportunitiesUpdated += 1;
  const before = Object.fromEntries([...changed].map((k) => [k, snap.local?.[k]]));
  if (s.dryRun)
    return logChange(s, {
      ...base,
      before,
      after: { ...values, ...(partnersChanged ? { partners: links } : {}) },
    });
  await renewLease(s);
  try {
    if (Object.keys(values).length) await s.provider.update('opportunity', link.remoteId!, values);
    if (partnersChanged) await s.provider.setPartners(link.remoteId!, links);
  } catch (err) {
    if (isRunFatal(err) || !(err instanceof CrmError)) throw err;
    s.counts.opportunitiesUpdated -= 1;
    return logError(s, {
      ...base,
      field: err.detail.field ?? null,
      message: err.message,
      before,
      after: values,
    });
  }
  await setLinkFields(s.db, link.id, {
    snapshot: {
      local,
      remote: { ...snap.remote, ...Object.fromEntries([...changed].map((k) => [k, local[k]])) },
      partners: links,
    },
  });
  await logChange(s, {
    ...base,
    before,
    after: { ...values, ...(partnersChanged ? { partners: links } : {}) },
  });
}

/** Approved deals without an opportunity get one (with their partners); linked deals send the fields that are ours. */
export async function pushDeals(s: RunState, known: Map<string, LinkRow>, onlyDealIds?: Set<string>) {
  const partners = await loadPartners(s);
  for (const deal of await findDealsForCrmSync(s.db, ['approved', 'won', 'lost'])) {
    if (onlyDealIds && !onlyDealIds.has(deal.id)) continue;
    const link = await findLinkByLocalForSync(s.db, s.connection.id, 'opportunity', deal.id);
    if (!link && deal.status !== 'approved') continue;
    if (!link || link.status === 'creating') await createOpportunity(s, deal, known, partners, link);
    else if (link.remoteId) await updateOpportunity(s, deal, link, partners, known);
  }
}
