CREATE TABLE "partner_graphs" (
	"window_to" text PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"graph" jsonb NOT NULL,
	"connectors" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "direct_coverage" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "engagement_weights" jsonb DEFAULT '{"post":3,"comment":1,"eventAttended":5,"referralSent":4,"dealRegistered":4,"profileUpdated":1}'::jsonb NOT NULL;