import { z } from '@hono/zod-openapi';
import { sql, type Kysely } from 'kysely';
import type { Database, PostTable } from '../../store/schema.js';
import type { PostVisibility } from './visibility.js';

const csv = z
  .string()
  .max(2000)
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

export const PostFilter = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  status: csv.optional(),
  accountId: csv.optional(),
  network: csv.optional(),
  campaignId: csv.optional(),
  authorId: csv.optional(),
  label: z.string().max(40).optional(),
  /** Include posts without a planned time (ideas and drafts). */
  unscheduled: z.enum(['true', 'false']).optional(),
  /** At most this many, earliest first: `from` with `limit=1` is the next post after a period. */
  limit: z.coerce.number().int().min(1).max(2000).optional(),
});
export type PostFilter = z.infer<typeof PostFilter>;

const MAX = 2000;

/**
 * The calendar's query: a time range and filters by network, account, campaign, label, status and author, over
 * the posts the member may see.
 */
export async function listPosts(db: Kysely<Database>, workspaceId: string, f: PostFilter, visibility: PostVisibility): Promise<PostTable[]> {
  let q = db.selectFrom('posts').selectAll('posts').where('posts.workspace_id', '=', workspaceId);
  if (!visibility.drafts) q = q.where('posts.status', '!=', 'draft');
  const from = f.from ? Date.parse(f.from) : null;
  const to = f.to ? Date.parse(f.to) : null;
  q = q.where((eb) => {
    const inRange = [];
    if (from !== null) inRange.push(eb('posts.scheduled_at', '>=', from));
    if (to !== null) inRange.push(eb('posts.scheduled_at', '<', to));
    const ranged = inRange.length ? eb.and(inRange) : eb('posts.scheduled_at', 'is not', null);
    return f.unscheduled === 'true' ? eb.or([ranged, eb('posts.scheduled_at', 'is', null)]) : ranged;
  });
  if (f.status?.length) q = q.where('posts.status', 'in', f.status as PostTable['status'][]);
  if (f.campaignId?.length) q = q.where('posts.campaign_id', 'in', f.campaignId);
  if (f.authorId?.length) q = q.where('posts.author_id', 'in', f.authorId);
  if (f.label) {
    // Labels are a JSON array of strings: look for the quoted label, with LIKE's own characters escaped.
    const pattern = `%${JSON.stringify(f.label).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where(sql<boolean>`posts.labels like ${pattern} escape '\\'`);
  }
  if (f.accountId?.length || f.network?.length) {
    q = q.where('posts.id', 'in', (eb) => {
      let sub = eb
        .selectFrom('post_targets')
        .innerJoin('social_accounts', 'social_accounts.id', 'post_targets.account_id')
        .select('post_targets.post_id');
      if (f.accountId?.length) sub = sub.where('post_targets.account_id', 'in', f.accountId);
      if (f.network?.length) sub = sub.where('social_accounts.network', 'in', f.network);
      return sub;
    });
  }
  return q.orderBy('posts.scheduled_at').orderBy('posts.created_at').limit(f.limit ?? MAX).execute();
}
