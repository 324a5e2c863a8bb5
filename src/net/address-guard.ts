/**
 * Refused outbound addresses. Whether a name leads to a private network is decided when the connection is
 * made (guarded-dispatcher.ts); here are only the checks on the shape of a URL and the one error.
 */

/**
 * One message whether the name does not resolve or resolves somewhere private, so that answers cannot be
 * used to map which internal names exist.
 */
export const UNREACHABLE_MESSAGE =
  'This address cannot be reached from this server. If it is on your own network, the administrator can allow ' +
  'private networks with ALLOW_PRIVATE_NETWORKS=1.';

export class BlockedAddressError extends Error {
  readonly code = 'blocked_address';

  constructor(message = UNREACHABLE_MESSAGE, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BlockedAddressError';
  }

  /**
   * The resolver could not answer for now (EAI_AGAIN), so where the name leads is not known yet and a later
   * try may pass. The message stays the same, so that answers still cannot map internal names.
   */
  get temporary(): boolean {
    return (this.cause as { code?: unknown } | undefined)?.code === 'EAI_AGAIN';
  }
}

/** A web address a user, a feed or a network gave us, if it is one we may call: http or https, no credentials. */
export function outboundUrl(raw: string | URL, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new BlockedAddressError(`"${String(raw).slice(0, 200)}" is not a web address.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BlockedAddressError('Only http and https addresses are allowed.');
  if (url.username || url.password) throw new BlockedAddressError('Addresses with a user name or password are not allowed.');
  return url;
}

/** The refusal behind an error wrapped by an SDK or a connector, so that callers can answer it as such. */
export function blockedCause(err: unknown): BlockedAddressError | null {
  for (let e = err, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof BlockedAddressError) return e;
  }
  return null;
}
