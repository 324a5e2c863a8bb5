import net from 'node:net';
import ipaddr from 'ipaddr.js';

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
const cidr = (s: string) => ipaddr.IPv6.parseCIDR(s);

/**
 * IPv6 forms that carry an IPv4 address, which a host, a NAT64 gateway or a 6to4 relay may turn into a
 * connection to that IPv4 address: the embedded address is what must be judged. `null` means the form is
 * refused whatever it carries (deprecated, or hard to decode reliably).
 */
const EMBEDDED: Array<[[IPv6, number], (p: number[]) => IPv4 | null]> = [
  [cidr('::ffff:0:0/96'), (p) => v4(p[6], p[7])], // IPv4-mapped
  [cidr('::ffff:0:0:0/96'), (p) => v4(p[6], p[7])], // IPv4-translated (SIIT)
  [cidr('::/96'), (p) => v4(p[6], p[7])], // IPv4-compatible, deprecated; also covers :: and ::1
  [cidr('64:ff9b::/96'), (p) => v4(p[6], p[7])], // NAT64 well-known prefix
  [cidr('64:ff9b:1::/48'), () => null], // NAT64 local-use prefix: the IPv4 address may sit anywhere
  [cidr('2002::/16'), (p) => v4(p[1], p[2])], // 6to4: bits 16 to 48
  [cidr('2001::/32'), () => null], // Teredo: tunnels to a client behind a NAT, nothing a server should call
];
const SITE_LOCAL = cidr('fec0::/10');

/**
 * Whether an address (as DNS answers it, or as a URL's host) is on the public internet, so that calling it
 * cannot reach this machine, its private network, the cloud's metadata service or anything special-purpose.
 * Anything ipaddr.js classifies other than `unicast` is refused, as is the site-local fec0::/10.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  if (!net.isIP(bare)) return false;
  const ip = ipaddr.parse(bare);
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
  const v6 = ip as IPv6;
  for (const [range, extract] of EMBEDDED) {
    if (v6.match(range)) {
      const inner = extract(v6.parts);
      return inner !== null && inner.range() === 'unicast';
    }
  }
  return v6.range() === 'unicast' && !v6.match(SITE_LOCAL);
}
