// The deal's customer is its primary company: HubSpot's own deal→company association type 5 ("Primary"),
// one per deal, which HubSpot shows as the deal's company. The sync sets it when it creates a deal, moves it
// when the deal's customer account changes, and reads it back for every deal it pulls.
//
// Partner involvement on a HubSpot deal: deal→company associations (v4) carrying labels PartnerGraph owns —
// `Partner: <role>` for each role and `Primary partner` for the primary one. HubSpot keeps labels per
// object pair and a pair may carry several, so a company can be both customer (HubSpot's own "Primary"
// company or an unlabelled association) and partner; only PartnerGraph's labels are ever added or removed.
// Labels are read back by their text because HubSpot's association responses carry the label, not its
// internal name.
import { CrmError, type RemotePartnerLink } from '../crm.provider';
import type { HubSpotCaller } from './hubspot.client';

export const PARTNER_LABEL_PREFIX = 'Partner: ';
export const PRIMARY_PARTNER_LABEL = 'Primary partner';
const USER_DEFINED = 'USER_DEFINED';

interface LabelDef {
  category: string;
  typeId: number;
  label?: string | null;
}
interface Associated {
  toObjectId: string | number;
  associationTypes: LabelDef[];
}

const roleLabel = (role: string) => `${PARTNER_LABEL_PREFIX}${role.trim()}`;
/** HubSpot's internal label names are lowercase letters, digits and underscores. */
const labelName = (label: string) =>
  'pg_' +
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
const ours = (l: LabelDef) =>
  l.category === USER_DEFINED &&
  !!l.label &&
  (l.label === PRIMARY_PARTNER_LABEL || l.label.startsWith(PARTNER_LABEL_PREFIX));

async function dealCompanies(caller: HubSpotCaller, dealId: string): Promise<Associated[]> {
  const out: Associated[] = [];
  let after: string | undefined;
  do {
    const page = await caller.call((c, o) =>
      c.crm.associations.v4.basicApi.getPage('deals', dealId, 'companies', after, 500, o),
    );
    out.push(...(page.results as unknown as Associated[]));
    after = page.paging?.next?.after;
  } while (after);
  return out;
}

export async function listPartners(caller: HubSpotCaller, dealId: string): Promise<RemotePartnerLink[]> {
  const links: RemotePartnerLink[] = [];
  for (const a of await dealCompanies(caller, dealId)) {
    const labels = a.associationTypes.filter(ours).map((l) => l.label!);
    const primary = labels.includes(PRIMARY_PARTNER_LABEL);
    for (const label of labels)
      if (label.startsWith(PARTNER_LABEL_PREFIX))
        links.push({
          accountId: String(a.toObjectId),
          role: label.slice(PARTNER_LABEL_PREFIX.length),
          primary,
        });
  }
  return links.sort((x, y) => x.accountId.localeCompare(y.accountId) || x.role.localeCompare(y.role));
}

/** The deal→company label definitions, creating PartnerGraph's missing ones. */
async function ensureLabels(caller: HubSpotCaller, wanted: string[]): Promise<Map<string, number>> {
  const read = async () => {
    const defs = (
      await caller.call((c, o) => c.crm.associations.v4.schema.definitionsApi.getAll('deals', 'companies', o))
    ).results as unknown as LabelDef[];
    const byLabel = new Map<string, number>();
    for (const d of defs) if (d.category === USER_DEFINED && d.label) byLabel.set(d.label, d.typeId);
    return byLabel;
  };
  let byLabel = await read();
  for (const label of wanted) {
    if (byLabel.has(label)) continue;
    try {
      const created = await caller.call((c, o) =>
        c.crm.associations.v4.schema.definitionsApi.create(
          'deals',
          'companies',
          { label, name: labelName(label) },
          o,
        ),
      );
      const def = (created.results as unknown as LabelDef[]).find((d) => d.label === label);
      if (def) byLabel.set(label, def.typeId);
    } catch (e) {
      // Another sync (or a person in HubSpot) created it meanwhile: use theirs.
      if (!(e instanceof CrmError && e.detail.status === 409)) throw e;
      byLabel = await read();
    }
    if (!byLabel.has(label))
      throw new CrmError('invalid', `HubSpot did not create the association label "${label}"`);
  }
  return byLabel;
}

const spec = (typeId: number) => ({ associationCategory: USER_DEFINED, associationTypeId: typeId }) as never;

