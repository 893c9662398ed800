// The real server process, as `npm start` runs it: configuration errors, the
// data-directory lock, graceful shutdown, and state (sessions included) that
// survives a restart on the embedded database; and the compiled build `npm start` runs.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const serverTs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/server.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-proc-'));
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>, args = ['--import', 'tsx', serverTs]) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', DEMO_DATA: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitReady(port: number, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become ready');
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The command lines of a process's descendants (Linux /proc). */
function descendants(pid: number): string[] {
  const found: string[] = [];
  for (const d of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue;
      found.push(
        fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').join(' '),
        ...descendants(Number(d)),
      );
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe('the server process', () => {
  it('stops at start with one line naming a bad variable', async () => {
    const p = start({ PORT: 'eighty' });
    expect(await p.exited).toBe(1);
    expect(
      p
        .output()
        .trim()
        .split('\n')
        .filter((l) => !l.includes('npm warn')),
    ).toEqual(['Invalid configuration: PORT must be a port number (got "eighty")']);
  });

  it('keeps data and sessions across a graceful restart, and refuses a second process on the same directory', async () => {
    const port = await freePort();
    const env = {
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: 'owner@example.com',
      ADMIN_PASSWORD: 'owner-password-1',
    };
    const first = start(env);
    await waitReady(port);
    expect(first.output()).toContain('Vendor admin: owner@example.com');

    const second = start({ ...env, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is in use by another PartnerGraph process');

    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.com', password: 'owner-password-1' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const again = start(env);
    await waitReady(port);
    expect(again.output()).not.toContain('Vendor admin:');
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('owner@example.com');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 120_000);

  it('runs compiled as npm start does: the server, its embedded database process and the CLI, without TypeScript', async () => {
    const serverDir = path.resolve(path.dirname(serverTs), '..');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: serverDir, stdio: 'ignore' });
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-compiled-'));
    try {
      const server = start({ PORT: String(port), DATA_DIR: dir, ADMIN_PASSWORD: 'owner-password-1' }, [
        path.join(serverDir, 'dist/server.js'),
      ]);
      await waitReady(port);
      const processes = descendants(server.child.pid!);
      expect(processes.some((p) => p.includes('dist/db/pglite-process.js'))).toBe(true);
      expect(processes.filter((p) => p.includes('tsx'))).toEqual([]);
      const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`);
      expect(me.status).toBe(401);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      const help = execFileSync(process.execPath, [path.join(serverDir, 'dist/cli.js'), '--help'], {
        encoding: 'utf8',
      });
      expect(help).toContain('migrate');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
