import { findOpenVendorReferralsForCrmSync, type ReferralRow } from '../deals/referrals.repository';
import { CrmError } from './crm.provider';
import { findLinkByLocalForSync, insertLink } from './crm.repository';
import { isRunFatal, logChange, logError, renewLease, type RunState } from './crm-sync.state';

/**
 * Referrals → leads (optional, off by default): a referral a partner sends to the vendor becomes a lead in
 * the CRM (Salesforce `Lead`; HubSpot a contact) with the mapped fields, once. Only its creation is sent —
 * what sales does with the lead is the CRM's — and only open referrals (submitted or accepted): a rejected
 * one is no lead, a converted one is a deal and goes as an opportunity.
 */
function referralValue(r: ReferralRow, local: string): unknown {
  switch (local) {
    case 'company':
      return r.companyName;
    case 'contactName':
      return r.contactName;
    case 'contactEmail':
      return r.contactEmail;
    case 'contactPhone':
      return r.contactPhone;
    case 'website':
      return r.companyDomain ? `https://${r.companyDomain}` : null;
    case 'need':
      return r.need;
    default:
      return null;
  }
}

function leadValues(s: RunState, r: ReferralRow) {
  const values: Record<string, unknown> = {};
  for (const f of s.connection.mappings.lead.fields) {
    if (f.direction === 'pull') continue;
    const v = referralValue(r, f.local);
    if (v !== null && v !== undefined && v !== '') values[f.remote] = v;
  }
  return values;
}

export async function pushLeads(s: RunState, onlyReferralIds?: Set<string>) {
  for (const r of await findOpenVendorReferralsForCrmSync(s.db)) {
    if (onlyReferralIds && !onlyReferralIds.has(r.id)) continue;
    if (await findLinkByLocalForSync(s.db, s.connection.id, 'lead', r.id)) continue;
    const values = leadValues(s, r);
    const base = { object: 'lead' as const, localId: r.id, action: 'create_remote' };
    s.counts.leadsCreated += 1;
    if (s.dryRun) {
      await logChange(s, { ...base, after: values });
      continue;
    }
    await renewLease(s);
    let remoteId: string;
    try {
      remoteId = await s.provider.create('lead', values);
    } catch (err) {
      if (isRunFatal(err) || !(err instanceof CrmError)) throw err;
      s.counts.leadsCreated -= 1;
      await logError(s, { ...base, field: err.detail.field ?? null, message: err.message, after: values });
      continue;
    }
    await insertLink(s.db, {
      connectionId: s.connection.id,
      object: 'lead',
      localId: r.id,
      remoteId,
      remoteName: r.companyName,
      status: 'linked',
      snapshot: { remote: values },
    });
    await logChange(s, { ...base, remoteId, after: values });
  }
}
