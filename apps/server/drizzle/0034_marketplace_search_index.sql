DROP INDEX "partner_profiles_vector_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_types_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_countries_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_industries_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_services_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_badges_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_certifications_idx";--> statement-breakpoint
CREATE INDEX "partner_profiles_search_idx" ON "partner_profiles" USING gin ("search_vector","types","countries","industries","services","badges","certifications") WHERE "partner_profiles"."status" = 'published';