CREATE TABLE "mapping_run_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mapping_run_messages" ADD CONSTRAINT "mapping_run_messages_run_id_mapping_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."mapping_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mapping_run_messages_round" ON "mapping_run_messages" USING btree ("run_id","round");