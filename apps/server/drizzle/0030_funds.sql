CREATE TABLE "fund_allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"budget_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"method" text NOT NULL,
	"basis" text NOT NULL,
	"amount" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_allocations_amount" CHECK ("fund_allocations"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fund_budgets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"fund" text NOT NULL,
	"program_id" uuid,
	"tier_name" text,
	"region" text,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"currency" text NOT NULL,
	"amount" bigint NOT NULL,
	"second_approval_above" bigint,
	"claim_days" integer DEFAULT 60 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_budgets_amount_positive" CHECK ("fund_budgets"."amount" > 0),
	CONSTRAINT "fund_budgets_period" CHECK ("fund_budgets"."period_start" <= "fund_budgets"."period_end")
);
--> statement-breakpoint
CREATE TABLE "fund_claim_files" (
	"claim_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_claim_files_claim_id_file_id_pk" PRIMARY KEY("claim_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "fund_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"submitted_by_user_id" uuid,
	"amount" bigint NOT NULL,
	"approved_amount" bigint,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"review_note" text,
	"reviewed_by_user_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "fund_claims_amount_positive" CHECK ("fund_claims"."amount" > 0),
	CONSTRAINT "fund_claims_approved_within" CHECK ("fund_claims"."approved_amount" is null or ("fund_claims"."approved_amount" >= 0 and "fund_claims"."approved_amount" <= "fund_claims"."amount"))
);
--> statement-breakpoint
CREATE TABLE "fund_request_deals" (
	"request_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_request_deals_request_id_deal_id_pk" PRIMARY KEY("request_id","deal_id")
);
--> statement-breakpoint
CREATE TABLE "fund_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"budget_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"requested_by_user_id" uuid,
	"activity_type" text NOT NULL,
	"title" text NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"expected_leads" integer DEFAULT 0 NOT NULL,
	"expected_pipeline" bigint DEFAULT 0 NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"approvals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approvals_needed" integer DEFAULT 1 NOT NULL,
	"reserved" bigint DEFAULT 0 NOT NULL,
	"released" bigint DEFAULT 0 NOT NULL,
	"claim_deadline" date,
	"reminder_sent_at" timestamp with time zone,
	"decision_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_requests_amount_positive" CHECK ("fund_requests"."amount" > 0),
	CONSTRAINT "fund_requests_reserved" CHECK ("fund_requests"."reserved" >= 0 and "fund_requests"."released" >= 0)
);
--> statement-breakpoint
CREATE TABLE "incentive_rule_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rule_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"params" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incentive_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"source" text NOT NULL,
	"state" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"occurred_on" date NOT NULL,
	"explanation" text NOT NULL,
	"rule_id" uuid,
	"rule_version_id" uuid,
	"period" text,
	"deal_id" uuid,
	"claim_id" uuid,
	"reverses_entry_id" uuid,
	"payout_batch_id" uuid,
	"payment_reference" text,
	"paid_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_amount_nonzero" CHECK ("ledger_entries"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_postings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"debit" text NOT NULL,
	"credit" text NOT NULL,
	"amount" bigint NOT NULL,
	"kind" text NOT NULL,
	"posted_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_postings_positive" CHECK ("ledger_postings"."amount" > 0),
	CONSTRAINT "ledger_postings_two_sides" CHECK ("ledger_postings"."debit" <> "ledger_postings"."credit")
);
--> statement-breakpoint
CREATE TABLE "payout_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"payments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_budget_id_fund_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."fund_budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_partner_id_organizations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_claim_files" ADD CONSTRAINT "fund_claim_files_claim_id_fund_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."fund_claims"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_claims" ADD CONSTRAINT "fund_claims_request_id_fund_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."fund_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_claims" ADD CONSTRAINT "fund_claims_partner_id_organizations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_claims" ADD CONSTRAINT "fund_claims_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_claims" ADD CONSTRAINT "fund_claims_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_request_deals" ADD CONSTRAINT "fund_request_deals_request_id_fund_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."fund_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_request_deals" ADD CONSTRAINT "fund_request_deals_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_requests" ADD CONSTRAINT "fund_requests_budget_id_fund_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."fund_budgets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_requests" ADD CONSTRAINT "fund_requests_partner_id_organizations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_requests" ADD CONSTRAINT "fund_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incentive_rule_versions" ADD CONSTRAINT "incentive_rule_versions_rule_id_incentive_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."incentive_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incentive_rule_versions" ADD CONSTRAINT "incentive_rule_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_partner_id_organizations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_rule_id_incentive_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."incentive_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_rule_version_id_incentive_rule_versions_id_fk" FOREIGN KEY ("rule_version_id") REFERENCES "public"."incentive_rule_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_claim_id_fund_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."fund_claims"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payout_batch_id_payout_batches_id_fk" FOREIGN KEY ("payout_batch_id") REFERENCES "public"."payout_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_entry_id_ledger_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."ledger_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_partner_id_organizations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_batches" ADD CONSTRAINT "payout_batches_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_allocations_budget_partner" ON "fund_allocations" USING btree ("budget_id","partner_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_partner_idx" ON "fund_allocations" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "fund_budgets_period_idx" ON "fund_budgets" USING btree ("period_start","id");--> statement-breakpoint
CREATE INDEX "fund_claims_partner_idx" ON "fund_claims" USING btree ("partner_id","submitted_at");--> statement-breakpoint
CREATE INDEX "fund_claims_request_idx" ON "fund_claims" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "fund_requests_partner_idx" ON "fund_requests" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "fund_requests_budget_idx" ON "fund_requests" USING btree ("budget_id");--> statement-breakpoint
CREATE INDEX "fund_requests_deadline_idx" ON "fund_requests" USING btree ("claim_deadline") WHERE "fund_requests"."status" = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "incentive_rule_versions_effective" ON "incentive_rule_versions" USING btree ("rule_id","effective_from");--> statement-breakpoint
CREATE INDEX "ledger_entries_partner_idx" ON "ledger_entries" USING btree ("partner_id","currency","occurred_on");--> statement-breakpoint
CREATE INDEX "ledger_entries_deal_idx" ON "ledger_entries" USING btree ("deal_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_rule_period_idx" ON "ledger_entries" USING btree ("rule_id","period");--> statement-breakpoint
CREATE INDEX "ledger_postings_partner_idx" ON "ledger_postings" USING btree ("partner_id","currency","posted_on");--> statement-breakpoint
CREATE INDEX "ledger_postings_entry_idx" ON "ledger_postings" USING btree ("entry_id");