/**
 * The address check for a live socket (a WebSocket does not go through the guarded fetch): the name is
 * resolved once per connection and every answer checked, and the socket connects to those very answers.
 */
import dns from 'node:dns';
import net from 'node:net';
import type { LookupAddress } from 'node:dns';
import { BlockedAddressError } from '../../net/address-guard.js';
import { isPublicAddress } from '../../net/public-address.js';

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type SocketLookup = (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => void;

const allowedBy = (allowPrivate: boolean) => (address: string) => allowPrivate || isPublicAddress(address);

async function resolveChecked(hostname: string, allowPrivate: boolean): Promise<LookupAddress[]> {
  const allowed = allowedBy(allowPrivate);
  if (net.isIP(hostname)) {
    if (!allowed(hostname)) throw new BlockedAddressError();
    return [{ address: hostname, family: net.isIP(hostname) }];
  }
  let found: LookupAddress[];
  try {
    found = await dns.promises.lookup(hostname, { all: true });
  } catch (err) {
    throw new BlockedAddressError(undefined, { cause: err });
  }
  if (found.length === 0 || !found.every((a) => allowed(a.address))) throw new BlockedAddressError();
  return found;
}

/** Refuses at once a socket URL whose host is not allowed (an address written as such is never looked up). */
export async function checkSocketHost(url: URL, allowPrivate: boolean): Promise<void> {
  await resolveChecked(url.hostname.replace(/^\[|\]$/g, ''), allowPrivate);
}

/** A `lookup` for net/tls connections that only answers allowed addresses. */
export function guardedLookup(allowPrivate: boolean): SocketLookup {
  return (hostname, options, callback) => {
    resolveChecked(hostname, allowPrivate).then(
      (found) => {
        const answers = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        if (answers.length === 0) return callback(new BlockedAddressError(), options.all ? [] : '');
        if (options.all) callback(null, answers);
        else callback(null, answers[0].address, answers[0].family);
      },
      (err: unknown) => callback(err as NodeJS.ErrnoException, options.all ? [] : ''),
    );
  };
}
