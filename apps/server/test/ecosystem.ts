import type { Db } from '../src/db/client';
import { findVendor } from '../src/modules/organizations/organizations.repository';
import {
  createPartnerOrganization,
  createUser,
  createVendorOrganization,
  DEMO_PASSWORD,
} from '../src/seed/factories';

export const PASSWORD = DEMO_PASSWORD;

/**
 * A small hand-built ecosystem that most route tests start from: the vendor
 * with one user per staff role, and two partners (A, managed by cm; B, by
 * nobody) each with an admin and a user.
 */
export async function buildEcosystem(db: Db) {
  const vendor = (await findVendor(db)) ?? (await createVendorOrganization(db, 'Test Vendor'));
  const tag = Math.random().toString(36).slice(2, 8);
  const admin = await createUser(db, {
    organizationId: vendor.id,
    role: 'admin',
    email: `admin-${tag}@vendor.test`,
    name: 'Vera Admin',
  });
  const cm = await createUser(db, {
    organizationId: vendor.id,
    role: 'channel_manager',
    email: `cm-${tag}@vendor.test`,
    name: 'Carl Manager',
  });
  const analyst = await createUser(db, {
    organizationId: vendor.id,
    role: 'analyst',
    email: `analyst-${tag}@vendor.test`,
    name: 'Ana Lyst',
  });
  const partnerA = await createPartnerOrganization(db, {
    name: `Alpha ${tag}`,
    types: ['reseller', 'msp'],
    country: 'DE',
    channelManagerId: cm.id,
  });
  const partnerB = await createPartnerOrganization(db, {
    name: `Beta ${tag}`,
    types: ['isv'],
    country: 'FR',
  });
  const aAdmin = await createUser(db, {
    organizationId: partnerA.id,
    role: 'partner_admin',
    email: `admin-${tag}@alpha.test`,
    name: 'Alice Alpha',
  });
  const aUser = await createUser(db, {
    organizationId: partnerA.id,
    role: 'partner_user',
    email: `user-${tag}@alpha.test`,
    name: 'Adam Alpha',
  });
  const bAdmin = await createUser(db, {
    organizationId: partnerB.id,
    role: 'partner_admin',
    email: `admin-${tag}@beta.test`,
    name: 'Bob Beta',
  });
  const bUser = await createUser(db, {
    organizationId: partnerB.id,
    role: 'partner_user',
    email: `user-${tag}@beta.test`,
    name: 'Bea Beta',
  });
  return { vendor, admin, cm, analyst, partnerA, partnerB, aAdmin, aUser, bAdmin, bUser };
}
export type Ecosystem = Awaited<ReturnType<typeof buildEcosystem>>;
