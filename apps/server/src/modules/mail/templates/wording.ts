// Phrases several kinds of email share.
import { paragraph, platformName } from '../layout';

/** A day as people read it in any time zone: 2025-03-14. */
export const dayOf = (d: Date) => d.toISOString().slice(0, 10);
export const timeOf = (d: Date) => `${dayOf(d)} ${d.toISOString().slice(11, 16)} UTC`;
export const hello = (name: string) => paragraph(`Hello ${name},`);
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Notifications to an organization go to its partner administrators. */
export const adminReason = (organizationName: string) =>
  `You received this email as a partner administrator of ${organizationName} on ${platformName()}.`;
