import type { AtpAgent } from '@atproto/api';
import { z } from 'zod';
import type { InboundAuthor } from '../types.js';
import { capHandle, capName, isoDate, webUrl } from './hostile.js';

/** app.bsky.actor.getProfiles takes at most 25 actors a call. */
const BATCH = 25;

const Profile = z
  .object({
    did: z.string(),
    handle: z.string(),
    displayName: z.string().optional(),
    avatar: z.string().optional(),
    followersCount: z.number().int().nonnegative().optional(),
    createdAt: z.string().optional(),
  })
  .loose();

export interface BasicAuthor {
  did: string;
  handle: string;
  displayName?: string;
  avatar?: string;
}

export function toAuthor(p: BasicAuthor & { followersCount?: number; createdAt?: string }): InboundAuthor {
  return {
    id: p.did,
    handle: capHandle(p.handle),
    displayName: capName(p.displayName),
    avatarUrl: webUrl(p.avatar),
    followers: p.followersCount ?? null,
    createdAt: isoDate(p.createdAt),
  };
}

/** Full profiles (followers, account age) of these DIDs, by DID; an actor the AppView does not know is left out. */
export async function readProfiles(agent: AtpAgent, dids: string[]): Promise<Map<string, InboundAuthor>> {
  const unique = [...new Set(dids)];
  const found = new Map<string, InboundAuthor>();
  for (let i = 0; i < unique.length; i += BATCH) {
    const { data } = await agent.app.bsky.actor.getProfiles({ actors: unique.slice(i, i + BATCH) });
    for (const raw of data.profiles as unknown[]) {
      const p = Profile.safeParse(raw);
      if (p.success) found.set(p.data.did, toAuthor(p.data));
    }
  }
  return found;
}
