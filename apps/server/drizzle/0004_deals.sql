CREATE TABLE "deal_involvements" (
	"deal_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"noted_by_org_id" uuid,
	"proposed_by_org_id" uuid,
	"involved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "deal_involvements_deal_id_organization_id_pk" PRIMARY KEY("deal_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"registered_by_org_id" uuid NOT NULL,
	"registered_by_user_id" uuid,
	"vendor_recorded" boolean DEFAULT false NOT NULL,
	"customer_name" text NOT NULL,
	"customer_name_key" text NOT NULL,
	"customer_domain" text,
	"customer_root_domain" text,
	"customer_domain_label" text,
	"country" text NOT NULL,
	"industry" text,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"products" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expected_close_date" date NOT NULL,
	"stage" text,
	"notes" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"approved_at" timestamp with time zone,
	"protection_days" integer,
	"protection_expires_at" timestamp with time zone,
	"extension_days" integer,
	"extension_reason" text,
	"extension_requested_at" timestamp with time zone,
	"decision_reason" text,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"close_date" date,
	"lost_reason" text,
	"ended_at" timestamp with time zone,
	"referral_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deals_amount_positive" CHECK ("deals"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"referrer_org_id" uuid,
	"referrer_user_id" uuid,
	"recipient_org_id" uuid NOT NULL,
	"to_vendor" boolean NOT NULL,
	"company_name" text NOT NULL,
	"company_domain" text,
	"country" text,
	"industry" text,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"need" text NOT NULL,
	"estimated_amount" bigint,
	"estimated_currency" text,
	"status" text NOT NULL,
	"decision_reason" text,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"converted_at" timestamp with time zone,
	"fee_percent" numeric(7, 4),
	"fee_basis" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_estimate_positive" CHECK ("referrals"."estimated_amount" is null or "referrals"."estimated_amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"currency" text NOT NULL,
	"reporting_currency" text NOT NULL,
	"rate" numeric(24, 12) NOT NULL,
	"effective_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rates_positive" CHECK ("fx_rates"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"reporting_currency" text DEFAULT 'USD' NOT NULL,
	"default_protection_days" integer DEFAULT 90 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settings_single_row" CHECK ("settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "deal_involvements" ADD CONSTRAINT "deal_involvements_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_involvements" ADD CONSTRAINT "deal_involvements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_involvements" ADD CONSTRAINT "deal_involvements_proposed_by_org_id_organizations_id_fk" FOREIGN KEY ("proposed_by_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_registered_by_org_id_organizations_id_fk" FOREIGN KEY ("registered_by_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referrer_org_id_organizations_id_fk" FOREIGN KEY ("referrer_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referrer_user_id_users_id_fk" FOREIGN KEY ("referrer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_recipient_org_id_organizations_id_fk" FOREIGN KEY ("recipient_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deal_involvements_one_sourced" ON "deal_involvements" USING btree ("deal_id") WHERE "deal_involvements"."role" = 'sourced';--> statement-breakpoint
CREATE INDEX "deal_involvements_org_idx" ON "deal_involvements" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "deals_registered_by_idx" ON "deals" USING btree ("registered_by_org_id","created_at");--> statement-breakpoint
CREATE INDEX "deals_status_created_idx" ON "deals" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "deals_created_idx" ON "deals" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "deals_status_close_idx" ON "deals" USING btree ("status","close_date");--> statement-breakpoint
CREATE INDEX "deals_root_domain_idx" ON "deals" USING btree ("customer_root_domain");--> statement-breakpoint
CREATE INDEX "deals_name_key_trgm" ON "deals" USING gin ("customer_name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "deals_domain_label_idx" ON "deals" USING btree ("customer_domain_label");--> statement-breakpoint
CREATE INDEX "deals_name_compact_idx" ON "deals" USING btree (replace("customer_name_key", ' ', ''));--> statement-breakpoint
CREATE INDEX "deals_protection_idx" ON "deals" USING btree ("protection_expires_at") WHERE "deals"."status" = 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "deals_referral_unique" ON "deals" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "referrals_referrer_idx" ON "referrals" USING btree ("referrer_org_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_recipient_idx" ON "referrals" USING btree ("recipient_org_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_created_idx" ON "referrals" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "fx_rates_pair_date" ON "fx_rates" USING btree ("reporting_currency","currency","effective_date");--> statement-breakpoint
INSERT INTO "settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
