import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { migrateDatabase, openDatabase } from './db/client';
import { startJobRunner } from './jobs/runner';
import { crmSyncJob, jobs, webhookJob } from './jobs/scheduler';
import { loadSecretBox } from './lib/secrets';
import { bootstrap } from './seed/bootstrap';
import { DEMO_PASSWORD } from './seed/factories';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  await migrateDatabase(database.db);
  const boot = await bootstrap(database.db, config);

  const app = await buildApp({ config, db: database.db });
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  // The same key the app loaded (SECRETS_KEY, or the key file it generated): the CRM job opens tokens with it.
  const secrets = loadSecretBox(config, (message) => app.log.warn(message));
  const scheduler = config.JOBS
    ? await startJobRunner(database, app.log, [...jobs, webhookJob(config), crmSyncJob(secrets, config)])
    : { stop: async () => {} };
  const where =
    database.kind === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [`PartnerGraph is running at ${address.replace('127.0.0.1', 'localhost')} on ${where}`];
  if (boot.created) {
    lines.push(
      `Vendor admin: ${boot.adminEmail}` +
        (boot.generatedPassword
          ? ` / password ${boot.generatedPassword} (shown once; change it after signing in)`
          : ' (password from ADMIN_PASSWORD)'),
    );
    if (boot.demo.length) {
      lines.push(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
      for (const d of boot.demo) lines.push(`  ${d.email.padEnd(28)} ${d.role.padEnd(16)} ${d.organization}`);
    }
  }
  if (!config.SMTP_URL) {
    lines.push('SMTP_URL is not set: emails, with their sign-in and reset links, are written to this log.');
  }
  console.warn(lines.join('\n'));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    const force = setTimeout(() => process.exit(1), 20_000);
    await app.close();
    await scheduler.stop();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
