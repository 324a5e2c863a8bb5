/**
 * A channel's handle as Ruche keeps every network's: without the "@" that YouTube's `customUrl` carries
 * ("@cafelumiere"), since the interface puts one in front of every handle. A channel without one goes by its id.
 */
export function channelHandle(ch: { id: string; snippet?: { customUrl?: string } }): string {
  return ch.snippet?.customUrl?.trim().replace(/^@+/, '') || ch.id;
}
