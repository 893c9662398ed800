-- A won or lost deal stops being open at the end of its close date, not at its start:
-- at the end of the day before closing it was still open (metrics.md "open deal at t").
UPDATE "deals" SET "ended_at" = ("close_date" + 1)::timestamp AT TIME ZONE 'UTC'
WHERE "status" IN ('won', 'lost') AND "close_date" IS NOT NULL;
