import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets at rest (CRM tokens, SSO client secrets, TOTP seeds): AES-256-GCM
 * from node:crypto, one random 96-bit IV per value, and the row they belong to
 * as additional authenticated data — so a sealed value copied into another row
 * (or another purpose) fails to open instead of quietly working there.
 *
 * Sealed form: `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url). The key id
 * (first 8 hex digits of the key's SHA-256) turns "wrong SECRETS_KEY" into a
 * clear message rather than a bare authentication failure.
 */
export class SecretBox {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('a secrets key is 32 bytes');
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  /** `context` names what the value is for and whose it is, e.g. `crm.connection:<id>:refreshToken`. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'));
    return ['v1', this.keyId, ...parts].join('.');
  }

  open(sealed: string, context: string): string {
    const [version, keyId, iv, body, tag] = sealed.split('.');
    if (version !== 'v1' || !keyId || iv === undefined || body === undefined || tag === undefined) {
      throw new SecretError('not a sealed secret');
    }
    if (keyId !== this.keyId) {
      throw new SecretError(
        `sealed with another key (${keyId}; this server's SECRETS_KEY is ${this.keyId}): restore the key it was sealed with`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      throw new SecretError('the sealed value does not open: it was altered or belongs to another record');
    }
  }
}

export class SecretError extends Error {}

export interface SecretsKeySource {
  /** base64 (or base64url) of 32 random bytes, from SECRETS_KEY. */
  SECRETS_KEY?: string | undefined;
  DATA_DIR: string;
}

/**
 * SECRETS_KEY when set; otherwise a key kept in DATA_DIR/secrets.key, generated
 * on first start (mode 0600) with a warning: fine for one machine, but a backup
 * of the database alone is then unreadable without that file.
 */
export function loadSecretBox(source: SecretsKeySource, warn: (message: string) => void): SecretBox {
  if (source.SECRETS_KEY) return new SecretBox(decodeKey(source.SECRETS_KEY, 'SECRETS_KEY'));
  const file = path.join(source.DATA_DIR, 'secrets.key');
  if (fs.existsSync(file)) return new SecretBox(decodeKey(fs.readFileSync(file, 'utf8').trim(), file));
  fs.mkdirSync(source.DATA_DIR, { recursive: true });
  const key = randomBytes(32);
  try {
    fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process generated it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return new SecretBox(decodeKey(fs.readFileSync(file, 'utf8').trim(), file));
    }
    throw err;
  }
  warn(
    `SECRETS_KEY is not set: generated one into ${file}. Keep that file with your backups, or set SECRETS_KEY (base64 of 32 random bytes) in production.`,
  );
  return new SecretBox(key);
}

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  if (key.length !== 32)
    throw new SecretError(`${where} must be base64 of exactly 32 bytes (got ${key.length})`);
  return key;
}
