CREATE TABLE "marketplace_facet_counts" (
	"facet" text NOT NULL,
	"value" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "marketplace_facet_counts_facet_value_pk" PRIMARY KEY("facet","value")
);
--> statement-breakpoint
DROP INDEX "partner_profiles_search_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_rank_idx";--> statement-breakpoint
ALTER TABLE "partner_profiles" ADD COLUMN "organization_active" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "marketplace_facet_counts_top_idx" ON "marketplace_facet_counts" USING btree ("facet","count" DESC NULLS LAST,"value");--> statement-breakpoint
CREATE INDEX "partner_profiles_search_idx" ON "partner_profiles" USING gin ("search_vector","types","countries","industries","services","badges","certifications") WITH (fastupdate=false) WHERE "partner_profiles"."status" = 'published' and "partner_profiles"."organization_active";--> statement-breakpoint
CREATE INDEX "partner_profiles_rank_idx" ON "partner_profiles" USING btree ("boost" DESC NULLS LAST,"organization_id") WHERE "partner_profiles"."status" = 'published' and "partner_profiles"."organization_active";