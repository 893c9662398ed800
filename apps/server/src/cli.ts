// The operator's command line: `npx partnergraph <command>` from the server
// package (or `npm exec -w apps/server partnergraph …` at the repository root).
// It reads the same configuration as the server (DATABASE_URL, DATA_DIR, …):
// with PGlite, stop the server first — one process owns a data directory.
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { loadConfig } from './config';
import { backup, restore } from './db/backup';
import { migrateDatabase, openDatabase, type Database, type Db } from './db/client';
import { writeAudit } from './db/transaction';
import type { Ctx } from './lib/actor';
import { hashPassword } from './lib/passwords';
import { loadSecretBox } from './lib/secrets';
import { exporters, csvStream, jsonStream, type ExportResource } from './modules/exports/exports.service';
import { importFile, type ImportFileOptions } from './modules/imports/import-file';
import { importTypes, type ImportType } from '@partnergraph/shared/contracts/imports';
import { Presets, SingleBar } from 'cli-progress';
import { findActiveAdmin, findUserByEmail } from './modules/identity/identity.repository';
import { findVendor } from './modules/organizations/organizations.repository';
import { bootstrap } from './seed/bootstrap';
import { insertUserRecord } from './modules/identity/identity.records';
import { insertVendorOrganization } from './modules/organizations/organizations.records';
import { fillScale, scales, type Scale } from './seed/scale';
import { runStdioMcp } from './modules/mcp/mcp-stdio';
import path from 'node:path';

