CREATE TABLE "crm_connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"status_message" text,
	"auth_method" text NOT NULL,
	"login_url" text,
	"instance_url" text,
	"api_version" text NOT NULL,
	"client_id" text,
	"redirect_uri" text,
	"username" text,
	"client_secret_sealed" text,
	"private_key_sealed" text,
	"access_token_sealed" text,
	"refresh_token_sealed" text,
	"pkce_verifier_sealed" text,
	"oauth_state" text,
	"remote_account_id" text,
	"remote_name" text,
	"mappings" jsonb NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"budget_share" integer DEFAULT 50 NOT NULL,
	"sync_interval_minutes" integer DEFAULT 15 NOT NULL,
	"watermarks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"first_sync_at" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"next_run_after" timestamp with time zone,
	"api_used" integer,
	"api_max" integer,
	"api_observed_at" timestamp with time zone,
	"lease_run_id" uuid,
	"lease_until" timestamp with time zone,
	"created_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"object" text NOT NULL,
	"local_id" uuid,
	"remote_id" text,
	"remote_name" text,
	"root_domain" text,
	"name_key" text,
	"status" text NOT NULL,
	"candidates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"snapshot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_run_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"object" text NOT NULL,
	"remote_id" text,
	"local_id" uuid,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"field" text,
	"message" text,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"connection_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"phase" text,
	"message" text,
	"counts" jsonb NOT NULL,
	"requested_by_user_id" uuid,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "crm_connections" ADD CONSTRAINT "crm_connections_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_links" ADD CONSTRAINT "crm_links_connection_id_crm_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."crm_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_run_records" ADD CONSTRAINT "crm_run_records_run_id_crm_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."crm_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_runs" ADD CONSTRAINT "crm_runs_connection_id_crm_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."crm_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_runs" ADD CONSTRAINT "crm_runs_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crm_connections_oauth_state" ON "crm_connections" USING btree ("oauth_state");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_links_remote" ON "crm_links" USING btree ("connection_id","object","remote_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_links_local" ON "crm_links" USING btree ("connection_id","object","local_id") WHERE "crm_links"."local_id" is not null and "crm_links"."status" in ('linked', 'creating');--> statement-breakpoint
CREATE INDEX "crm_links_status" ON "crm_links" USING btree ("connection_id","status","created_at");--> statement-breakpoint
CREATE INDEX "crm_links_keys" ON "crm_links" USING btree ("connection_id","object","root_domain");--> statement-breakpoint
CREATE INDEX "crm_run_records_run" ON "crm_run_records" USING btree ("run_id","created_at","id");--> statement-breakpoint
CREATE INDEX "crm_run_records_errors" ON "crm_run_records" USING btree ("connection_id","object") WHERE "crm_run_records"."outcome" = 'error';--> statement-breakpoint
CREATE INDEX "crm_runs_connection" ON "crm_runs" USING btree ("connection_id","queued_at");--> statement-breakpoint
CREATE INDEX "crm_runs_status" ON "crm_runs" USING btree ("status");