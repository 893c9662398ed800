// Real server processes for the suite: the compiled server (`node apps/server/dist/server.js`, built once per
// run) as an operator starts it with `npm start`, on a free loopback port, with its log kept.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_ADMIN = { email: 'admin@bench.test', password: 'bench-admin-password' };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  proc: ChildProcess;
  base: string;
  /** Every line the process wrote (its JSON log and start-up banner). */
  lines: string[];
  /** Milliseconds from spawn until /readyz first answered 200. */
  readyMs: number;
  stop(): Promise<void>;
}

let serverBuilt = false;
/** Compiles the server (apps/server/scripts/build.mjs) once per process, so a run measures the current source. */
export function buildServer(): string {
  const serverDir = path.join(repoRoot, 'apps/server');
  if (!serverBuilt) {
    execFileSync(process.execPath, ['scripts/build.mjs'], {
      cwd: serverDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    serverBuilt = true;
  }
  return path.join(serverDir, 'dist/server.js');
}

export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const entry = buildServer();
  const port = await freePort();
  const started = performance.now();
  const proc = spawn(process.execPath, [entry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean));
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  let readyMs = -1;
  while (performance.now() - started < timeoutMs) {
    if (proc.exitCode !== null)
      throw new Error(`server exited (${proc.exitCode}):\n${lines.slice(-20).join('\n')}`);
    const ok = await fetch(`${base}/readyz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) {
      readyMs = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  if (readyMs < 0) {
    proc.kill('SIGKILL');
    throw new Error(`server not ready in ${timeoutMs} ms:\n${lines.slice(-20).join('\n')}`);
  }
  return {
    proc,
    base,
    lines,
    readyMs,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const timer = setTimeout(() => proc.kill('SIGKILL'), 25_000);
      proc.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident memory of a process and every process under it (the embedded database's included), in MiB. */
export function rssTreeMb(pid: number): {
  total: number;
  processes: { pid: number; command: string; mb: number }[];
} {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone meanwhile
    }
  }
  const processes: { pid: number; command: string; mb: number }[] = [];
  const walk = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const command = fs
        .readFileSync(`/proc/${p}/cmdline`, 'utf8')
        .split('\0')
        .filter(Boolean)
        .slice(-2)
        .join(' ');
      processes.push({ pid: p, command, mb: Math.round(kb / 1024) });
    } catch {
      return;
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return { total: processes.reduce((s, p) => s + p.mb, 0), processes };
}

/** Signs in; answers the session cookie and the CSRF token. */
export async function signIn(base: string, email = BENCH_ADMIN.email, password = BENCH_ADMIN.password) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in: ${r.status} ${await r.text()}`);
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}
