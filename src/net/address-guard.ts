import dns from 'node:dns/promises';
import net from 'node:net';

const blocked = new net.BlockList();
for (const [addr, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(addr, prefix, 'ipv4');
}
for (const [addr, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  blocked.addSubnet(addr, prefix, 'ipv6');
}

export class BlockedAddressError extends Error {
  readonly code = 'blocked_address';
}

export function isPrivateAddress(address: string): boolean {
  const family = net.isIPv6(address) ? 'ipv6' : 'ipv4';
  if (family === 'ipv6' && address.toLowerCase().startsWith('::ffff:')) {
    const v4 = address.slice(7);
    if (net.isIPv4(v4)) return blocked.check(v4, 'ipv4');
  }
  return blocked.check(address, family);
}

/**
 * Refuses a URL that a user or a network gave us when it leads to this machine or a private network, so
 * the server cannot be made to call its own internals. `allowPrivate` is for installs whose networks
 * (a company Mastodon, a local PDS) live on a private network.
 */
export async function assertPublicUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BlockedAddressError(`"${raw}" is not a web address.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BlockedAddressError('Only http and https addresses are allowed.');
  if (url.username || url.password) throw new BlockedAddressError('Addresses with a user name or password are not allowed.');
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = net.isIP(host) ? [host] : (await dns.lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new BlockedAddressError(`${host} cannot be found.`);
  if (addresses.some(isPrivateAddress)) throw new BlockedAddressError(`${host} is on a private network, which this server does not call.`);
  return url;
}
