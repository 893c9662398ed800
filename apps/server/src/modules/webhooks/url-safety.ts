import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

const globalUnicast = ipaddr.parseCIDR('2000::/3');

/**
 * Where a webhook may not point (SSRF): loopback, link-local (cloud metadata
 * lives there), private and unique-local ranges, and anything not a public
 * unicast address. Checked when a URL is saved and again, on the resolved
 * address, when each delivery connects.
 */
export function isForbiddenAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress())
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  // ipaddr calls every IPv6 address outside its named ranges unicast, the deprecated
  // IPv4-compatible ::a.b.c.d (::127.0.0.1) included: only global unicast (2000::/3) is public.
  if (ip.kind() === 'ipv6' && !ip.match(globalUnicast)) return true;
  return ip.range() !== 'unicast';
}

/** Every address the host resolves to; a URL whose host resolves to none answers with the reason. */
export async function checkWebhookUrl(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return `The host ${host} does not resolve`;
  }
  const bad = addresses.find(isForbiddenAddress);
  return bad ? `The host resolves to ${bad}, a loopback, link-local or private address` : null;
}
