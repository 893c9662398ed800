CREATE TABLE "fund_request_leads" (
	"request_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_request_leads_request_id_lead_id_pk" PRIMARY KEY("request_id","lead_id")
);
--> statement-breakpoint
ALTER TABLE "fund_request_leads" ADD CONSTRAINT "fund_request_leads_request_id_fund_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."fund_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_request_leads" ADD CONSTRAINT "fund_request_leads_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_request_leads_lead_idx" ON "fund_request_leads" USING btree ("lead_id");