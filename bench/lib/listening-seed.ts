import crypto from 'node:crypto';
import type { AppContext } from '../../src/context.js';
import type { TopicQuery } from '../../src/modules/listening/query/index.js';
import type { ListeningPost } from '../../src/modules/listening/types.js';

/** A workspace with the given topics, inserted as the API would store them. */
export async function seedListening(ctx: AppContext, topics: readonly TopicQuery[], createdAt: number): Promise<{ workspaceId: string; topicIds: string[] }> {
  const { db } = ctx.store;
  const workspaceId = crypto.randomUUID();
  await db.insertInto('workspaces').values({ id: workspaceId, name: 'Listening bench', timezone: 'UTC', locale: 'en', created_by: 'bench', created_at: createdAt } as never).execute();
  const rows = topics.map((t, i) => ({
    id: crypto.randomUUID(), workspace_id: workspaceId, name: `Topic ${i}`, kind: 'brand' as const, query: t.query, color: '#0072B2',
    radar_state: null, created_by: null, created_at: createdAt, updated_at: createdAt, archived_at: null,
  }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('listening_topics').values(rows.slice(i, i + 200)).execute();
  return { workspaceId, topicIds: rows.map((r) => r.id) };
}

/** Posts as a network stream yields them: each its own uri, authors drawn from a pool so that some recur. */
export function listeningPosts(texts: readonly { text: string; lang?: string | null; hashtags?: readonly string[] }[], count: number, offset: number, at: number): ListeningPost[] {
  return Array.from({ length: count }, (_, k) => {
    const i = offset + k;
    const t = texts[i % texts.length];
    const author = i % 20_000;
    return {
      network: 'bluesky' as const,
      uri: `at://did:plc:bench${author}/app.bsky.feed.post/${i.toString(36)}`,
      url: `https://bsky.app/profile/did:plc:bench${author}/post/${i.toString(36)}`,
      author: { id: `did:plc:bench${author}`, handle: `bench${author}.bsky.social`, displayName: `Bench ${author}`, followers: (author * 37) % 50_000 },
      text: t.text,
      createdAt: at,
      languages: t.lang ? [t.lang] : [],
      hashtags: [...(t.hashtags ?? [])],
    };
  });
}
