import { eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { isVendor, type Actor } from '../../lib/actor';
import { fundAllocations, fundClaims, fundRequests, ledgerEntries } from './funds.tables';

// Who sees what of funds (product.md): a partner sees its own allocations, requests, claims and ledger
// entries (so its statements); budgets, rules, payout batches and other partners' records are the
// vendor's alone (their routes are gated by funds:oversee, and the queries below agree). Vendor staff see everything; a channel manager changes only its partners' (services).

const own = (actor: Actor, column: PgColumn) => (isVendor(actor) ? undefined : eq(column, actor.orgId));

export const visibleBudgets = (actor: Actor) => (isVendor(actor) ? undefined : sql`false`);
export const visibleAllocations = (actor: Actor) => own(actor, fundAllocations.partnerId);
export const visibleRequests = (actor: Actor) => own(actor, fundRequests.partnerId);
export const visibleClaims = (actor: Actor) => own(actor, fundClaims.partnerId);
export const visibleEntries = (actor: Actor) => own(actor, ledgerEntries.partnerId);
export const visiblePayoutBatches = (actor: Actor) => (isVendor(actor) ? undefined : sql`false`);
/** Whose statement a caller may read: vendor staff any partner's, a partner its own. */
export const statementPartner = (actor: Actor, asked: string | undefined) =>
  isVendor(actor) ? asked : asked === undefined || asked === actor.orgId ? actor.orgId : null;
