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

// [first address, prefix length]: loopback, private, link-local, CGNAT, multicast, unspecified, reserved.
const BLOCKED_V4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

const BLOCKED_V6: ReadonlyArray<readonly [string, number]> = [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible form
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

const v4Bytes = (address: string) => address.split('.').map(Number);

/** The 16 bytes of an IPv6 address (with a trailing dotted IPv4 part, if any). */
function v6Bytes(address: string): number[] {
  let text = address.split('%')[0] ?? address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = v4Bytes(dotted[1]);
    text = text.slice(0, -dotted[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

function inPrefix(bytes: number[], base: number[], bits: number): boolean {
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> (i % 8);
    if (((bytes[i >> 3] ?? 0) & mask) !== ((base[i >> 3] ?? 0) & mask)) return false;
  }
  return true;
}

/** The IPv4 address an IPv6 one carries (IPv4-mapped, NAT64, 6to4), or null. */
function embeddedV4(bytes: number[]): string | null {
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12).join('.');
  if (inPrefix(bytes, v6Bytes('64:ff9b::'), 96)) return bytes.slice(12).join('.');
  if (inPrefix(bytes, v6Bytes('2002::'), 16)) return bytes.slice(2, 6).join('.');
  return null;
}

/** True when `address` (an IP) is loopback, private, link-local, unique-local, CGNAT, multicast or unspecified. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED_V4.some(([base, bits]) => inPrefix(v4Bytes(address), v4Bytes(base), bits));
  if (family !== 6) return true;
  const bytes = v6Bytes(address);
  const inner = embeddedV4(bytes);
  if (inner !== null) return isNonPublicAddress(inner);
  return BLOCKED_V6.some(([base, bits]) => inPrefix(bytes, v6Bytes(base), bits));
}

/** One canonical text per address, so "::ffff:1.2.3.4", "1.2.3.4" and zero-padded forms compare equal. */
function canonical(address: string): string {
  if (isIP(address) === 4) return address;
  const bytes = v6Bytes(address);
  return embeddedV4(bytes) ?? bytes.join('.');
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
