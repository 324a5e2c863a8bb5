/** Pages API routes of the Meta fake (Graph v24.0): feed, photos, comments, moderation, blocking, insights, Messenger. */
import { GraphError, notFound, type GraphRequest, type Handler, type Json, type MetaFake } from './meta-fake.js';
import { graphTime } from './meta-fake-state.js';
import type { FakeComment, FakePost } from './meta-fake-state.js';

const DUPLICATE_WINDOW_MS = 10 * 60_000;

export function pageRoutes(fake: MetaFake): Handler {
  const s = fake.state;
  const t = graphTime;

  const livePost = (id: string) => {
    const p = s.posts.get(id);
    return p && !p.deleted ? p : null;
  };
  const liveComment = (id: string) => {
    const c = s.comments.get(id);
    return c && !c.deleted ? c : null;
  };
  const need = (req: GraphRequest, perm: string) => {
    if (!req.page?.permissions.has(perm)) throw new GraphError(403, `(#200) The user hasn't authorized the application to perform this action (${perm})`, 200, undefined, 'OAuthException');
  };
  const commentsOf = (objectId: string, stream: boolean) =>
    [...s.comments.values()].filter((c) => !c.deleted && (stream ? c.rootId === objectId : c.objectId === objectId));
  const commentJson = (c: FakeComment): Json => ({
    id: c.id, message: c.message, created_time: t(c.created), from: { id: c.fromId, name: c.fromName },
    ...(c.parentId ? { parent: { id: c.parentId } } : {}), is_hidden: c.hidden, permalink_url: `https://www.facebook.com/${c.rootId}?comment_id=${c.id}`,
  });
  const postJson = (p: FakePost): Json => {
    const replies = commentsOf(p.id, true).length;
    return {
      id: p.id, message: p.message, created_time: t(p.created), from: { id: p.pageId, name: s.pages.get(p.pageId)?.name }, permalink_url: `https://www.facebook.com/${p.id}`,
      ...(p.photos[0] ? { full_picture: `https://scontent.fake/${p.photos[0].id}.jpg` } : {}),
      comments: { data: [], summary: { total_count: replies, order: 'ranked', can_comment: true } },
      reactions: { data: [], summary: { total_count: p.reactions } },
      ...(p.shares ? { shares: { count: p.shares } } : {}),
      ...(p.link ? { link: p.link } : {}),
      attachments: { data: p.photos.map((ph) => ({ media_type: 'photo', target: { id: ph.id }, description: ph.alt })) },
    };
  };

  return async (req) => {
    const [id, edge] = req.parts;
    const q = req.query;
    const b = req.body;
    if (id === 'me' && edge === 'accounts' && req.token?.kind === 'user') {
      const pages = [...s.pages.values()].filter((p) => p.owner === req.token!.id).map((p) => ({
        id: p.id, name: p.name, username: p.username, access_token: p.token, tasks: p.tasks, category: 'Brand',
        ...(p.igUserId ? { instagram_business_account: { id: p.igUserId, username: s.igUsers.get(p.igUserId)!.username, name: p.name } } : {}),
      }));
      return fake.paged(pages, q, 'me/accounts');
    }
    if (id === 'me' && !edge && req.token?.kind === 'user') return { id: req.token.id, name: s.users.get(req.token.id)?.name };
    const page = s.pages.get(id);
    if (page) {
      if (req.page?.id !== page.id) throw new GraphError(403, '(#10) This endpoint requires the pages_read_engagement permission or the Page Public Content Access feature.', 10);
      if (!edge && req.method === 'GET') return { id: page.id, name: page.name, username: page.username, followers_count: page.followers, fan_count: page.followers, ...(page.igUserId ? { instagram_business_account: { id: page.igUserId } } : {}) };
      if (edge === 'photos' && req.method === 'POST') {
        need(req, 'pages_manage_posts');
        if (!b.get('url') && !b.get('source')) throw new GraphError(400, '(#324) Requires upload file', 324);
        const photoId = s.id();
        s.unpublishedPhotos.set(photoId, { pageId: page.id, alt: b.get('alt_text_custom') ?? null, used: false });
        return { id: photoId };
      }
      if (edge === 'feed' && req.method === 'POST') {
        need(req, 'pages_manage_posts');
        const message = b.get('message') ?? '';
        const photos: FakePost['photos'] = [];
        for (const [k, v] of b) {
          if (!k.startsWith('attached_media')) continue;
          const fbid = (JSON.parse(v) as { media_fbid: string }).media_fbid;
          const ph = s.unpublishedPhotos.get(fbid);
          if (!ph || ph.pageId !== page.id || ph.used) throw new GraphError(400, `(#100) Invalid media_fbid ${fbid}`, 100);
          ph.used = true;
          photos.push({ id: fbid, alt: ph.alt });
        }
        if (!message && !photos.length && !b.get('link')) throw new GraphError(400, '(#100) Missing message or attachment', 100);
        const now = s.tick();
        const dup = [...s.posts.values()].some((p) => !p.deleted && p.pageId === page.id && message && p.message === message && now - p.created < DUPLICATE_WINDOW_MS);
        if (dup) throw new GraphError(400, 'Duplicate status message', 506, undefined, 'OAuthException', 'This status update is identical to the last one you posted.');
        const post: FakePost = { id: `${page.id}_${s.id()}`, pageId: page.id, message, created: now, link: b.get('link') ?? null, photos, deleted: false, reactions: 0, shares: 0, views: 0 };
        s.posts.set(post.id, post);
        return { id: post.id };
      }
      if ((edge === 'published_posts' || edge === 'feed') && req.method === 'GET') {
        const since = q.get('since') ? Number(q.get('since')) * 1000 : 0;
        const list = [...s.posts.values()].filter((p) => p.pageId === page.id && !p.deleted && p.created >= since).sort((a, b2) => b2.created - a.created);
        const out = fake.paged(list.map(postJson), q, `${page.id}/${edge}`, q.get('summary') ? { summary: { total_count: list.length } } : {});
        return out;
      }
      if (edge === 'blocked' && req.method === 'POST') {
        need(req, 'pages_manage_engagement');
        const user = b.get('user') ?? b.get('uid') ?? b.get('psid') ?? b.get('asid');
        if (!user) throw new GraphError(400, '(#100) The parameter user is required', 100);
        page.blocked.add(user);
        return { [user]: true };
      }
      if (edge === 'blocked' && req.method === 'GET') return fake.paged([...page.blocked].map((u) => ({ id: u })), q, `${page.id}/blocked`);
      if (edge === 'tagged') return fake.paged(s.pageTags.filter((x) => x.pageId === page.id).sort((a, c) => c.created - a.created)
        .map((x) => ({ id: x.id, message: x.message, created_time: t(x.created), from: { id: x.fromId, name: x.fromName }, permalink_url: `https://www.facebook.com/${x.id}` })), q, `${page.id}/tagged`);
      if (edge === 'conversations') {
        need(req, q.get('platform') === 'instagram' ? 'instagram_manage_messages' : 'pages_messaging');
        const platform = q.get('platform') === 'instagram' ? 'instagram' : 'messenger';
        const mine = s.messages.filter((m) => m.pageId === page.id && m.platform === platform);
        const convs = [...new Set(mine.map((m) => m.conversationId))].map((cid) => ({
          id: cid, updated_time: t(Math.max(...mine.filter((m) => m.conversationId === cid).map((m) => m.created))),
          messages: { data: mine.filter((m) => m.conversationId === cid).sort((a, c) => c.created - a.created)
            .map((m) => ({ id: m.id, message: m.text, created_time: t(m.created), from: { id: m.fromId, name: m.fromName, ...(platform === 'instagram' ? { username: m.fromName } : {}) } })) },
        }));
        return fake.paged(convs, q, `${page.id}/conversations`);
      }
      if (edge === 'insights') {
        const known = new Set(['page_follows', 'page_media_view', 'page_total_media_view_unique', 'page_post_engagements']);
        const metrics = (q.get('metric') ?? '').split(',');
        const bad = metrics.find((m) => !known.has(m));
        if (bad) throw new GraphError(400, `(#100) The value must be a valid insights metric`, 100, undefined, 'OAuthException', `Invalid metric: ${bad}`);
        return { data: metrics.map((m) => ({ name: m, period: 'day', values: [{ value: m === 'page_follows' ? page.followers : 0, end_time: t(Date.now()) }], id: `${page.id}/insights/${m}/day` })) };
      }
    }
    const post = s.posts.get(id);
    if (post) {
      if (post.deleted || req.page?.id !== post.pageId && req.method !== 'GET') throw notFound(id);
      if (!edge && req.method === 'GET') return postJson(post);
      if (!edge && req.method === 'DELETE') {
        need(req, 'pages_manage_posts');
        post.deleted = true;
        return { success: true };
      }
      if (edge === 'insights') {
        const metrics = (q.get('metric') ?? '').split(',');
        const bad = metrics.find((m) => !['post_media_view', 'post_total_media_view_unique', 'post_reactions_by_type_total', 'post_clicks'].includes(m));
        if (bad) throw new GraphError(400, '(#100) The value must be a valid insights metric', 100, undefined, 'OAuthException', `Invalid metric: ${bad}`);
        return { data: metrics.map((m) => ({ name: m, period: 'lifetime', values: [{ value: post.views }] })) };
      }
    }
    const comment = s.comments.get(id);
    if (comment && s.posts.has(comment.rootId)) {
      if (comment.deleted) throw notFound(id);
      if (!edge && req.method === 'GET') return commentJson(comment);
      if (!edge && req.method === 'POST') {
        need(req, 'pages_manage_engagement');
        if (b.has('is_hidden')) comment.hidden = b.get('is_hidden') === 'true';
        return { success: true };
      }
      if (!edge && req.method === 'DELETE') {
        need(req, 'pages_manage_engagement');
        comment.deleted = true;
        return { success: true };
      }
    }
    const target = livePost(id) ?? (comment && s.posts.has(comment.rootId) ? liveComment(id) : null);
    if (target && edge === 'comments') {
      const rootId = 'pageId' in target ? target.id : target.rootId;
      if (req.method === 'POST') {
        need(req, 'pages_manage_engagement');
        const p = req.page!;
        const c: FakeComment = { id: `${rootId.split('_')[1]}_${s.id()}`, objectId: id, rootId, fromId: p.id, fromName: p.name, message: b.get('message') ?? '', created: s.tick(), hidden: false, deleted: false, parentId: 'pageId' in target ? null : target.id };
        s.comments.set(c.id, c);
        return { id: c.id };
      }
      const list = commentsOf(id === rootId ? rootId : id, q.get('filter') === 'stream' && id === rootId).sort((a, c) => a.created - c.created);
      if (q.get('order') === 'reverse_chronological') list.reverse();
      return fake.paged(list.map(commentJson), q, `${id}/comments`, q.get('summary') ? { summary: { total_count: list.length } } : {});
    }
    return null;
  };
}

