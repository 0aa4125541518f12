/**
 * Where a channel may send (docs/alert-channels.md N6). A user names the URL or the mail host, and the server
 * makes the request: without this check, a channel could make the server probe or call what only it can reach
 * (an admin page on the loopback, a cloud metadata address, a database on the private network). The names are
 * resolved once, every address is checked, and the connection goes to the checked address (a `lookup` pinned to
 * it), so a name that resolves elsewhere a moment later (DNS rebinding) cannot slip past.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { LookupFunction } from 'node:net';
import { networkInterfaces } from 'node:os';
import { failure, networkFailure } from './send-result';
import type { SendFailure } from './send-result';

/** How targets are checked; the resolver and this host's own addresses are injectable for tests. */
export interface TargetPolicy {
  /** ALERT_PRIVATE_TARGETS: private, local and this server's own addresses are allowed. */
  allowPrivate: boolean;
  resolve?: (host: string) => Promise<LookupAddress[]>;
  ownAddresses?: () => Iterable<string>;
}

/** A checked address to connect to. */
export interface CheckedTarget {
  ok: true;
  address: string;
  family: 4 | 6;
}

/** An address with an IPv4 inside the IPv4-mapped IPv6 form (::ffff:a.b.c.d) read as that IPv4. */
function plain(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address);
  return parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress() ? parsed.toIPv4Address() : parsed;
}

/**
 * True when `address` (an IP) is anything but a public unicast address: loopback, private, link-local,
 * unique-local, CGNAT, multicast, unspecified, reserved, or an IPv6 form that carries an IPv4 one (NAT64, 6to4,
 * Teredo), whose IPv4 could be any of those.
 */
export function isNonPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  return plain(address).range() !== 'unicast';
}

/** One text per address, so "::ffff:1.2.3.4", "1.2.3.4" and zero-padded forms compare equal. */
function canonical(address: string): string {
  return ipaddr.isValid(address) ? plain(address).toNormalizedString() : address;
}

const machineAddresses = () =>
  Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));

const systemResolve = (host: string) => dnsLookup(host, { all: true, verbatim: true });

/** `host` (a name or an IP literal, IPv6 with or without brackets) resolved and checked against the policy. */
export async function checkHost(host: string, policy: TargetPolicy): Promise<CheckedTarget | SendFailure> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  let addresses: LookupAddress[];
  if (isIP(bare) !== 0) addresses = [{ address: bare, family: isIP(bare) }];
  else {
    try {
      addresses = await (policy.resolve ?? systemResolve)(bare);
    } catch (error) {
      return networkFailure(error, bare);
    }
  }
  const first = addresses[0];
  if (!first) return failure('UNREACHABLE', 'unknownHost', { host: bare }, { retry: true });
  if (!policy.allowPrivate) {
    const own = new Set([...(policy.ownAddresses ?? machineAddresses)()].map(canonical));
    // Every address is checked, not only the first: the connection could otherwise fall back to another one.
    for (const { address } of addresses) {
      if (isNonPublicAddress(address))
        return failure('REFUSED_TARGET', 'privateTarget', { host: bare, address }, { retry: false });
      if (own.has(canonical(address)))
        return failure('REFUSED_TARGET', 'selfTarget', { host: bare, address }, { retry: false });
    }
  }
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A `lookup` for http.request / net.connect that answers every name with the checked address, and nothing else. */
export function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    // Node asks with { all: true } when it may try several addresses (autoSelectFamily): give it the one.
    if ((options as { all?: boolean }).all)
      (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    else callback(null, target.address, target.family);
  };
}

/** A URL's scheme checked: only http: and https: may receive alerts. */
export function checkScheme(url: URL): SendFailure | null {
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? null
    : failure('REFUSED_TARGET', 'schemeRefused', {}, { retry: false });
}
