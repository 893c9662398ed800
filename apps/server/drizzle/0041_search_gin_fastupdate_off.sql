DROP INDEX "marketplace_words_trgm";--> statement-breakpoint
DROP INDEX "partner_profiles_search_idx";--> statement-breakpoint
DROP INDEX "partner_profiles_text_trgm";--> statement-breakpoint
CREATE INDEX "marketplace_words_trgm" ON "marketplace_words" USING gin ("word" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "partner_profiles_search_idx" ON "partner_profiles" USING gin ("search_vector","types","countries","industries","services","badges","certifications") WITH (fastupdate=false) WHERE "partner_profiles"."status" = 'published';--> statement-breakpoint
CREATE INDEX "partner_profiles_text_trgm" ON "partner_profiles" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false) WHERE "partner_profiles"."status" = 'published';