const config = loadConfig(process.env);

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrateDatabase(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

/** The command line acts as the first active vendor admin (its audit entries name them, via `cli`). */
export async function operatorCtx(db: Db, scope: 'read' | 'read_write' = 'read_write'): Promise<Ctx> {
  const vendor = await findVendor(db);
  const admin = vendor ? await findActiveAdmin(db, vendor.id) : undefined;
  if (!vendor || !admin)
    throw new Error('No vendor admin yet: run `partnergraph seed` or `create-admin` first');
  return {
    actor: {
      userId: admin.id,
      name: admin.name,
      orgId: vendor.id,
      orgKind: 'vendor',
      role: 'admin',
      via: 'token',
      sessionId: null,
      scope,
    },
    requestId: 'cli',
    ip: null,
    userAgent: 'partnergraph-cli',
  };
}

const program = new Command('partnergraph').description('PartnerGraph operations').showHelpAfterError();

program
  .command('mcp')
  .description(
    'Serve the MCP (Model Context Protocol) on stdio for an AI assistant: every tool is an API call to the running server as the API token in PARTNERGRAPH_TOKEN (docs/MCP.md)',
  )
  .option('--url <url>', 'the running server (PARTNERGRAPH_URL, default PUBLIC_URL)')
  .action(async (opts: { url?: string }) => {
    await runStdioMcp({
      url: opts.url ?? process.env.PARTNERGRAPH_URL ?? config.PUBLIC_URL,
      token: process.env.PARTNERGRAPH_TOKEN,
      metricsFile: path.join(config.repoRoot, 'docs', 'METRICS.md'),
      version: '1.0.0',
    });
  });

program
  .command('migrate')
  .description('Apply the database migrations (the server also does at start)')
  .action(() => withDatabase(async () => console.log('The database is up to date.')));

program
  .command('seed')
  .description(
    'Create the vendor, its first admin and, with --demo, the demo ecosystem (an empty database only)',
  )
  .option('--demo', 'load the demo ecosystem', false)
  .addOption(
    new Option(
      '--scale <size>',
      'a generated ecosystem for load and benchmarks (S: 1,000 partners … L: 100,000)',
    ).choices(Object.keys(scales)),
  )
  .action((opts: { demo: boolean; scale?: Scale }) =>
    withDatabase(async ({ db }) => {
      if (opts.demo && opts.scale) throw new Error('Choose --demo or --scale, not both');
      const result = await bootstrap(db, { ...config, DEMO_DATA: opts.demo });
      if (!result.created) {
        console.error('The database already has a vendor: nothing was seeded.');
        process.exitCode = 1;
        return;
      }
      if (opts.scale) {
        console.error(`Generating scale ${opts.scale}:`);
        await fillScale(db, opts.scale, (line) => console.error(`  ${line}`));
      }
      console.log(
        `Vendor admin: ${result.adminEmail}${result.generatedPassword ? ` / ${result.generatedPassword}` : ''}`,
      );
      for (const d of result.demo)
        console.log(`  ${d.email.padEnd(28)} ${d.role.padEnd(16)} ${d.organization}`);
    }),
  );

program
  .command('create-admin')
  .description('Add a vendor admin (the vendor organization is created if the database is empty)')
  .requiredOption('--email <email>', 'their sign-in address')
  .requiredOption('--name <name>', 'their name')
  .option('--password <password>', 'at least 10 characters (default: generated and printed once)')
  .action((opts: { email: string; name: string; password?: string }) =>
    withDatabase(async ({ db }) => {
      const password = opts.password ?? (await import('node:crypto')).randomBytes(12).toString('base64url');
      if (password.length < 10) throw new Error('--password must be at least 10 characters');
      const email = opts.email.trim().toLowerCase();
      const existing = await findUserByEmail(db, email);
      if (existing) throw new Error(`${email} already has an account`);
      const passwordHash = await hashPassword(password);
      const admin = await db.transaction(async (tx) => {
        const vendor = (await findVendor(tx)) ?? (await insertVendorOrganization(tx, config.VENDOR_NAME));
        const user = await insertUserRecord(tx, {
          organizationId: vendor.id,
          role: 'admin',
          email,
          name: opts.name,
          passwordHash,
        });
        await writeAudit(tx, { actor: null, requestId: 'cli', ip: null }, [
          {
            action: 'user.created_by_cli',
            entityType: 'user',
            entityId: user.id,
            after: { email, role: 'admin' },
          },
        ]);
        return user;
      });
      console.log(
        `Vendor admin ${admin.email}${opts.password ? '' : ` / password ${password} (shown once)`}`,
      );
    }),
  );

program
  .command('import')
  .description('Import a CSV file: upload, dry run (every bad row reported), then commit unless --dry-run')
  .argument('<file>', 'the CSV file')
  .addOption(new Option('--type <type>', 'what the rows are').choices(importTypes).makeOptionMandatory())
  .addOption(
    new Option('--encoding <encoding>', 'the file’s encoding')
      .choices(['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le'])
      .default('utf-8'),
  )
  .option('--mapping <name>', 'a column mapping saved in the web app (default: columns matched by name)')
  .option('--dry-run', 'check the file and report, import nothing', false)
  .action(
    (
      file: string,
      opts: { type: ImportType; encoding: ImportFileOptions['encoding']; mapping?: string; dryRun: boolean },
    ) =>
      withDatabase(async ({ db }) => {
        const bar = new SingleBar(
          {
            format: ' {phase} [{bar}] {percentage}% | {rows} rows',
            stream: process.stderr,
            // Not a terminal (a log, a pipe): a progress line every half second instead of a redrawn bar.
            noTTYOutput: true,
            notTTYSchedule: 500,
            hideCursor: true,
          },
          Presets.shades_classic,
        );
        let phase = '';
        const { result, errors } = await importFile(
          db,
          await operatorCtx(db),
          file,
          { ...opts, dryRunOnly: opts.dryRun, maxBytes: config.IMPORT_MAX_BYTES },
          {
            phase: (name, total) => {
              phase = name.padEnd(7);
              bar.start(Math.max(total, 1), 0, { phase, rows: 0 });
            },
            update: (done, rows) => bar.update(done, { phase, rows }),
            end: () => bar.stop(),
          },
          // The same secrets key as the server's: an imported certification's badge is signed with it.
          { secrets: loadSecretBox(config, (message) => console.warn(message)), config },
        );
        if (result.status === 'committed')
          console.log(
            `Imported ${result.totalRows} rows: ${result.created} created, ${result.updated} updated.`,
          );
        else if (result.status === 'validated')
          console.log(`Dry run: all ${result.totalRows} rows are ready to import.`);
        else {
          console.error(
            result.failure ??
              `${result.errorRows} of ${result.totalRows} rows have ${result.errorCount} problems; nothing was imported:`,
          );
          for (const e of errors)
            console.error(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
          if (result.errorCount > errors.length)
            console.error(`  … and ${result.errorCount - errors.length} more`);
          process.exitCode = 1;
        }
      }),
  );

program
  .command('export')
  .description('Export a resource as the vendor sees it (CSV or JSON), streamed')
  .addArgument(program.createArgument('<resource>').choices(Object.keys(exporters)))
  .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
  .option('--out <file>', 'write to a file instead of standard output')
  .action((resource: ExportResource, opts: { format: 'csv' | 'json'; out?: string }) =>
    withDatabase(async ({ db }) => {
      const ctx = await operatorCtx(db, 'read');
      const source = opts.format === 'json' ? jsonStream(db, ctx, resource) : csvStream(db, ctx, resource);
      // Progress on standard error, so standard output stays the data.
      let bytes = 0;
      const progress = setInterval(
        () => process.stderr.write(`\r${resource}: ${(bytes / 1024).toFixed(0)} KiB`),
        500,
      );
      source.on('data', (chunk: string | Buffer) => (bytes += Buffer.byteLength(chunk)));
      const sink = opts.out ? fs.createWriteStream(opts.out) : stdoutSink();
      try {
        await pipeline(source, sink);
      } finally {
        clearInterval(progress);
        process.stderr.write(
          `\r${resource}: ${(bytes / 1024).toFixed(0)} KiB written${opts.out ? ` to ${opts.out}` : ''}\n`,
        );
      }
    }),
  );

program
  .command('backup')
  .description(
    'Write a consistent backup of the embedded database, the server running or not (with DATABASE_URL: pg_dump)',
  )
  .requiredOption('--out <file>', "the backup file: a .tar.gz of DATA_DIR, or pg_dump's custom format")
  .action(async (opts: { out: string }) => {
    const result = await backup(config, opts.out);
    const from = {
      'running server': `the running server's DATA_DIR ${config.DATA_DIR}`,
      'data directory': `DATA_DIR ${config.DATA_DIR}`,
      pg_dump: 'PostgreSQL (pg_dump --format=custom; restore it with pg_restore)',
    }[result.source];
    console.log(
      `Backup of ${from} written to ${opts.out}: ${Math.ceil(result.bytes / 1024).toLocaleString('en')} KiB in ${(result.ms / 1000).toFixed(1)} s`,
    );
  });

program
  .command('restore')
  .description(
    'Restore an embedded-database backup into DATA_DIR, then migrate it (the server must be stopped)',
  )
  .argument('<file>', 'a .tar.gz written by `partnergraph backup`')
  .option(
    '--force',
    'replace a non-empty DATA_DIR: it is moved aside to DATA_DIR.before-restore-<time>',
    false,
  )
  .action(async (file: string, opts: { force: boolean }) => {
    const result = await restore(config, file, opts);
    if (result.movedAside) console.log(`The previous DATA_DIR is kept at ${result.movedAside}`);
    const n = result.counts;
    console.log(
      `Restored ${file} into DATA_DIR ${config.DATA_DIR}: ${n.organizations} organizations, ${n.deals} deals, ${n.users} users` +
        (result.migrationsApplied ? ` (${result.migrationsApplied} migrations applied)` : ''),
    );
  });

/** Standard output as a stream that is not closed at the end (closing it would end the process's output). */
function stdoutSink() {
  return new Writable({
    write(chunk, _enc, done) {
      if (process.stdout.write(chunk)) done();
      else process.stdout.once('drain', done);
    },
  });
}

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
