CREATE TABLE "lead_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"rule_id" uuid,
	"method" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone,
	"outcome" text NOT NULL,
	"outcome_at" timestamp with time zone,
	"reason" text,
	"decided_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "lead_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"match" jsonb NOT NULL,
	"partners" jsonb NOT NULL,
	"strategy" text NOT NULL,
	"tier_weights" jsonb NOT NULL,
	"deadline_hours" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"external_id" text,
	"company_name" text NOT NULL,
	"company_name_key" text NOT NULL,
	"company_domain" text,
	"company_root_domain" text,
	"country" text NOT NULL,
	"industry" text,
	"size" text,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"need" text NOT NULL,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"estimated_amount" bigint,
	"estimated_currency" text,
	"status" text NOT NULL,
	"assigned_org_id" uuid,
	"current_assignment_id" uuid,
	"accepted_at" timestamp with time zone,
	"deal_id" uuid,
	"converted_at" timestamp with time zone,
	"closed_reason" text,
	"last_routing" jsonb,
	"duplicates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lead_assignments" ADD CONSTRAINT "lead_assignments_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignments" ADD CONSTRAINT "lead_assignments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignments" ADD CONSTRAINT "lead_assignments_rule_id_lead_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."lead_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignments" ADD CONSTRAINT "lead_assignments_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_assigned_org_id_organizations_id_fk" FOREIGN KEY ("assigned_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_assignments_lead_idx" ON "lead_assignments" USING btree ("lead_id","assigned_at");--> statement-breakpoint
CREATE INDEX "lead_assignments_org_idx" ON "lead_assignments" USING btree ("organization_id","assigned_at");--> statement-breakpoint
CREATE INDEX "lead_assignments_deadline_idx" ON "lead_assignments" USING btree ("deadline_at") WHERE "lead_assignments"."outcome" = 'waiting';--> statement-breakpoint
CREATE INDEX "lead_assignments_rule_idx" ON "lead_assignments" USING btree ("rule_id","organization_id");--> statement-breakpoint
CREATE INDEX "leads_assigned_idx" ON "leads" USING btree ("assigned_org_id","status");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "leads_external_idx" ON "leads" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "leads_name_key_idx" ON "leads" USING btree ("company_name_key");--> statement-breakpoint
CREATE INDEX "leads_root_domain_idx" ON "leads" USING btree ("company_root_domain");