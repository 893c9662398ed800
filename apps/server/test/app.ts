import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { migrateDatabase, openDatabase, type Database } from '../src/db/client';
import { createMemoryMailer } from '../src/lib/mail';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  mailer: ReturnType<typeof createMemoryMailer>;
  close(): Promise<void>;
}

/**
 * A freshly migrated database and an app on it. PGlite by default (a copy of
 * the migrated template); with DATABASE_URL, a new database on that server,
 * dropped afterwards.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const url = process.env.DATABASE_URL;
  let database: Database;
  let cleanup: () => Promise<void>;
  if (url) {
    const name = `partnergraph_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: dbUrl.toString(), dataDir: '' });
    await migrateDatabase(database.db);
    cleanup = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const template = inject('templateDir');
    if (!template) throw new Error('The global setup did not prepare a template database');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-test-'));
    fs.cpSync(template, dir, { recursive: true });
    database = await openDatabase({ dataDir: dir });
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const mailer = createMemoryMailer();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    DATA_DIR: os.tmpdir(),
    // The CRM emulators listen on 127.0.0.1, as a CRM proxy on a trusted network would: the operator allows it.
    CRM_ALLOW_PRIVATE: 'true',
    ...env,
  });
  const app = await buildApp({ config, db: database.db, mailer, logger: false });
  await app.ready();
  return {
    app,
    database,
    mailer,
    async close() {
      await app.close();
      await database.close();
      await cleanup();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'pg_session');
  return { cookie: `pg_session=${cookie!.value}`, csrfToken: res.json().csrfToken };
}

/** Requests as a signed-in user, with the CSRF header the web app would send. */
export function as(app: FastifyInstance, session: Session | null) {
  const call = (
    method: InjectOptions['method'],
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...headers } : headers,
    }) as Promise<LightMyRequestResponse>;
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, payload?: unknown, headers?: Record<string, string>) =>
      call('POST', url, payload ?? {}, headers),
    put: (url: string, payload?: unknown, headers?: Record<string, string>) =>
      call('PUT', url, payload ?? {}, headers),
    patch: (url: string, payload?: unknown, headers?: Record<string, string>) =>
      call('PATCH', url, payload ?? {}, headers),
    delete: (url: string, headers?: Record<string, string>) => call('DELETE', url, undefined, headers),
  };
}
