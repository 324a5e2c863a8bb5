import type { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from '../../http/types.js';
import { workspaceRoute, WorkspaceParams } from '../../http/route.js';
import { jsonOk } from '../../http/json.js';
import { badRequest, notFound } from '../../http/errors.js';
import { readerFor } from './dashboard.js';
import { drillDown } from './drill-down.js';
import { postById } from './post-performance.js';
import { dayPeriod, periodOf } from './period.js';
import { PostParams, PostPerformanceView, PostsQuery, SnapshotsView } from './schema.js';
import { analyticsBase, tags } from './route-common.js';
import { z } from '@hono/zod-openapi';
import type { Period } from './types.js';

const posts = workspaceRoute('analytics.read', {
  method: 'get', path: `${analyticsBase}/posts`, tags,
  summary: 'The posts behind a figure: a period or a local day, narrowed to a weekday and hour, sorted and paged',
  request: { params: WorkspaceParams, query: PostsQuery },
  responses: { 200: jsonOk(z.object({ items: z.array(PostPerformanceView), nextCursor: z.string().nullable() })) },
});

const snapshots = workspaceRoute('analytics.read', {
  method: 'get', path: `${analyticsBase}/posts/{postId}/snapshots`, tags, summary: 'A post\'s counts over time: its growth curve',
  request: { params: PostParams },
  responses: { 200: jsonOk(SnapshotsView) },
});

/** The growth curve shows at most this many readings: young posts are read often, old ones rarely. */
const MAX_SNAPSHOTS = 2000;

export function registerPostRoutes(app: OpenAPIHono<HttpEnv>) {
  app.openapi(posts, async (c) => {
    const { ctx, member } = c.var;
    const q = c.req.valid('query');
    const r = await readerFor(ctx.store, member.workspaceId, ctx.clock.now());
    if ((q.from === undefined) !== (q.to === undefined)) throw badRequest('invalid_period', 'A period needs both "from" and "to".');
    let period: Period | null = q.from !== undefined && q.to !== undefined ? periodOf(q.from, q.to) : null;
    if (q.day) {
      const day = dayPeriod(q.day, r.zone);
      period = period ? { start: Math.max(period.start, day.start), end: Math.min(period.end, day.end) } : day;
    }
    if (!period) throw badRequest('invalid_period', 'Say which posts: "from" and "to", or a "day".');
    if (period.end <= period.start) return c.json({ items: [], nextCursor: null }, 200);
    const scope = { workspaceId: member.workspaceId, accountId: q.accountId ?? null, network: q.network ?? null, campaignId: q.campaignId ?? null, label: q.label ?? null };
    return c.json(await drillDown(r, scope, period, q), 200);
  });

  app.openapi(snapshots, async (c) => {
    const { ctx, member } = c.var;
    const { postId } = c.req.valid('param');
    const post = await postById(ctx.store.db, member.workspaceId, postId);
    if (!post) throw notFound('post');
    const rows = await ctx.store.db.selectFrom('analytics_post_snapshots').select(['taken_at', 'likes', 'reposts', 'replies', 'quotes', 'views'])
      .where('post_id', '=', postId).orderBy('taken_at').limit(MAX_SNAPSHOTS).execute();
    const n = (v: unknown) => (v === null ? null : Number(v));
    return c.json({
      post,
      items: rows.map((s) => ({ takenAt: new Date(Number(s.taken_at)).toISOString(), likes: Number(s.likes), reposts: Number(s.reposts), replies: Number(s.replies), quotes: n(s.quotes), views: n(s.views) })),
    }, 200);
  });
}
