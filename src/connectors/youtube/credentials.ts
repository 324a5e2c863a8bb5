import { z } from 'zod';
import { parseStored, UserToken } from '../oauth2/user-token.js';

/** What Ruche stores (sealed) for a connected YouTube channel; the app's keys renew the hour-long access token. */
export const YouTubeCredentials = UserToken.extend({
  network: z.literal('youtube'),
  channelId: z.string().min(1),
  title: z.string(),
});
export type YouTubeCredentials = z.infer<typeof YouTubeCredentials>;

export function parseYouTubeCredentials(raw: unknown): YouTubeCredentials {
  return parseStored(YouTubeCredentials, 'youtube', raw, 'The stored YouTube connection is incomplete: connect the channel again.');
}
