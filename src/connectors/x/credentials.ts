import { z } from 'zod';
import { ConnectorError } from '../errors.js';

/**
 * What Ruche stores (sealed) for a connected X account. The app's keys ride along so that a connector can renew
 * an access token that expired between two refresh jobs: X's tokens last two hours.
 */
export const XCredentials = z.object({
  network: z.literal('x'),
  apiBase: z.string().url(),
  tokenUrl: z.string().url(),
  clientId: z.string().min(1),
  clientSecret: z.string().nullable(),
  accessToken: z.string().min(1),
  refreshToken: z.string().nullable(),
  /** Epoch ms. */
  expiresAt: z.number().nullable(),
  userId: z.string().min(1),
  username: z.string().min(1),
});
export type XCredentials = z.infer<typeof XCredentials>;

export function parseXCredentials(raw: unknown): XCredentials {
  const parsed = XCredentials.safeParse(raw);
  if (!parsed.success) throw new ConnectorError('x', 'auth_expired', 'The stored X connection is incomplete: connect the account again.');
  return parsed.data;
}
