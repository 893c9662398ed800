import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  LeadRuleMatch,
  LeadRulePartners,
  RoutingExplanation,
} from '@partnergraph/shared/contracts/leads';
import {
  companySizes,
  leadRoutingStrategies,
  leadSources,
  leadStatuses,
} from '@partnergraph/shared/lead-codes';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';

export interface LeadDuplicateFlag {
  kind: 'lead' | 'deal';
  id: string;
  name: string;
  reason: string;
}

/** The vendor's ordered routing rules: the first that matches a lead and finds an eligible partner fires. */
export const leadRules = pgTable('lead_rules', {
  id: uuid('id').primaryKey(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  match: jsonb('match').$type<LeadRuleMatch>().notNull(),
  partners: jsonb('partners').$type<LeadRulePartners>().notNull(),
  strategy: text('strategy', { enum: leadRoutingStrategies }).notNull(),
  tierWeights: jsonb('tier_weights').$type<Record<string, number>>().notNull(),
  deadlineHours: integer('deadline_hours').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey(),
    source: text('source', { enum: leadSources }).notNull(),
    /** Its id in the system it was imported from: re-imports update it. */
    externalId: text('external_id'),
    companyName: text('company_name').notNull(),
    /** customerKey's normalized name and registrable domain: duplicates are found on them. */
    companyNameKey: text('company_name_key').notNull(),
    companyDomain: text('company_domain'),
    companyRootDomain: text('company_root_domain'),
    country: text('country').notNull(),
    industry: text('industry'),
    size: text('size', { enum: companySizes }),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    need: text('need').notNull(),
    products: text('products')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    estimatedAmount: bigint('estimated_amount', { mode: 'number' }),
    estimatedCurrency: text('estimated_currency'),
    status: text('status', { enum: leadStatuses }).notNull(),
    /** The partner it is assigned to now (offered, accepted or converted); null in the vendor's queue. */
    assignedOrgId: uuid('assigned_org_id').references(() => organizations.id),
    currentAssignmentId: uuid('current_assignment_id'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** The deal it became, through the deals service. */
    dealId: uuid('deal_id'),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    closedReason: text('closed_reason'),
    /** Why the last routing left it in the vendor's queue (no rule matched, nobody eligible, by hand). */
    lastRouting: jsonb('last_routing').$type<RoutingExplanation>(),
    duplicates: jsonb('duplicates').$type<LeadDuplicateFlag[]>().notNull().default([]),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('leads_assigned_idx').on(t.assignedOrgId, t.status),
    index('leads_status_idx').on(t.status, t.createdAt),
    index('leads_external_idx').on(t.externalId),
    index('leads_name_key_idx').on(t.companyNameKey),
    index('leads_root_domain_idx').on(t.companyRootDomain),
  ],
);

/** Every offer of a lead to a partner, with why it was made and how it ended: the routing history. */
export const leadAssignments = pgTable(
  'lead_assignments',
  {
    id: uuid('id').primaryKey(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    ruleId: uuid('rule_id').references(() => leadRules.id, { onDelete: 'set null' }),
    method: text('method', { enum: ['rule', 'by_hand', 'referred'] }).notNull(),
    explanation: jsonb('explanation').$type<RoutingExplanation>().notNull(),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    outcome: text('outcome', {
      enum: ['waiting', 'accepted', 'declined', 'withdrawn', 'reassigned', 'referred'],
    }).notNull(),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    reason: text('reason'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('lead_assignments_lead_idx').on(t.leadId, t.assignedAt),
    index('lead_assignments_org_idx').on(t.organizationId, t.assignedAt),
    index('lead_assignments_deadline_idx')
      .on(t.deadlineAt)
      .where(sql`${t.outcome} = 'waiting'`),
    index('lead_assignments_rule_idx').on(t.ruleId, t.organizationId),
  ],
);
