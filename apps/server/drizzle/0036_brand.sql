ALTER TABLE "settings" ADD COLUMN "brand_name" text;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "brand_primary_color" text;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "brand_support_email" text;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "brand_support_url" text;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "brand_logo_file_id" uuid;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "brand_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "brand_updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_brand_logo_file_id_files_id_fk" FOREIGN KEY ("brand_logo_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;