/** HubSpot's deal→company "Primary" association type (HUBSPOT_DEFINED). */
export const PRIMARY_COMPANY_TYPE_ID = 5;
export const primaryCompanySpec = {
  associationCategory: 'HUBSPOT_DEFINED',
  associationTypeId: PRIMARY_COMPANY_TYPE_ID,
} as const;
const isPrimaryCompany = (a: Associated) =>
  a.associationTypes.some((t) => t.category === 'HUBSPOT_DEFINED' && t.typeId === PRIMARY_COMPANY_TYPE_ID);

/**
 * Makes `companyId` the deal's primary company. The previous primary company keeps an unlabelled association
 * (someone in HubSpot may rely on it); only the Primary type moves.
 */
export async function setPrimaryCompany(caller: HubSpotCaller, dealId: string, companyId: string) {
  const current = await dealCompanies(caller, dealId);
  if (current.some((a) => String(a.toObjectId) === companyId && isPrimaryCompany(a))) return;
  await caller.call((c, o) =>
    c.crm.associations.v4.basicApi.create(
      'deals',
      dealId,
      'companies',
      companyId,
      [primaryCompanySpec as never],
      o,
    ),
  );
  for (const old of current.filter((a) => isPrimaryCompany(a) && String(a.toObjectId) !== companyId))
    await caller.call((c, o) =>
      c.crm.associations.v4.batchApi.archiveLabels(
        'deals',
        'companies',
        {
          inputs: [
            {
              _from: { id: dealId },
              to: { id: String(old.toObjectId) },
              types: [primaryCompanySpec as never],
            },
          ],
        },
        o,
      ),
    );
}

/** The primary company of each deal (null: none), in one batch read per call (HubSpot takes 1,000 ids). */
export async function primaryCompanies(caller: HubSpotCaller, dealIds: string[]) {
  const out = new Map<string, string | null>(dealIds.map((id) => [id, null]));
  for (let i = 0; i < dealIds.length; i += 1000) {
    const inputs = dealIds.slice(i, i + 1000).map((id) => ({ id }));
    const res = await caller.call((c, o) =>
      c.crm.associations.v4.batchApi.getPage('deals', 'companies', { inputs }, o),
    );
    for (const r of res.results as unknown as { _from: { id: string }; to: Associated[] }[]) {
      const primary = r.to.find(isPrimaryCompany);
      out.set(String(r._from.id), primary ? String(primary.toObjectId) : null);
    }
  }
  return out;
}

/** Makes the deal's partner labels exactly `partners` (idempotent: a second run changes nothing). */
export async function setPartners(caller: HubSpotCaller, dealId: string, partners: RemotePartnerLink[]) {
  const desired = new Map<string, Set<string>>();
  for (const p of partners) {
    const labels = desired.get(p.accountId) ?? new Set<string>();
    labels.add(roleLabel(p.role));
    if (p.primary) labels.add(PRIMARY_PARTNER_LABEL);
    desired.set(p.accountId, labels);
  }
  const current = new Map<string, Associated>();
  for (const a of await dealCompanies(caller, dealId)) current.set(String(a.toObjectId), a);

  const typeIds = await ensureLabels(caller, [...new Set([...desired.values()].flatMap((s) => [...s]))]);
  const companies = new Set([...desired.keys(), ...current.keys()]);
  for (const companyId of companies) {
    const have = current.get(companyId)?.associationTypes ?? [];
    const haveOurs = have.filter(ours);
    const want = desired.get(companyId) ?? new Set<string>();
    const add = [...want].filter((l) => !haveOurs.some((h) => h.label === l)).map((l) => typeIds.get(l)!);
    const remove = haveOurs.filter((h) => !want.has(h.label!)).map((h) => h.typeId);
    if (add.length)
      await caller.call((c, o) =>
        c.crm.associations.v4.basicApi.create('deals', dealId, 'companies', companyId, add.map(spec), o),
      );
    // Only PartnerGraph's labels go: the pair's association itself stays, because HubSpot cannot tell an
    // unlabelled customer link from the one a label leaves behind, and unlinking a customer would be worse.
    if (remove.length)
      await caller.call((c, o) =>
        c.crm.associations.v4.batchApi.archiveLabels(
          'deals',
          'companies',
          { inputs: [{ _from: { id: dealId }, to: { id: companyId }, types: remove.map(spec) }] },
          o,
        ),
      );
  }
}
