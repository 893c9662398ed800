import type { z } from 'zod';
import type { Conflict, conflictCheckQuery } from '@partnergraph/shared/contracts/deals';
import type { Db, Queryable } from '../../db/client';
import type { Actor, Ctx } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { readSettings, type SettingsRow } from '../settings/settings.service';
import { customerKey, type CustomerKey } from './customer-key';
import { loadVisibleDeal, type DealRow } from './deals.repository';
import { findConflictCandidates, findProtectingDeals } from './deal-conflicts.repository';

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
  opts: {
    excludeDealId?: string;
    country?: string;
    registrantOrgId?: string;
    /** The settings the request already read (one settings read per request). */
    settings?: Pick<SettingsRow, 'defaultProtectionDays'>;
  } = {},
): Promise<Conflict[]> {
  const { defaultProtectionDays } = opts.settings ?? (await readSettings(q));
  const now = new Date();
  const compact = key.nameKey.replace(/ /g, '');
  const candidates = await findConflictCandidates(q, actor, key, {
    excludeDealId: opts.excludeDealId,
    protectionDays: defaultProtectionDays,
    nameSimilarity: NAME_SIMILARITY,
  });
  return candidates
    .map(({ deal: d, sim, registrantName, registrantKind }) => {
      const reasons: string[] = [];
      let score = 0;
      if (key.domain && d.customerDomain === key.domain) {
        reasons.push(`Same web domain ${key.domain}`);
        score = 1;
      } else if (key.root && d.customerRootDomain === key.root) {
        reasons.push(`Same company domain ${key.root} (${key.domain} and ${d.customerDomain})`);
        score = 1;
      }
      const otherCompact = d.customerNameKey.replace(/ /g, '');
      if (otherCompact === compact) {
        reasons.push(
          `Same name once case, punctuation and legal suffixes are set aside (“${d.customerName}”)`,
        );
        score = Math.max(score, 0.95);
      } else if (key.label && otherCompact === key.label) {
        reasons.push(`Their customer “${d.customerName}” is named like the domain ${key.domain}`);
        score = Math.max(score, 0.9);
      } else if (d.customerDomainLabel === compact) {
        reasons.push(`Their customer’s domain ${d.customerDomain} is named like “${key.name}”`);
        score = Math.max(score, 0.9);
      } else if (sim >= NAME_SIMILARITY) {
        reasons.push(`Similar name: “${d.customerName}” (${Math.round(sim * 100)}% alike)`);
        score = Math.max(score, sim);
      }
      if (reasons.length && opts.country && d.country === opts.country) {
        reasons.push(`Also in the same country (${d.country})`);
      }
      const strong = (!!key.root && d.customerRootDomain === key.root) || otherCompact === compact;
      return {
        deal: {
          id: d.id,
          customerName: d.customerName,
          customerDomain: d.customerDomain,
          country: d.country,
          status: d.status,
          registeredBy: { id: d.registeredByOrgId, name: registrantName },
          createdAt: d.createdAt.toISOString(),
          protectionExpiresAt: d.protectionExpiresAt?.toISOString() ?? null,
        },
        reasons,
        score: Math.round(score * 100) / 100,
        strong,
        blocking:
          strong &&
          isProtectedFor(d, opts.registrantOrgId ?? actor.orgId, now) &&
          registrantKind === 'partner',
      };
    })
    .filter((c) => c.reasons.length > 0)
    .sort((a, b) => b.score - a.score);
}

/** An approved deal whose protection still runs, held by an organization other than `orgId`. */
function isProtectedFor(
  d: Pick<DealRow, 'status' | 'protectionExpiresAt' | 'registeredByOrgId'>,
  orgId: string,
  now: Date,
) {
  return (
    d.status === 'approved' &&
    d.protectionExpiresAt !== null &&
    d.protectionExpiresAt > now &&
    d.registeredByOrgId !== orgId
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
  settings?: Pick<SettingsRow, 'protectedCustomerNotice'>,
) {
  if (!(settings ?? (await readSettings(q))).protectedCustomerNotice) return false;
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
