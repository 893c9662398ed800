CREATE TABLE "mapping_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"population_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"domains" text[] NOT NULL,
	"fields" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"population_id" uuid NOT NULL,
	"period" text NOT NULL,
	"sealed_scalar" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_level_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"population_id" uuid NOT NULL,
	"requester_org_id" uuid NOT NULL,
	"requested_level" text NOT NULL,
	"message" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_levels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"population_id" uuid NOT NULL,
	"level" text NOT NULL,
	"shared_fields" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_overlaps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"result_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"partner_fields" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_partnerships" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"org_a_id" uuid NOT NULL,
	"org_b_id" uuid NOT NULL,
	"opted_in_a" boolean NOT NULL,
	"opted_in_b" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_populations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"default_level" text NOT NULL,
	"shared_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"account_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_results" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"initiator_population_id" uuid NOT NULL,
	"responder_population_id" uuid NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_run_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mapping_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"initiator_org_id" uuid NOT NULL,
	"started_by_user_id" uuid,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"answered" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mapping_accounts" ADD CONSTRAINT "mapping_accounts_population_id_mapping_populations_id_fk" FOREIGN KEY ("population_id") REFERENCES "public"."mapping_populations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_keys" ADD CONSTRAINT "mapping_keys_partnership_id_mapping_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."mapping_partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_keys" ADD CONSTRAINT "mapping_keys_population_id_mapping_populations_id_fk" FOREIGN KEY ("population_id") REFERENCES "public"."mapping_populations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_level_requests" ADD CONSTRAINT "mapping_level_requests_partnership_id_mapping_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."mapping_partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_level_requests" ADD CONSTRAINT "mapping_level_requests_population_id_mapping_populations_id_fk" FOREIGN KEY ("population_id") REFERENCES "public"."mapping_populations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_level_requests" ADD CONSTRAINT "mapping_level_requests_requester_org_id_organizations_id_fk" FOREIGN KEY ("requester_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_levels" ADD CONSTRAINT "mapping_levels_partnership_id_mapping_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."mapping_partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_levels" ADD CONSTRAINT "mapping_levels_population_id_mapping_populations_id_fk" FOREIGN KEY ("population_id") REFERENCES "public"."mapping_populations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_overlaps" ADD CONSTRAINT "mapping_overlaps_result_id_mapping_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."mapping_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_overlaps" ADD CONSTRAINT "mapping_overlaps_account_id_mapping_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."mapping_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_partnerships" ADD CONSTRAINT "mapping_partnerships_org_a_id_organizations_id_fk" FOREIGN KEY ("org_a_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_partnerships" ADD CONSTRAINT "mapping_partnerships_org_b_id_organizations_id_fk" FOREIGN KEY ("org_b_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_populations" ADD CONSTRAINT "mapping_populations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_results" ADD CONSTRAINT "mapping_results_run_id_mapping_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."mapping_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_results" ADD CONSTRAINT "mapping_results_initiator_population_id_mapping_populations_id_fk" FOREIGN KEY ("initiator_population_id") REFERENCES "public"."mapping_populations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_results" ADD CONSTRAINT "mapping_results_responder_population_id_mapping_populations_id_fk" FOREIGN KEY ("responder_population_id") REFERENCES "public"."mapping_populations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_run_messages" ADD CONSTRAINT "mapping_run_messages_run_id_mapping_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."mapping_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_runs" ADD CONSTRAINT "mapping_runs_partnership_id_mapping_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."mapping_partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_runs" ADD CONSTRAINT "mapping_runs_initiator_org_id_organizations_id_fk" FOREIGN KEY ("initiator_org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_runs" ADD CONSTRAINT "mapping_runs_started_by_user_id_users_id_fk" FOREIGN KEY ("started_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_accounts_position" ON "mapping_accounts" USING btree ("population_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_keys_unique" ON "mapping_keys" USING btree ("partnership_id","population_id","period");--> statement-breakpoint
CREATE INDEX "mapping_level_requests_partnership" ON "mapping_level_requests" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_levels_pair" ON "mapping_levels" USING btree ("partnership_id","population_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_overlaps_unique" ON "mapping_overlaps" USING btree ("result_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_partnerships_pair" ON "mapping_partnerships" USING btree ("org_a_id","org_b_id");--> statement-breakpoint
CREATE INDEX "mapping_partnerships_b" ON "mapping_partnerships" USING btree ("org_b_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_populations_org_name" ON "mapping_populations" USING btree ("organization_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_results_pair" ON "mapping_results" USING btree ("run_id","initiator_population_id","responder_population_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_run_messages_round" ON "mapping_run_messages" USING btree ("run_id","round");--> statement-breakpoint
CREATE INDEX "mapping_runs_partnership" ON "mapping_runs" USING btree ("partnership_id","created_at");