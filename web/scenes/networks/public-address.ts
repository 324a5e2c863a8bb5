/** Whether the networks can reach an address Ruche gives them (redirect and webhook URLs): plain TypeScript, no React. */

/** 'local': only this machine or its network knows the host; 'http': public but not HTTPS, which the networks refuse. */
export type AddressProblem = 'local' | 'http' | null;

const PRIVATE_V4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./, /^0\./];

export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  if (PRIVATE_V4.some((range) => range.test(host))) return true;
  // IPv6: loopback, unspecified, unique local (fc00::/7) and link-local (fe80::/10).
  if (host === '::1' || host === '::' || /^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host)) return true;
  // A name without a dot resolves on the local network only.
  return !host.includes('.') && !host.includes(':');
}

export function addressProblem(url: string): AddressProblem {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'local';
  }
  if (isLocalHost(parsed.hostname)) return 'local';
  return parsed.protocol === 'https:' ? null : 'http';
}

/** The host and port of an address, as the reader would recognise it. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
