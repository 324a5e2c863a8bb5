import dns from 'node:dns/promises';
import net from 'node:net';
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { Agent } from 'undici';
import { BlockedAddressError } from './address-guard.js';

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface AddressPolicy {
  /** Whether a connection to this IP address may be made. */
  isAllowed: (address: string) => boolean;
  /** How names are resolved; tests inject one to play DNS tricks. Defaults to the system's resolver. */
  resolve?: Resolver;
  connectTimeoutMs?: number;
}

const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true });

/**
 * An undici dispatcher whose sockets can only open to allowed addresses. The name is resolved once, at
 * connect time, every answer is checked, and the socket connects to those very answers: no second look-up
 * that DNS rebinding could answer differently. A name that does not resolve is refused with the same error
 * as one that resolves somewhere private. undici is loaded with the first one, at the first outbound call.
 */
export async function createGuardedDispatcher(policy: AddressPolicy): Promise<Agent> {
  const { Agent, buildConnector } = await import('undici');
  const resolve = policy.resolve ?? systemResolver;
  const lookup = (
    hostname: string,
    options: LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    const refuse = (cause?: unknown) =>
      callback(new BlockedAddressError(undefined, cause === undefined ? undefined : { cause }), options.all ? [] : '');
    resolve(hostname).then(
      (found) => {
        const answers = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        if (answers.length === 0 || !answers.every((a) => policy.isAllowed(a.address))) return refuse();
        if (options.all) callback(null, answers);
        else callback(null, answers[0].address, answers[0].family);
      },
      // The resolver's error is kept as the cause, for telling passing resolver trouble apart; the message stays one.
      (err: unknown) => refuse(err),
    );
  };
  const connectChecked = buildConnector({ lookup, timeout: policy.connectTimeoutMs ?? 10_000 });
  return new Agent({
    connect: (options, callback) => {
      // An address written as such is never looked up, so it is checked here.
      if (net.isIP(options.hostname) && !policy.isAllowed(options.hostname)) return callback(new BlockedAddressError(), null);
      connectChecked(options, callback);
    },
  });
}
