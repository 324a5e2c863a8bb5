import { z } from '@hono/zod-openapi';
import type { NetworkId, NetworkPostOptions } from '../../connectors/types.js';
import { badRequest } from '../../http/errors.js';

const httpUrl = z
  .string()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'an http:// or https:// address');

/** One network tab's settings; each connector reads the fields it knows. */
export const PostOptionsSchema = z.strictObject({
  format: z.enum(['feed', 'story', 'reel']).optional(),
  firstComment: z.string().max(8000).optional(),
  // YouTube refuses a title over 100 characters or with angle brackets (videos.insert, snippet.title).
  title: z.string().trim().min(1).max(100).regex(/^[^<>]*$/, 'no < or > (YouTube refuses them)').optional(),
  privacy: z.enum(['public', 'unlisted', 'private']).optional(),
  publishAt: z.iso.datetime({ offset: true }).optional(),
  boardId: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'a board id').optional(),
  link: httpUrl.optional(),
});

const NETWORK_IDS = ['bluesky', 'mastodon', 'facebook', 'instagram', 'linkedin', 'x', 'youtube', 'pinterest'] as const satisfies readonly NetworkId[];

/** The settings of every network tab of a post, by network. */
export const NetworkOptionsSchema = z.partialRecord(z.enum(NETWORK_IDS), PostOptionsSchema);
export type NetworkOptions = Partial<Record<NetworkId, NetworkPostOptions>>;

/** What the clock alone can tell: a YouTube publish time must still be ahead. */
export function assertOptionsTimely(options: NetworkOptions | undefined, now: number) {
  for (const [network, o] of Object.entries(options ?? {})) {
    if (o?.publishAt && Date.parse(o.publishAt) <= now) {
      throw badRequest('publish_at_past', `The ${network} publish time must be in the future.`, { network, field: 'publishAt' });
    }
  }
}

/** Empty tabs are not kept, so that "no settings" reads the same however it was reached. */
export function serializeOptions(options: NetworkOptions): string {
  const kept = Object.entries(options).filter(([, o]) => o && Object.values(o).some((v) => v !== undefined && v !== ''));
  return JSON.stringify(Object.fromEntries(kept));
}

export function parseOptions(json: string | null | undefined): NetworkOptions {
  if (!json) return {};
  const parsed = NetworkOptionsSchema.safeParse(JSON.parse(json));
  return parsed.success ? (parsed.data as NetworkOptions) : {};
}

/** The settings a connector of this network receives; undefined when the tab was left alone. */
export function optionsFor(json: string | null | undefined, network: string): NetworkPostOptions | undefined {
  const o = parseOptions(json)[network as NetworkId];
  return o && Object.keys(o).length > 0 ? o : undefined;
}
