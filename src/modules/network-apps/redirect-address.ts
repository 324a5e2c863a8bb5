import net from 'node:net';
import { isPublicAddress } from '../../net/public-address.js';

/** 'local': only this machine or its network knows the host; 'http': public but not HTTPS, which the networks refuse. */
export type RedirectAddressProblem = 'local' | 'http' | null;

/**
 * Names that no public DNS answers (RFC 6761, 6762, 8375; .internal reserved for private use): a network's
 * servers cannot call them back. A name without a dot resolves on the local network only.
 */
const LOCAL_NAME = /(^|\.)(localhost|local|internal|home\.arpa)$/;

function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (net.isIP(host)) return !isPublicAddress(host);
  return LOCAL_NAME.test(host) || !host.includes('.');
}

/**
 * Whether the networks can reach the address Ruche gives them for their redirects (PUBLIC_URL), judged here so
 * that Settings > Networks only shows the verdict. The name is not resolved: a public name is taken as public.
 */
export function redirectAddress(publicUrl: string): { host: string; problem: RedirectAddressProblem } {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    return { host: publicUrl, problem: 'local' };
  }
  const problem = isLocalHost(url.hostname) ? 'local' : url.protocol === 'https:' ? null : 'http';
  return { host: url.host, problem };
}
