import type { z } from 'zod';
import type { Conflict, conflictCheckQuery } from '@partnergraph/shared/contracts/deals';
import type { Db, Queryable } from '../../db/client';
import type { Actor, Ctx } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { readSettings } from '../settings/settings.service';
import { customerKey, type CustomerKey } from './customer-key';
import { findConflictCandidates, findProtectingDeals, loadVisibleDeal } from './deals.repository';

/** Trigram similarity from which two customer names are shown to a reviewer as a possible conflict. */
const NAME_SIMILARITY = 0.45;

/**
 * Open deals that look like the same customer: the same registrable domain,
 * the same normalized name, a name that is the other's domain label, or a
 * similar name by trigrams. Candidates are deals awaiting review that were
 * registered within the protection window, and approved deals still protected.
 * A partner sees only its own organization's deals among them (deals.visibility.ts).
 */
export async function findConflicts(
  q: Queryable,
  actor: Actor,
  key: CustomerKey,
  opts: { excludeDealId?: string; country?: string; registrantOrgId?: string } = {},
): Promise<Conflict[]> {
  const { defaultProtectionDays } = await readSettings(q);
  const now = new Date();
  const compact = key.nameKey.replace(/ /g, '');
  const candidates = await findConflictCandidates(q, actor, key, {
    excludeDealId: opts.excludeDealId,
    protectionDays: defaultProtectionDays,
    nameSimilarity: NAME_SIMILARITY,
  });
  return candidates
    .map((d) => {
      const reasons: string[] = [];
      let score = 0;
      if (key.domain && d.customer_domain === key.domain) {
        reasons.push(`Same web domain ${key.domain}`);
        score = 1;
      } else if (key.root && d.customer_root_domain === key.root) {
        reasons.push(`Same company domain ${key.root} (${key.domain} and ${d.customer_domain})`);
        score = 1;
      }
      const otherCompact = d.customer_name_key.replace(/ /g, '');
      if (otherCompact === compact) {
        reasons.push(
          `Same name once case, punctuation and legal suffixes are set aside (“${d.customer_name}”)`,
        );
        score = Math.max(score, 0.95);
      } else if (key.label && otherCompact === key.label) {
        reasons.push(`Their customer “${d.customer_name}” is named like the domain ${key.domain}`);
        score = Math.max(score, 0.9);
      } else if (d.customer_domain_label === compact) {
        reasons.push(`Their customer’s domain ${d.customer_domain} is named like “${key.name}”`);
        score = Math.max(score, 0.9);
      } else if (d.sim >= NAME_SIMILARITY) {
        reasons.push(`Similar name: “${d.customer_name}” (${Math.round(d.sim * 100)}% alike)`);
        score = Math.max(score, d.sim);
      }
      if (reasons.length && opts.country && d.country === opts.country) {
        reasons.push(`Also in the same country (${d.country})`);
      }
      const strong = (!!key.root && d.customer_root_domain === key.root) || otherCompact === compact;
      return {
        deal: {
          id: d.id,
          customerName: d.customer_name,
          customerDomain: d.customer_domain,
          country: d.country,
          status: d.status,
          registeredBy: { id: d.registered_by_org_id, name: d.registrant_name },
          createdAt: new Date(d.created_at).toISOString(),
          protectionExpiresAt: d.protection_expires_at
            ? new Date(d.protection_expires_at).toISOString()
            : null,
        },
        reasons,
        score: Math.round(score * 100) / 100,
        strong,
        blocking:
          strong &&
          isProtectedFor(d, opts.registrantOrgId ?? actor.orgId, now) &&
          d.registrant_kind === 'partner',
      };
    })
    .filter((c) => c.reasons.length > 0)
    .sort((a, b) => b.score - a.score);
}

/** An approved deal whose protection still runs, held by an organization other than `orgId`. */
function isProtectedFor(
  d: { status: string; protection_expires_at: Date | string | null; registered_by_org_id: string },
  orgId: string,
  now: Date,
) {
  return (
    d.status === 'approved' &&
    d.protection_expires_at !== null &&
    new Date(d.protection_expires_at) > now &&
    d.registered_by_org_id !== orgId
  );
}

/**
 * What a registering partner is told of another partner's protection of its
 * customer: that there is one, nothing more (not who, nor amounts or dates).
 * The vendor may turn the notice off.
 */
export async function protectedByAnotherPartner(
  q: Queryable,
  actor: Actor,
  key: CustomerKey,
  excludeDealId?: string,
) {
  if (!(await readSettings(q)).protectedCustomerNotice) return false;
  return (await findProtectingDeals(q, key, actor.orgId, excludeDealId)).length > 0;
}

export async function checkConflicts(db: Db, ctx: Ctx, query: z.output<typeof conflictCheckQuery>) {
  const key = customerKey(query.customerName, query.customerDomain, 'customerDomain');
  const excludeDealId = query.excludeDealId && isId(query.excludeDealId) ? query.excludeDealId : undefined;
  const items = await findConflicts(db, ctx.actor, key, { excludeDealId });
  return {
    items,
    protectedByAnotherPartner: await protectedByAnotherPartner(db, ctx.actor, key, excludeDealId),
  };
}

export async function dealConflicts(db: Db, ctx: Ctx, id: string) {
  const { deal } = await loadVisibleDeal(db, ctx.actor, id);
  const key = customerKey(deal.customerName, deal.customerDomain, 'customerDomain');
  return {
    items: await findConflicts(db, ctx.actor, key, {
      excludeDealId: deal.id,
      country: deal.country,
      registrantOrgId: deal.registeredByOrgId,
    }),
  };
}
