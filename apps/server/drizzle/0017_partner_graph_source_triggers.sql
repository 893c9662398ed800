-- What the partner graph reads (network.service.ts): every statement that writes it moves
-- partner_graph_sources, so a stored graph knows whether it is still current. Statement
-- triggers, not row triggers: one step per statement, however many rows an import writes.
CREATE FUNCTION partner_graph_source_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('partner_graph_sources');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER partner_graph_source AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "connections"
  FOR EACH STATEMENT EXECUTE FUNCTION partner_graph_source_changed();
--> statement-breakpoint
CREATE TRIGGER partner_graph_source AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "referrals"
  FOR EACH STATEMENT EXECUTE FUNCTION partner_graph_source_changed();
--> statement-breakpoint
CREATE TRIGGER partner_graph_source AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "deals"
  FOR EACH STATEMENT EXECUTE FUNCTION partner_graph_source_changed();
--> statement-breakpoint
CREATE TRIGGER partner_graph_source AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "deal_involvements"
  FOR EACH STATEMENT EXECUTE FUNCTION partner_graph_source_changed();
--> statement-breakpoint
CREATE TRIGGER partner_graph_source AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION partner_graph_source_changed();
--> statement-breakpoint
CREATE TRIGGER partner_graph_source AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organization_partner_types"
  FOR EACH STATEMENT EXECUTE FUNCTION partner_graph_source_changed();
--> statement-breakpoint
CREATE TRIGGER partner_graph_source AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "partner_types"
  FOR EACH STATEMENT EXECUTE FUNCTION partner_graph_source_changed();
--> statement-breakpoint
CREATE TRIGGER partner_graph_source AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enrollments"
  FOR EACH STATEMENT EXECUTE FUNCTION partner_graph_source_changed();
--> statement-breakpoint
-- Graphs stored before the count began are not known to be current.
SELECT nextval('partner_graph_sources');
