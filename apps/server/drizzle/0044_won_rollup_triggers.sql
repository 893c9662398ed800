-- The revenue rollup (analytics.tables.ts: analytics_won_deals, analytics_won_daily) is kept by
-- triggers rather than by the services: deals, their involvements and referrals are written by the
-- deal services, imports, the CRM sync, the seed and the test factories, and a trigger keeps every
-- one of them honest, in the writer's own transaction, so the next request reads a current rollup.
-- Statement triggers with transition tables: one set-based step per statement, however many rows an
-- import writes. Only won deals are ever looked at, so registering, approving or editing an open deal
-- writes nothing here and never waits on a rollup row.

-- Recomputes the part of each given deal (metrics.md: won, its confirmed involvements, a partner-to-
-- partner referral) and applies the difference: the stored part is subtracted exactly as it was
-- added, and only deals whose part changed write anything.
CREATE FUNCTION analytics_won_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  WITH fresh AS (
    SELECT d.id AS deal_id, d.close_date AS close_day, d.currency, d.country, d.industry,
      coalesce(inv.sourced, false) AS sourced, coalesce(inv.influenced, false) AS influenced,
      coalesce(inv.integration, false) AS integration, inv.n > 0 AS touched, inv.n >= 2 AS multi,
      rf.id IS NOT NULL AS p2p, d.amount::numeric AS amount,
      CASE WHEN rf.id IS NULL THEN 0 ELSE d.amount::numeric * coalesce(rf.fee_percent, 0) END AS fee_basis
    FROM deals d
    CROSS JOIN LATERAL (
      SELECT count(*) AS n, bool_or(i.role = 'sourced') AS sourced, bool_or(i.role <> 'sourced') AS influenced,
        bool_or(i.role = 'integration') AS integration
      FROM deal_involvements i WHERE i.deal_id = d.id AND i.status = 'confirmed'
    ) inv
    LEFT JOIN referrals rf ON rf.id = d.referral_id AND rf.source = 'partner' AND NOT rf.to_vendor
    WHERE d.id = ANY(ids) AND d.status = 'won' AND d.close_date IS NOT NULL
  ),
  old AS (
    SELECT deal_id, close_day, currency, country, industry, sourced, influenced, integration, touched, multi,
      p2p, amount, fee_basis
    FROM analytics_won_deals WHERE deal_id = ANY(ids)
  ),
  changed AS (
    SELECT deal_id FROM (SELECT * FROM old EXCEPT SELECT * FROM fresh) a
    UNION SELECT deal_id FROM (SELECT * FROM fresh EXCEPT SELECT * FROM old) b
  ),
  gone AS (
    DELETE FROM analytics_won_deals w
    WHERE w.deal_id IN (SELECT deal_id FROM changed) AND w.deal_id NOT IN (SELECT deal_id FROM fresh)
  ),
  put AS (
    INSERT INTO analytics_won_deals AS w
    SELECT * FROM fresh WHERE deal_id IN (SELECT deal_id FROM changed)
    ON CONFLICT (deal_id) DO UPDATE SET close_day = excluded.close_day, currency = excluded.currency,
      country = excluded.country, industry = excluded.industry, sourced = excluded.sourced,
      influenced = excluded.influenced, integration = excluded.integration, touched = excluded.touched,
      multi = excluded.multi, p2p = excluded.p2p, amount = excluded.amount, fee_basis = excluded.fee_basis
  ),
  delta AS (
    SELECT close_day, currency, country, industry, sourced, influenced, integration, touched, multi, p2p,
      -1 AS deals, -amount AS amount, -fee_basis AS fee_basis
    FROM old WHERE deal_id IN (SELECT deal_id FROM changed)
    UNION ALL
    SELECT close_day, currency, country, industry, sourced, influenced, integration, touched, multi, p2p,
      1, amount, fee_basis
    FROM fresh WHERE deal_id IN (SELECT deal_id FROM changed)
  )
  -- In key order, so that two writers touching the same groups lock them in the same order.
  INSERT INTO analytics_won_daily AS w
  SELECT close_day, currency, country, industry, sourced, influenced, integration, touched, multi, p2p,
    sum(deals), sum(amount), sum(fee_basis)
  FROM delta
  GROUP BY close_day, currency, country, industry, sourced, influenced, integration, touched, multi, p2p
  HAVING sum(deals) <> 0 OR sum(amount) <> 0 OR sum(fee_basis) <> 0
  ORDER BY close_day, currency, country, industry, sourced, influenced, integration, touched, multi, p2p
  ON CONFLICT ON CONSTRAINT analytics_won_daily_key DO UPDATE SET deals = w.deals + excluded.deals,
    amount = w.amount + excluded.amount, fee_basis = w.fee_basis + excluded.fee_basis;
  DELETE FROM analytics_won_daily WHERE deals = 0;
