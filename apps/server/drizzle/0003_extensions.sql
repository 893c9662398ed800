-- Trigram similarity for fuzzy name matching (duplicate applications, conflicts, search).
-- drizzle-kit emits no CREATE EXTENSION, so it lives in a custom migration.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "organizations_name_trgm_idx" ON "organizations" USING gin (lower("name") gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "applications_name_trgm_idx" ON "applications" USING gin (lower("company_name") gin_trgm_ops);
