import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadSecretBox, SecretBox } from './secrets';

describe('secrets at rest', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed, and never stores the plain text', () => {
    const sealed = box.seal('refresh-token-123', 'crm.connection:a:refresh');
    expect(sealed).not.toContain('refresh-token-123');
    expect(box.open(sealed, 'crm.connection:a:refresh')).toBe('refresh-token-123');
    expect(box.seal('same', 'c')).not.toBe(box.seal('same', 'c'));
  });

  it('refuses a value moved to another record, altered, or sealed with another key', () => {
    const sealed = box.seal('secret', 'crm.connection:a:refresh');
    expect(() => box.open(sealed, 'crm.connection:b:refresh')).toThrow(/another record/);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'), 'crm.connection:a:refresh')).toThrow(/altered/);
    expect(() => new SecretBox(randomBytes(32)).open(sealed, 'crm.connection:a:refresh')).toThrow(
      /another key/,
    );
  });

  it('generates a key into the data directory once, with a warning, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-secrets-'));
    const warnings: string[] = [];
    const first = loadSecretBox({ DATA_DIR: dir }, (m) => warnings.push(m));
    const second = loadSecretBox({ DATA_DIR: dir }, (m) => warnings.push(m));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/SECRETS_KEY is not set/);
    expect(second.open(first.seal('x', 'k'), 'k')).toBe('x');
    expect(fs.statSync(path.join(dir, 'secrets.key')).mode & 0o777).toBe(0o600);
    expect(() => loadSecretBox({ DATA_DIR: dir, SECRETS_KEY: 'c2hvcnQ=' }, () => {})).toThrow(/32 bytes/);
  });
});
