DROP INDEX "quiz_questions_position_unique";--> statement-breakpoint
ALTER TABLE "content_assets" ADD COLUMN "collection_position" integer;--> statement-breakpoint
ALTER TABLE "content_collections" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "quiz_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_paths" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_questions" ADD COLUMN "quiz_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_submissions" ADD COLUMN "quiz_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_questions_position_unique" ON "quiz_questions" USING btree ("course_id","quiz_version","position");