DROP INDEX "deals_name_key_trgm";--> statement-breakpoint
CREATE INDEX "deals_name_key_trgm" ON "deals" USING gin ("customer_name_key" gin_trgm_ops) WITH (fastupdate=false);