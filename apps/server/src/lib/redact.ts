// Secrets never reach the audit log or the outbox, whatever a service passes in.
// Named exactly, not by pattern: an agreement's contentHash is evidence and must stay.
const secretKeys = new Set([
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'tokenHash',
  'csrfToken',
  'secret',
  'apiKey',
]);

/** Exact names, plus camelCase names ending in Token, Secret or Password (apiToken, clientSecret…). */
const isSecretKey = (k: string) => secretKeys.has(k) || /[a-z](Token|Secret|Password)$/.test(k);

export function redact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redact) as T;
  if (value instanceof Date) return value.toISOString() as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !isSecretKey(k))
        .map(([k, v]) => [k, redact(v)]),
    ) as T;
  }
  return value;
}
