import { uuidv7 } from 'uuidv7';

/** Every id in the system is a UUIDv7: time-ordered, so inserts stay index-friendly. */
export function newId(): string {
  return uuidv7();
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Malformed ids are treated as absent (404), never as a validation error. */
export function isId(value: string | null | undefined): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}
