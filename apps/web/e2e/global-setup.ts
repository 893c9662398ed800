import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/accounts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's log (JSON lines): without SMTP, emails are written there, links and all. */
    serverLog: string;
  }
}

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
// Migrating and seeding the two-year demo takes well under a minute on a quiet machine, and several minutes
// on a loaded one (several runs sharing two cores). A server that exits while starting is reported at once.
const READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_MS ?? 300_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilReady(baseUrl: string, server: ChildProcess, output: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`The server exited with code ${server.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // The server drains requests on SIGTERM; give it a while, then insist.
    const force = setTimeout(() => server.kill('SIGKILL'), 15_000);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

const WARN = 40; // pino's level number for warn

/**
 * Writes the server's stdout to the terminal as LOG_LEVEL=warn would: warnings and worse, and any
 * line that is not a JSON log record. Whole lines only, since a chunk may end mid-line.
 */
function forwardWarnings() {
  let pending = '';
  return (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      let level = WARN;
      try {
        level = (JSON.parse(line) as { level?: number }).level ?? WARN;
      } catch {
        // Not a log record: show it.
      }
      if (level >= WARN) process.stdout.write(`${line}\n`);
    }
  };
}

/** Starts one server with a throwaway data directory and demo data for the whole run. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'partnergraph-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  const logFile = `${dataDir}.log`;
  const logStream = createWriteStream(logFile);

  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      DEMO_DATA: 'true',
      // The CRM emulators the browser tests connect to listen on 127.0.0.1.
      CRM_ALLOW_PRIVATE: 'true',
      // The browser tests walk tier changes step by step: no scheduled evaluation may promote a partner between steps.
      JOBS: 'false',
      // Emails are logged at info; only warnings and worse reach the terminal (see forwardWarnings).
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Kept for the error message if the server fails to start; warnings during the run go to the terminal.
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', (chunk: Buffer) => logStream.write(chunk));
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);

  try {
    await waitUntilReady(baseUrl, server, () => output);
  } catch (error) {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
    logStream.end();
    await rm(logFile, { force: true });
    throw error;
  }
  server.stdout?.off('data', collect).on('data', forwardWarnings());
  server.stderr?.off('data', collect).on('data', (chunk: Buffer) => process.stderr.write(chunk));

  project.provide('baseUrl', baseUrl);
  project.provide('serverLog', logFile);

  return async () => {
    await stop(server);
    await new Promise((resolve) => logStream.end(resolve));
    await rm(dataDir, { recursive: true, force: true });
    await rm(logFile, { force: true });
  };
}
