import { z } from 'zod';
import { parseStored, UserToken } from '../oauth2/user-token.js';

/**
 * What Ruche stores (sealed) for a connected X account. The app's keys ride along so that a connector can renew
 * an access token that expired between two refresh jobs: X's tokens last two hours.
 */
export const XCredentials = UserToken.extend({
  network: z.literal('x'),
  userId: z.string().min(1),
  username: z.string().min(1),
});
export type XCredentials = z.infer<typeof XCredentials>;

export function parseXCredentials(raw: unknown): XCredentials {
  return parseStored(XCredentials, 'x', raw, 'The stored X connection is incomplete: connect the account again.');
}
