import { z } from 'zod';
import { ConnectorError } from '../errors.js';

/** What Ruche stores (sealed) for a connected YouTube channel; the app's keys renew the hour-long access token. */
export const YouTubeCredentials = z.object({
  network: z.literal('youtube'),
  apiBase: z.string().url(),
  tokenUrl: z.string().url(),
  clientId: z.string().min(1),
  clientSecret: z.string().nullable(),
  accessToken: z.string().min(1),
  refreshToken: z.string().nullable(),
  expiresAt: z.number().nullable(),
  channelId: z.string().min(1),
  title: z.string(),
});
export type YouTubeCredentials = z.infer<typeof YouTubeCredentials>;

export function parseYouTubeCredentials(raw: unknown): YouTubeCredentials {
  const parsed = YouTubeCredentials.safeParse(raw);
  if (!parsed.success) throw new ConnectorError('youtube', 'auth_expired', 'The stored YouTube connection is incomplete: connect the channel again.');
  return parsed.data;
}
