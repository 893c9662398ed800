CREATE TABLE "analytics_won_daily" (
	"close_day" date NOT NULL,
	"currency" text NOT NULL,
	"country" text NOT NULL,
	"industry" text,
	"sourced" boolean NOT NULL,
	"influenced" boolean NOT NULL,
	"integration" boolean NOT NULL,
	"touched" boolean NOT NULL,
	"multi" boolean NOT NULL,
	"p2p" boolean NOT NULL,
	"deals" integer NOT NULL,
	"amount" numeric NOT NULL,
	"fee_basis" numeric NOT NULL,
	CONSTRAINT "analytics_won_daily_key" UNIQUE NULLS NOT DISTINCT("close_day","currency","country","industry","sourced","influenced","integration","touched","multi","p2p")
);
--> statement-breakpoint
CREATE TABLE "analytics_won_deals" (
	"deal_id" uuid PRIMARY KEY NOT NULL,
	"close_day" date NOT NULL,
	"currency" text NOT NULL,
	"country" text NOT NULL,
	"industry" text,
	"sourced" boolean NOT NULL,
	"influenced" boolean NOT NULL,
	"integration" boolean NOT NULL,
	"touched" boolean NOT NULL,
	"multi" boolean NOT NULL,
	"p2p" boolean NOT NULL,
	"amount" numeric NOT NULL,
	"fee_basis" numeric NOT NULL
);
--> statement-breakpoint
CREATE INDEX "analytics_won_daily_empty" ON "analytics_won_daily" USING btree ("close_day") WHERE "analytics_won_daily"."deals" = 0;