-- What a marketplace search reads is kept by the database, not by the code that writes it.
-- An organization's status is written by the partner service, the importer (insert and batch
-- update), the demo and scale seeds, the benches and tests' SQL; a profile's facet columns by
-- publishing, withdrawing, the importer, enablement (certifications) and cascaded deletes. A
-- trigger keeps every one of them in step, in the same transaction, including paths written
-- after this one; code in each would be one forgotten call from a suspended partner listed.

-- partner_profiles.organization_active: the partner organization's status on the profile, so
-- a search reads the profiles alone (the per-row organization look-up was ~4,000 of a capped
-- search's ~5,000 buffers).
CREATE FUNCTION partner_profile_organization_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.organization_active := coalesce(
    (SELECT o.status = 'active' FROM organizations o WHERE o.id = NEW.organization_id), false);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER partner_profile_organization_active BEFORE INSERT ON "partner_profiles"
  FOR EACH ROW EXECUTE FUNCTION partner_profile_organization_active();
--> statement-breakpoint
CREATE FUNCTION organization_status_to_profile() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partner_profiles SET organization_active = (NEW.status = 'active')
  WHERE organization_id = NEW.id AND organization_active <> (NEW.status = 'active');
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organization_status_to_profile AFTER UPDATE OF status ON "organizations"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION organization_status_to_profile();
--> statement-breakpoint
-- marketplace_facet_counts: how many listed profiles (published, partner active) carry each
-- facet value, and ('', '') how many are listed. Statement triggers with transition tables:
-- one upsert per statement however many profiles an import writes; the changes are netted
-- first, so a draft edit (nothing listed changes) locks no count, and the keys are taken in
-- order, so two publishes cannot deadlock. Rows that fall to zero stay (readers skip them).
CREATE FUNCTION marketplace_facet_entries(
  types text[], countries text[], industries text[], services text[], badges text[], certifications text[]
) RETURNS TABLE (facet text, value text) LANGUAGE sql IMMUTABLE AS $$
  SELECT '', ''
  UNION ALL SELECT 'type', v FROM unnest(types) v
  UNION ALL SELECT 'country', v FROM unnest(countries) v
  UNION ALL SELECT 'industry', v FROM unnest(industries) v
  UNION ALL SELECT 'service', v FROM unnest(services) v
  UNION ALL SELECT 'badge', v FROM unnest(badges) v
  UNION ALL SELECT 'certification', v FROM unnest(certifications) v
$$;
--> statement-breakpoint
CREATE FUNCTION marketplace_facet_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM marketplace_facet_counts;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO marketplace_facet_counts AS c (facet, value, count)
    SELECT e.facet, e.value, count(*)::int
    FROM new_rows p, marketplace_facet_entries(p.types, p.countries, p.industries, p.services, p.badges, p.certifications) e
    WHERE p.status = 'published' AND p.organization_active
    GROUP BY e.facet, e.value ORDER BY e.facet, e.value
    ON CONFLICT (facet, value) DO UPDATE SET count = c.count + excluded.count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO marketplace_facet_counts AS c (facet, value, count)
    SELECT e.facet, e.value, -count(*)::int
    FROM old_rows p, marketplace_facet_entries(p.types, p.countries, p.industries, p.services, p.badges, p.certifications) e
    WHERE p.status = 'published' AND p.organization_active
    GROUP BY e.facet, e.value ORDER BY e.facet, e.value
    ON CONFLICT (facet, value) DO UPDATE SET count = c.count + excluded.count;
  ELSE
    INSERT INTO marketplace_facet_counts AS c (facet, value, count)
    SELECT e.facet, e.value, sum(p.delta)::int
    FROM (
      SELECT n.types, n.countries, n.industries, n.services, n.badges, n.certifications, 1 AS delta
      FROM new_rows n WHERE n.status = 'published' AND n.organization_active
      UNION ALL
      SELECT o.types, o.countries, o.industries, o.services, o.badges, o.certifications, -1
      FROM old_rows o WHERE o.status = 'published' AND o.organization_active
    ) p, marketplace_facet_entries(p.types, p.countries, p.industries, p.services, p.badges, p.certifications) e
    GROUP BY e.facet, e.value HAVING sum(p.delta) <> 0 ORDER BY e.facet, e.value
    ON CONFLICT (facet, value) DO UPDATE SET count = c.count + excluded.count;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER marketplace_facet_counts_insert AFTER INSERT ON "partner_profiles"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marketplace_facet_counts_apply();
--> statement-breakpoint
CREATE TRIGGER marketplace_facet_counts_update AFTER UPDATE ON "partner_profiles"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marketplace_facet_counts_apply();
--> statement-breakpoint
CREATE TRIGGER marketplace_facet_counts_delete AFTER DELETE ON "partner_profiles"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marketplace_facet_counts_apply();
--> statement-breakpoint
CREATE TRIGGER marketplace_facet_counts_truncate AFTER TRUNCATE ON "partner_profiles"
  FOR EACH STATEMENT EXECUTE FUNCTION marketplace_facet_counts_apply();
--> statement-breakpoint
-- Backfill: every profile starts unlisted (the column's default); marking those of active
-- partners counts them through the update trigger above.
UPDATE partner_profiles p SET organization_active = true
FROM organizations o WHERE o.id = p.organization_id AND o.status = 'active';
