import { randomBytes } from 'node:crypto';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { writeAudit } from '../db/transaction';
import { hashPassword } from '../lib/passwords';
import { loadSecretBox, type SecretBox } from '../lib/secrets';
import { findVendor } from '../modules/organizations/organizations.repository';
import { loadDemoEcosystem, type DemoSignIn } from './demo';
import { createUser, createVendorOrganization } from './factories';

export interface BootstrapResult {
  created: boolean;
  adminEmail?: string;
  /** Set only when the password was generated here: printed once, never stored in clear. */
  generatedPassword?: string;
  demo: DemoSignIn[];
}

/** On an empty database: the vendor, its first admin and (unless DEMO_DATA=false) the demo ecosystem, in one transaction. */
export async function bootstrap(db: Db, config: Config, secrets?: SecretBox): Promise<BootstrapResult> {
  if (await findVendor(db)) return { created: false, demo: [] };
  const generatedPassword = config.ADMIN_PASSWORD ? undefined : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(config.ADMIN_PASSWORD ?? generatedPassword!);
  return db.transaction(async (tx) => {
    const vendor = await createVendorOrganization(tx, config.VENDOR_NAME);
    const admin = await createUser(tx, {
      organizationId: vendor.id,
      role: 'admin',
      email: config.ADMIN_EMAIL,
      name: 'Administrator',
      passwordHash,
    });
    // The demo's certifications carry signed badges: sealed with the key the server will use.
    const badges = config.DEMO_DATA
      ? { secrets: secrets ?? loadSecretBox(config, (message) => console.warn(message)), config }
      : undefined;
    const demo = config.DEMO_DATA ? await loadDemoEcosystem(tx, vendor, { badges }) : [];
    await writeAudit(tx, { actor: null, requestId: 'bootstrap', ip: null }, [
      {
        action: 'system.bootstrapped',
        entityType: 'organization',
        entityId: vendor.id,
        after: { adminUserId: admin.id, demoData: config.DEMO_DATA },
      },
    ]);
    return {
      created: true,
      adminEmail: admin.email,
      ...(generatedPassword ? { generatedPassword } : {}),
      demo,
    };
  });
}
