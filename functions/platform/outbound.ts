/**
 * HTTP to addresses someone outside the service names (an OpenDSR processor's URLs): only to
 * public addresses, checked after DNS resolution, and the connection is made to the very address
 * checked (the resolver's answer is handed to the socket), so a second DNS answer cannot switch it
 * to an internal one. Redirects are never followed: a 3xx is returned as it came.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';

/** Why an outbound call was not made. */
export type OutboundRefusal = 'NotHttps' | 'OtherHost' | 'PrivateAddress' | 'Malformed';

/** A call refused before anything was sent. */
export class OutboundRefused extends Error {
  override name = 'OutboundRefused';
  constructor(readonly reason: OutboundRefusal) {
    super(`outbound call refused: ${reason}`);
  }
}

// IANA's special-purpose ranges: nothing a processor on the internet is reached at.
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, the instance metadata service
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: wraps any IPv4 address, private ones too
  ['fc00::', 7], // unique local (AWS's IPv6 metadata address is one)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local
  ['ff00::', 8], // multicast
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** The eight 16-bit words of an IPv6 address (a dotted IPv4 tail allowed), or undefined. */
function ipv6Words(address: string): number[] | undefined {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    if (isIP(dotted[1]!) !== 4) return undefined;
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const part = (s: string) => (s ? s.split(':').map((w) => Number.parseInt(w, 16)) : []);
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  const words = halves.length === 2 ? [...head, ...Array(8 - head.length - tail.length).fill(0), ...tail] : head;
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : undefined;
}

/** The IPv4 address an IPv6 address carries (IPv4-mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`), if any. */
export function embeddedIpv4(address: string): string | undefined {
  const w = ipv6Words(address);
  if (!w) return undefined;
  const mapped = w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff;
  const nat64 = w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0);
  return mapped || nat64 ? `${w[6]! >> 8}.${w[6]! & 255}.${w[7]! >> 8}.${w[7]! & 255}` : undefined;
}

/** True for an address on the public internet: not private, loopback, link-local, reserved or multicast, however written. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (bare.includes('%')) return false; // a zone id: link-local by definition
  const family = isIP(bare);
  if (family === 4) return !blocked.check(bare, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(bare);
  if (v4 !== undefined) return isPublicAddress(v4);
  return !blocked.check(bare, 'ipv6');
}

/** True for a loopback address (127/8, ::1, or an IPv4-mapped loopback). */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) !== 6) return false;
  const v4 = embeddedIpv4(bare);
  if (v4 !== undefined && ipv6Words(bare)?.[0] === 0) return isLoopbackAddress(v4);
  return ipv6Words(bare)?.every((w, i) => w === (i === 7 ? 1 : 0)) ?? false;
}

/** Which addresses a call may connect to: the public internet, or (the local runtime's own processors) loopback only. */
export type AddressRule = 'public' | 'loopback';

const allowedBy = (rule: AddressRule) => (rule === 'public' ? isPublicAddress : isLoopbackAddress);

/** A resolver that answers only with addresses the rule allows, and refuses a name with any other. */
function checkedLookup(rule: AddressRule): LookupFunction {
  const allowed = allowedBy(rule);
  return ((hostname: string, options: { all?: boolean; family?: number }, callback: (...args: unknown[]) => void) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err);
      // Any address outside the rule refuses the name: it is not the processor's to point inward.
      if (!addresses.length || addresses.some((a) => !allowed(a.address))) {
        return callback(Object.assign(new OutboundRefused('PrivateAddress'), { code: 'EOUTBOUNDREFUSED' }));
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  }) as LookupFunction;
}

/** What {@link outboundFetch} sends. */
export interface OutboundInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
  /** Which addresses the host may resolve to. */
  addresses: AddressRule;
}

/**
 * One HTTP(S) call to `url`, as a fetch `Response`, connecting only to an address `addresses`
 * allows (an IP literal is checked as given, a name after resolving it). Never follows a redirect.
 * Throws `OutboundRefused` before sending anything to an address outside the rule.
 */
export function outboundFetch(url: URL, init: OutboundInit): Promise<Response> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !allowedBy(init.addresses)(host)) return Promise.reject(new OutboundRefused('PrivateAddress'));
  const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (!client) return Promise.reject(new OutboundRefused('NotHttps'));
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: init.method ?? 'GET',
        headers: init.headers ?? {},
        // A connection of its own each time: a pooled socket could have been opened by someone unchecked.
        agent: false,
        lookup: checkedLookup(init.addresses),
        ...(init.signal ? { signal: init.signal } : {}),
      },
      (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of [value ?? []].flat()) headers.append(name, v);
        }
        const status = res.statusCode ?? 502;
        const empty = status === 204 || status === 205 || status === 304 || init.method === 'HEAD';
        if (empty) res.resume();
        resolve(new Response(empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, headers }));
      },
    );
    req.on('error', (err) => {
      const refused = (err as { code?: string }).code === 'EOUTBOUNDREFUSED' ? new OutboundRefused('PrivateAddress') : undefined;
      const timedOut = init.signal?.aborted && (init.signal.reason as { name?: string })?.name === 'TimeoutError' ? init.signal.reason : undefined;
      reject(refused ?? timedOut ?? err);
    });
    req.end(init.body);
  });
}
