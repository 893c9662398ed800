// The operator's command line, run as a real process on a fresh embedded database.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/partnergraph.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const res = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe('partnergraph CLI', () => {
  it('migrates, creates an admin once, and exports what is there', () => {
    expect(cli('migrate')).toMatchObject({ code: 0, out: expect.stringContaining('up to date') });
    const created = cli(
      'create-admin',
      '--email',
      'Ops@Vendor.test',
      '--name',
      'Ops',
      '--password',
      'a-long-password',
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain('ops@vendor.test');
    const again = cli('create-admin', '--email', 'ops@vendor.test', '--name', 'Ops');
    expect(again.code).toBe(1);
    expect(again.err).toContain('already has an account');
    const file = path.join(dataDir, 'users.json');
    expect(cli('export', 'users', '--format', 'json', '--out', file).code).toBe(0);
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { email: string; role: string }[];
    expect(exported).toEqual([expect.objectContaining({ email: 'ops@vendor.test', role: 'admin' })]);
    const bad = cli('export', 'secrets');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/Allowed choices are partners, users/);
  }, 240_000);

  it('seeds a generated ecosystem at scale S (CI keeps the generator working)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-scale-'));
    try {
      const res = spawnSync(process.execPath, [bin, 'seed', '--scale', 'S'], {
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect(res.status, res.stderr).toBe(0);
      expect(res.stderr).toMatch(/partners: [\d.]+ s/);
      const out = path.join(dir, 'deals.json');
      const exported = spawnSync(
        process.execPath,
        [bin, 'export', 'fx-rates', '--format', 'json', '--out', out],
        {
          env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir, LOG_LEVEL: 'warn' },
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      expect(exported.status, exported.stderr).toBe(0);
      // 60 months of EUR and JPY rates.
      expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toHaveLength(120);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
