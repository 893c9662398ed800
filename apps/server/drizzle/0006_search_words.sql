CREATE TABLE "marketplace_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "marketplace_words_trgm" ON "marketplace_words" USING gin ("word" gin_trgm_ops);