/** Someone comments on a Page post (or answers a comment), as a visitor. */
export function fbCommentAs(fake: MetaFake, who: { id: string; name: string }, objectId: string, message: string): string {
  const s = fake.state;
  const parent = s.comments.get(objectId);
  const rootId = parent ? parent.rootId : objectId;
  if (!s.posts.get(rootId) || s.posts.get(rootId)!.deleted) throw new Error(`no post ${rootId}`);
  const c: FakeComment = { id: `${rootId.split('_')[1]}_${s.id()}`, objectId, rootId, fromId: who.id, fromName: who.name, message, created: s.tick(), hidden: false, deleted: false, parentId: parent ? parent.id : null };
  s.comments.set(c.id, c);
  return c.id;
}

/** The comment's author edits it on Facebook: the fake holds the new words (send feedCommentPayload(…, 'edited')). */
export function fbEditComment(fake: MetaFake, commentId: string, message: string): void {
  const c = fake.state.comments.get(commentId);
  if (!c || c.deleted) throw new Error(`no comment ${commentId}`);
  c.message = message;
}

/** A Page admin hides (or shows again) the comment on Facebook itself (send feedCommentPayload(…, 'hide' | 'unhide')). */
export function fbSetHidden(fake: MetaFake, commentId: string, hidden: boolean): void {
  const c = fake.state.comments.get(commentId);
  if (!c || c.deleted) throw new Error(`no comment ${commentId}`);
  c.hidden = hidden;
}

/** The comment's author removes it on Facebook: it is gone from the Graph (send feedCommentPayload(…, 'remove')). */
export function fbRemoveComment(fake: MetaFake, commentId: string): void {
  const c = fake.state.comments.get(commentId);
  if (!c) throw new Error(`no comment ${commentId}`);
  c.deleted = true;
}
