// Secrets never reach the audit log or the outbox, whatever a service passes in.
const secretKey = /password|hash|secret|token|apikey|api_key/i;

export function redact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redact) as T;
  if (value instanceof Date) return value.toISOString() as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !secretKey.test(k))
        .map(([k, v]) => [k, redact(v)]),
    ) as T;
  }
  return value;
}