END
$$;
--> statement-breakpoint
-- Recomputes the whole rollup from the deals (the backfill below; also after a TRUNCATE).
CREATE FUNCTION analytics_won_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_won_daily;
  DELETE FROM analytics_won_deals;
  PERFORM analytics_won_refresh(ARRAY(SELECT id FROM deals WHERE status = 'won'));
END
$$;
--> statement-breakpoint
-- A deal's part changes when it is won, edited while won, or leaves `won` (reopened, lost, deleted).
CREATE FUNCTION analytics_won_deals_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_won_refresh(ARRAY(SELECT id FROM new_rows WHERE status = 'won'));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM analytics_won_refresh(ARRAY(
      SELECT id FROM new_rows WHERE status = 'won' UNION SELECT id FROM old_rows WHERE status = 'won'));
  ELSE
    PERFORM analytics_won_refresh(ARRAY(SELECT id FROM old_rows WHERE status = 'won'));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The deals' part recomputed under their row locks, taken in id order. A write to a deal's own row
-- holds that lock already; a write elsewhere (an involvement, a referral) does not, and two writers
-- on one deal (an involvement added while another transaction wins the deal) would each recompute
-- from a snapshot without the other's change. With the lock the second waits for the first to
-- commit and recomputes from what it committed (each statement of a volatile function reads a fresh
-- snapshot under READ COMMITTED). Whether the deal is won is read after the lock, for that reason.
CREATE FUNCTION analytics_won_refresh_locked(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM deals WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  PERFORM analytics_won_refresh(ids);
END
$$;
--> statement-breakpoint
-- Involvements set a won deal's flags (sourced, influenced, integration, touched, two partners or more).
-- A deal deleted with its involvements (cascade) has already left: it is no longer found, and its
-- part goes with the deals trigger.
CREATE FUNCTION analytics_won_involvements_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM analytics_won_refresh_locked(ARRAY(SELECT DISTINCT deal_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM analytics_won_refresh_locked(ARRAY(SELECT deal_id FROM new_rows UNION SELECT deal_id FROM old_rows));
  ELSE
    PERFORM analytics_won_refresh_locked(ARRAY(SELECT DISTINCT deal_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A referral decides whether its deal counts as partner-to-partner and at what fee.
CREATE FUNCTION analytics_won_referrals_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_won_refresh_locked(ARRAY(
    SELECT d.id FROM deals d
    WHERE d.referral_id IN (
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.source, n.to_vendor, n.fee_percent) IS DISTINCT FROM (o.source, o.to_vendor, o.fee_percent))));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION analytics_won_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_won_rebuild();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_won_insert AFTER INSERT ON "deals" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_won_deals_written();
--> statement-breakpoint
CREATE TRIGGER analytics_won_update AFTER UPDATE ON "deals" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_won_deals_written();
--> statement-breakpoint
CREATE TRIGGER analytics_won_delete AFTER DELETE ON "deals" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_won_deals_written();
--> statement-breakpoint
CREATE TRIGGER analytics_won_insert AFTER INSERT ON "deal_involvements" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_won_involvements_written();
--> statement-breakpoint
CREATE TRIGGER analytics_won_update AFTER UPDATE ON "deal_involvements" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_won_involvements_written();
--> statement-breakpoint
CREATE TRIGGER analytics_won_delete AFTER DELETE ON "deal_involvements" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_won_involvements_written();
--> statement-breakpoint
-- A new referral has no deal yet (the deal that names it is the deals trigger's), and a referral a
-- deal names cannot be deleted (foreign key): only an update can change a won deal's part.
CREATE TRIGGER analytics_won_update AFTER UPDATE ON "referrals" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_won_referrals_written();
--> statement-breakpoint
CREATE TRIGGER analytics_won_truncate AFTER TRUNCATE ON "deals"
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_won_truncated();
--> statement-breakpoint
CREATE TRIGGER analytics_won_truncate AFTER TRUNCATE ON "deal_involvements"
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_won_truncated();
--> statement-breakpoint
CREATE TRIGGER analytics_won_truncate AFTER TRUNCATE ON "referrals"
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_won_truncated();
--> statement-breakpoint
-- The backfill: every deal already won.
SELECT analytics_won_rebuild();
