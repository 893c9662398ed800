import path from 'node:path';
import { z } from 'zod';
import { repoRoot } from './lib/runtime';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATA_DIR: z.string().min(1, 'must not be empty').default(path.join(repoRoot, 'data')),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  ADMIN_EMAIL: z.email('must be an email address').default('admin@example.com'),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
  VENDOR_NAME: z.string().min(2).max(200).default('Acme Software'),
  DEMO_DATA: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('PartnerGraph <no-reply@partnergraph.local>'),
  TRUST_PROXY: bool.default(false),
  /** Recurring jobs (tier evaluation, deadlines, protection expiry). Off only where a run must not move data under a test. */
  JOBS: bool.default(true),
  /** Webhook URLs on loopback, link-local or private addresses are refused unless this is set (a trusted network). */
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  /**
   * CRM login URLs, instance URLs and API bases on loopback, link-local or private addresses are refused
   * unless this is set (a CRM emulator, or a CRM proxy on a trusted network): see docs/CRM.md.
   */
  CRM_ALLOW_PRIVATE: bool.default(false),
  /** How long a failing webhook delivery is retried before it is marked failed. */
  WEBHOOK_RETRY_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 14)
    .default(24),
  /** The largest CSV file an import accepts (stored in the database in 1 MiB pieces). */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(512 * 1024 * 1024),
  /**
   * Caps every uploaded file (claim proofs, content assets); each kind has its own lower limit too
   * (files.policies.ts). Files are stored in the database in 1 MiB pieces.
   */
  FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024),
  /** Where the built web app is served from (default apps/web/dist): a second build can be tried beside the first. */
  WEB_DIST: z.string().min(1).optional(),
  /** Seals CRM tokens, SSO secrets and MFA seeds at rest: base64 of 32 random bytes. Generated into DATA_DIR/secrets.key when unset. */
  SECRETS_KEY: z.string().min(1).optional(),
  /**
   * The DNS servers that check domain-proof TXT records (comma-separated `ip` or `ip:port`): a
   * self-hosted install points this at its own resolver. Unset: the system's resolvers.
   */
  DNS_SERVERS: z
    .string()
    .regex(
      /^(\[[0-9a-fA-F:]+\](:\d{1,5})?|[0-9a-fA-F:.]+)(\s*,\s*(\[[0-9a-fA-F:]+\](:\d{1,5})?|[0-9a-fA-F:.]+))*$/,
      'must be comma-separated IP addresses, each optionally with :port',
    )
    .optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .transform((u) => u.replace(/\/$/, ''))
    .optional(),
});

export type Config = Omit<z.infer<typeof envSchema>, 'PUBLIC_URL'> & {
  /** Where people reach the web app: links in emails point here. */
  PUBLIC_URL: string;
  webDist: string;
  repoRoot: string;
};

export class ConfigError extends Error {}

/** Parses the environment; an invalid value throws with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset" so that `FOO= npm start` behaves like no FOO.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new ConfigError(
      `Invalid configuration: ${name} ${issue.message} (got ${JSON.stringify(env[name])})`,
    );
  }
  const publicUrl = parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`;
  return {
    ...parsed.data,
    PUBLIC_URL: publicUrl,
    repoRoot,
    webDist: parsed.data.WEB_DIST ?? path.join(repoRoot, 'apps/web/dist'),
  };
}
