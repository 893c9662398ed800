-- The eight default partner types (product.md). Vendors rename, add and retire types later; codes are stable.
INSERT INTO "partner_types" ("code", "name", "description", "sort_order") VALUES
  ('reseller', 'Reseller / value-added reseller', 'Buys and resells the vendor''s products, often adding services.', 10),
  ('distributor', 'Distributor', 'Supplies resellers at scale: logistics, credit and enablement.', 20),
  ('msp', 'Managed service provider', 'Runs the product for customers as a managed service.', 30),
  ('system_integrator', 'System integrator', 'Designs and implements solutions that combine the product with others.', 40),
  ('isv', 'Independent software vendor', 'Builds software on or with the product.', 50),
  ('technology_partner', 'Technology partner', 'Integrates its technology with the product.', 60),
  ('referral_partner', 'Referral partner', 'Refers opportunities for a fee, without selling.', 70),
  ('community_influencer', 'Community influencer', 'Educates and influences buyers: creators, trainers, user-group leads.', 80)
ON CONFLICT ("code") DO NOTHING;
