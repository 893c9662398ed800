CREATE TABLE "connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"requester_org_id" uuid NOT NULL,
	"recipient_org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"terms" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"requested_by_user_id" uuid,
	"decision_reason" text,
	"end_reason" text,
	"ended_by_org_id" uuid,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integration_installs" (
	"listing_id" uuid NOT NULL,
	"customer_domain" text NOT NULL,
	"customer_name" text,
	"installed_at" date NOT NULL,
	"recorded_by_user_id" uuid,
	CONSTRAINT "integration_installs_listing_id_customer_domain_pk" PRIMARY KEY("listing_id","customer_domain")
);
--> statement-breakpoint
CREATE TABLE "integration_listings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"documentation_url" text,
	"editions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_reason" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_profiles" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"draft" jsonb NOT NULL,
	"published" jsonb,
	"published_at" timestamp with time zone,
	"search_name" text,
	"search_text" text,
	"search_vector" "tsvector",
	"types" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"badges" text[] DEFAULT '{}'::text[] NOT NULL,
	"boost" real DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "solution_members" (
	"solution_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "solution_members_solution_id_organization_id_pk" PRIMARY KEY("solution_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "solutions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_by_org_id" uuid NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "connection_id" uuid;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_requester_org_id_organizations_id_fk" FOREIGN KEY ("requester_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_recipient_org_id_organizations_id_fk" FOREIGN KEY ("recipient_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connections" ADD CONSTRAINT "connections_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_installs" ADD CONSTRAINT "integration_installs_listing_id_integration_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."integration_listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_listings" ADD CONSTRAINT "integration_listings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_profiles" ADD CONSTRAINT "partner_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_members" ADD CONSTRAINT "solution_members_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_members" ADD CONSTRAINT "solution_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solutions" ADD CONSTRAINT "solutions_created_by_org_id_organizations_id_fk" FOREIGN KEY ("created_by_org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connections_one_open" ON "connections" USING btree (least("requester_org_id", "recipient_org_id"),greatest("requester_org_id", "recipient_org_id"),"kind") WHERE "connections"."status" in ('requested', 'active');--> statement-breakpoint
CREATE INDEX "connections_requester_idx" ON "connections" USING btree ("requester_org_id","status");--> statement-breakpoint
CREATE INDEX "connections_recipient_idx" ON "connections" USING btree ("recipient_org_id","status");--> statement-breakpoint
CREATE INDEX "connections_created_idx" ON "connections" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "integration_installs_domain_idx" ON "integration_installs" USING btree ("customer_domain");--> statement-breakpoint
CREATE INDEX "integration_listings_org_idx" ON "integration_listings" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "integration_listings_status_idx" ON "integration_listings" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "partner_profiles_vector_idx" ON "partner_profiles" USING gin ("search_vector") WHERE "partner_profiles"."status" = 'published';--> statement-breakpoint
CREATE INDEX "partner_profiles_text_trgm" ON "partner_profiles" USING gin ("search_text" gin_trgm_ops) WHERE "partner_profiles"."status" = 'published';--> statement-breakpoint
CREATE INDEX "partner_profiles_types_idx" ON "partner_profiles" USING gin ("types") WHERE "partner_profiles"."status" = 'published';--> statement-breakpoint
CREATE INDEX "partner_profiles_countries_idx" ON "partner_profiles" USING gin ("countries") WHERE "partner_profiles"."status" = 'published';--> statement-breakpoint
CREATE INDEX "partner_profiles_industries_idx" ON "partner_profiles" USING gin ("industries") WHERE "partner_profiles"."status" = 'published';--> statement-breakpoint
CREATE INDEX "partner_profiles_services_idx" ON "partner_profiles" USING gin ("services") WHERE "partner_profiles"."status" = 'published';--> statement-breakpoint
CREATE INDEX "partner_profiles_badges_idx" ON "partner_profiles" USING gin ("badges") WHERE "partner_profiles"."status" = 'published';--> statement-breakpoint
CREATE INDEX "partner_profiles_rank_idx" ON "partner_profiles" USING btree ("boost","organization_id") WHERE "partner_profiles"."status" = 'published';--> statement-breakpoint
CREATE INDEX "solution_members_org_idx" ON "solution_members" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "solutions_status_idx" ON "solutions" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE no action ON UPDATE no action;