import type { z } from 'zod';
import type { createLeadBody, Lead, leadListQuery, leadSources } from '@partnergraph/shared/contracts/leads';
import type { Db, Queryable } from '../../db/client';
import { runChange, type ChangeRecorder, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { isIndustry } from '../../lib/industries';
import type { Mailer } from '../../lib/mail';
import type { Site } from '../mail/templates';
import { customerKey } from '../deals/customer-key';
import { findProtectingDeals } from '../deals/deal-conflicts.repository';
import { routeLead } from './leads.assign';
import { tellAssigned } from './leads.notify';
import {
  findLeadRecord,
  findOpenLeadsLike,
  findVisibleLead,
  insertLead,
  listVisibleLeads,
  toLeadDtos,
  type LeadRow,
} from './leads.repository';
import type { LeadDuplicateFlag } from './leads.tables';

export interface Mail {
  mailer: Mailer;
  site: Site;
}

/** No organization has this id: the protected deals of every partner are duplicates of a new lead. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

// --- Reading ---

export async function loadVisibleLead(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  const row = await findVisibleLead(q, actor, id, { forUpdate });
  if (!row) throw notFound('lead');
  return row;
}

export async function leadDto(q: Queryable, actor: Actor, row: LeadRow): Promise<Lead> {
  return (await toLeadDtos(q, actor, [row]))[0]!;
}

export async function getLead(db: Db, ctx: Ctx, id: string) {
  return leadDto(db, ctx.actor, await loadVisibleLead(db, ctx.actor, id));
}

export async function listLeads(
  db: Db,
  ctx: Ctx,
  query: z.output<typeof leadListQuery>,
  page: { limit: number; cursor?: string | undefined },
) {
  return listVisibleLeads(db, ctx.actor, query, page);
}

// --- Creating ---

export type NewLead = Omit<z.output<typeof createLeadBody>, 'source' | 'route'> & {
  source: (typeof leadSources)[number];
  externalId?: string | null;
};

/** The checks a lead's fields need beyond their shape, naming the field as `prefix.<field>`. */
export function checkLead(
  input: Pick<NewLead, 'industry' | 'companyName' | 'companyDomain'>,
  prefix = 'body',
) {
  if (input.industry && !isIndustry(input.industry)) {
    throw invalid([
      { path: `${prefix}.industry`, message: 'Unknown NAICS sector code (see /reference/industries)' },
    ]);
  }
  return customerKey(input.companyName, input.companyDomain, `${prefix}.companyDomain`);
}

/**
 * Writes a lead in the caller's transaction, flags the open leads and the
 * protected deals that name the same company (the deals' company matcher),
 * and routes it when asked. Shared by the API, the locator, imports and the demo.
 */
export async function insertNewLead(
  tx: Tx,
  record: ChangeRecorder,
  input: NewLead,
  opts: { route: boolean; userId: string | null; now?: Date },
) {
  const key = checkLead(input);
  const now = opts.now ?? new Date();
  const duplicates: LeadDuplicateFlag[] = [
    ...(await findOpenLeadsLike(tx, key)).map((l) => ({
      kind: 'lead' as const,
      id: l.id,
      name: l.companyName,
      reason: key.root && l.root === key.root ? `Same company domain ${key.root}` : 'Same company name',
    })),
    ...(await findProtectingDeals(tx, key, NOBODY)).map((d) => ({
      kind: 'deal' as const,
      id: d.deal.id,
      name: d.deal.customerName,
      reason: `Protected for ${d.registrantName} until ${d.deal.protectionExpiresAt!.toISOString().slice(0, 10)}`,
    })),
  ];
  const id = newId();
  await insertLead(tx, {
    id,
    source: input.source,
    externalId: input.externalId ?? null,
    companyName: key.name,
    companyNameKey: key.nameKey,
    companyDomain: key.domain,
    companyRootDomain: key.root,
    country: input.country,
    industry: input.industry ?? null,
    size: input.size ?? null,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone ?? null,
    need: input.need,
    products: input.products,
    estimatedAmount: input.estimatedAmount ?? null,
    estimatedCurrency: input.estimatedCurrency ?? null,
    status: 'unassigned',
    duplicates,
    createdByUserId: opts.userId,
    createdAt: now,
    updatedAt: now,
  });
  const summary = {
    companyName: key.name,
    country: input.country,
    source: input.source,
    duplicates: duplicates.length,
  };
  record.audit({ action: 'lead.created', entityType: 'lead', entityId: id, after: summary });
  // The vendor's webhooks alone: no partner holds the lead yet.
  record.event({
    type: 'lead.created',
    entityType: 'lead',
    entityId: id,
    organizationIds: [],
    payload: { id, ...summary },
  });
  if (opts.route) await routeLead(tx, record, (await findLeadRecord(tx, id))!, now);
  return id;
}

export async function createLead(db: Db, ctx: Ctx, mail: Mail, input: z.output<typeof createLeadBody>) {
  const { source, route, ...fields } = input;
  const id = await runChange(db, ctx, (tx, record) =>
    insertNewLead(tx, record, { ...fields, source }, { route, userId: ctx.actor.userId }),
  );
  await tellAssigned(db, mail, id);
  return getLead(db, ctx, id);
}
