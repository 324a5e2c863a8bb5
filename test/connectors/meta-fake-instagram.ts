/**
 * Instagram Platform routes of the Meta fake (Instagram API with Facebook Login, Graph v24.0): containers whose
 * media the server really downloads from `image_url`/`video_url`, status_code polling, media_publish (9007 while
 * processing), content_publishing_limit, comments, replies, hide, tags, insights with the 2025 metric names.
 */
import { GraphError, notFound, type GraphRequest, type Handler, type Json, type MetaFake } from './meta-fake.js';
import { graphTime } from './meta-fake-state.js';
import type { FakeComment, FakeContainer, FakeMedia } from './meta-fake-state.js';

export const IG_QUOTA = 100;
const DAY_MS = 24 * 60 * 60_000;

async function download(url: string, video: boolean): Promise<void> {
  const fail = () => new GraphError(400, 'Media download has failed. The media URI doesn\'t meet our requirements.', 9004, 2207052, 'OAuthException',
    'The media could not be fetched from the URI.');
  const res = await fetch(url).catch(() => null);
  if (!res?.ok) throw fail();
  const type = res.headers.get('content-type') ?? '';
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (video ? !type.startsWith('video/') : type !== 'image/jpeg' || bytes[0] !== 0xff || bytes[1] !== 0xd8) {
    throw new GraphError(400, 'Only photo or video can be accepted as media type.', 9004, 2207026, 'OAuthException', 'The image format is not supported: use JPEG.');
  }
}

export function instagramRoutes(fake: MetaFake): Handler {
  const s = fake.state;
  const t = graphTime;
  const need = (req: GraphRequest, perm: string) => {
    if (!req.page?.permissions.has(perm)) throw new GraphError(403, `(#10) Application does not have permission for this action (${perm})`, 10);
  };
  const mediaJson = (m: FakeMedia): Json => ({
    id: m.id, caption: m.caption, timestamp: t(m.created), media_type: m.type === 'STORY' ? 'IMAGE' : m.type === 'REELS' ? 'VIDEO' : m.type,
    media_product_type: m.type === 'STORY' ? 'STORY' : m.type === 'REELS' ? 'REELS' : 'FEED',
    permalink: `https://www.instagram.com/p/${m.id}/`, media_url: m.items[0]?.url, like_count: m.likes,
    // IG Media reference: `thumbnail_url` is given for videos only (a reel's cover); `media_url` is then the video.
    ...(m.type === 'VIDEO' || m.type === 'REELS' ? { thumbnail_url: `https://scontent.cdninstagram.fake/${m.id}_cover.jpg` } : {}),
    comments_count: [...s.comments.values()].filter((c) => !c.deleted && c.rootId === m.id).length,
    username: s.igUsers.get(m.igUserId)?.username,
  });
  const commentJson = (c: FakeComment): Json => ({
    id: c.id, text: c.message, timestamp: t(c.created), username: c.fromName, from: { id: c.fromId, username: c.fromName }, hidden: c.hidden,
    ...(c.parentId ? { parent_id: c.parentId } : {}),
    replies: { data: [...s.comments.values()].filter((r) => !r.deleted && r.parentId === c.id).map((r) => ({ id: r.id, text: r.message, timestamp: t(r.created), username: r.fromName, from: { id: r.fromId, username: r.fromName }, parent_id: c.id })) },
  });
  const published24h = (igId: string) => [...s.media.values()].filter((m) => m.igUserId === igId && Date.now() - m.created < DAY_MS).length;

  return async (req) => {
    const [id, edge] = req.parts;
    const q = req.query;
    const b = req.body;
    const ig = s.igUsers.get(id);
    if (ig) {
      if (req.page?.id !== ig.pageId) throw new GraphError(403, '(#10) Application does not have permission for this action', 10);
      if (!edge && req.method === 'GET') {
        return { id: ig.id, username: ig.username, name: ig.name, followers_count: ig.followers, follows_count: ig.follows, media_count: [...s.media.values()].filter((m) => m.igUserId === ig.id && !m.deleted && m.type !== 'STORY').length };
      }
      if (edge === 'media' && req.method === 'POST') {
        need(req, 'instagram_content_publish');
        const type = b.get('media_type');
        const params = Object.fromEntries(b);
        let items: FakeContainer['items'] = [];
        if (type === 'CAROUSEL') {
          const children = (b.get('children') ?? '').split(',').filter(Boolean);
          if (children.length < 2 || children.length > 10) throw new GraphError(400, 'The carousel must have between 2 and 10 children.', 100, 2207089);
          for (const c of children) {
            const child = s.containers.get(c);
            if (!child || child.igUserId !== ig.id || child.params.is_carousel_item !== 'true') throw new GraphError(400, `Invalid children ${c}`, 100, 2207006);
            if (child.status !== 'FINISHED') throw new GraphError(400, 'Media ID is not available', 9007, 2207027, 'OAuthException', 'The media is not ready for publishing, please wait for a moment.');
            items.push(...child.items);
          }
        } else {
          const url = b.get('image_url') ?? b.get('video_url');
          if (!url) throw new GraphError(400, '(#100) The parameter image_url is required', 100);
          await download(url, Boolean(b.get('video_url')));
          if ((type === 'REELS' || type === 'VIDEO') && !b.get('video_url')) throw new GraphError(400, '(#100) The parameter video_url is required', 100);
          items = [{ alt: b.get('alt_text') ?? null, url }];
        }
        const caption = b.get('caption') ?? '';
        if ([...caption.matchAll(/#[\p{L}\p{N}_]+/gu)].length > 30) throw new GraphError(400, 'The caption contains more than 30 hashtags.', 100, 2207005);
        const c: FakeContainer = { id: s.id(), igUserId: ig.id, params, pollsLeft: fake.processingPolls, status: 'IN_PROGRESS', error: fake.processingError, mediaId: null, items };
        s.containers.set(c.id, c);
        return { id: c.id };
      }
      if (edge === 'media_publish' && req.method === 'POST') {
        need(req, 'instagram_content_publish');
        if (published24h(ig.id) >= IG_QUOTA) throw new GraphError(400, 'Application request limit reached', 4, 2207042, 'OAuthException', 'You have reached the maximum number of posts allowed in 24 hours.');
        const c = s.containers.get(b.get('creation_id') ?? '');
        if (!c || c.igUserId !== ig.id) throw notFound(b.get('creation_id') ?? '');
        if (c.status === 'PUBLISHED') throw new GraphError(400, 'The media has already been published.', 100, 2207008);
        if (c.status !== 'FINISHED') throw new GraphError(400, 'Media ID is not available', 9007, 2207027, 'OAuthException', 'The media is not ready for publishing, please wait for a moment.');
        const type = c.params.media_type;
        const m: FakeMedia = {
          id: s.id(), igUserId: ig.id, caption: c.params.caption ?? '', created: s.tick(), deleted: false, likes: 0, shares: 0, views: 0, items: c.items,
          type: type === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : type === 'STORIES' ? 'STORY' : type === 'REELS' ? 'REELS' : type === 'VIDEO' ? 'VIDEO' : 'IMAGE',
        };
        s.media.set(m.id, m);
        c.status = 'PUBLISHED';
        c.mediaId = m.id;
        return { id: m.id };
      }
      if (edge === 'media' && req.method === 'GET') {
        const list = [...s.media.values()].filter((m) => m.igUserId === ig.id && !m.deleted && m.type !== 'STORY').sort((a, c) => c.created - a.created);
        return fake.paged(list.map(mediaJson), q, `${ig.id}/media`);
      }
      if (edge === 'stories') return fake.paged([...s.media.values()].filter((m) => m.igUserId === ig.id && !m.deleted && m.type === 'STORY').map(mediaJson), q, `${ig.id}/stories`);
      if (edge === 'content_publishing_limit') {
        return { data: [{ quota_usage: published24h(ig.id), config: { quota_total: IG_QUOTA, quota_duration: 86400 } }] };
      }
      if (edge === 'tags') {
        return fake.paged(s.tags.filter((x) => x.igUserId === ig.id).sort((a, c) => c.created - a.created)
          .map((x) => ({ id: x.id, caption: x.caption, timestamp: t(x.created), username: x.username, permalink: `https://www.instagram.com/p/${x.id}/` })), q, `${ig.id}/tags`);
      }
      if (edge === 'insights') {
        return { data: (q.get('metric') ?? '').split(',').map((name) => ({ name, period: 'day', total_value: { value: name === 'follows_and_unfollows' ? 0 : 0 } })) };
      }
    }
    const container = s.containers.get(id);
    if (container && !edge && req.method === 'GET') {
      if (container.status === 'IN_PROGRESS') {
        if (container.pollsLeft-- <= 0) container.status = container.error ? 'ERROR' : 'FINISHED';
      }
      return { id: container.id, status_code: container.status, status: container.status === 'ERROR' ? (container.error ?? 'ERROR') : container.status === 'FINISHED' ? 'Finished: Media has been uploaded and it is ready to be published.' : container.status };
    }
    const media = s.media.get(id);
    if (media) {
      if (media.deleted) throw notFound(id);
      if (!edge && req.method === 'GET') return mediaJson(media);
      if (!edge && req.method === 'DELETE') {
        need(req, 'instagram_content_publish');
        media.deleted = true;
        return { success: true };
      }
      if (edge === 'insights') {
        const known = new Set(['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions', 'replies', 'navigation']);
        const metrics = (q.get('metric') ?? '').split(',');
        const bad = metrics.find((m) => !known.has(m));
        if (bad) throw new GraphError(400, `(#100) metric[0] must be one of the following values: ${[...known].join(', ')}`, 100);
        const value = (m: string) => (m === 'views' ? media.views : m === 'shares' ? media.shares : m === 'likes' ? media.likes : 0);
        return { data: metrics.map((m) => ({ name: m, period: 'lifetime', values: [{ value: value(m) }], id: `${media.id}/insights/${m}/lifetime` })) };
      }
      if (edge === 'comments' && req.method === 'POST') {
        need(req, 'instagram_manage_comments');
        const me = s.igUsers.get(media.igUserId)!;
        return { id: addIgComment(fake, { id: me.id, username: me.username }, media.id, b.get('message') ?? '') };
      }
      if (edge === 'comments') {
        const list = [...s.comments.values()].filter((c) => !c.deleted && c.objectId === media.id).sort((a, c) => c.created - a.created);
        return fake.paged(list.map(commentJson), q, `${media.id}/comments`);
      }
    }
    const comment = s.comments.get(id);
    if (comment && s.media.has(comment.rootId)) {
      if (comment.deleted) throw notFound(id);
      if (!edge && req.method === 'GET') return commentJson(comment);
      if (!edge && req.method === 'POST') {
        need(req, 'instagram_manage_comments');
        if (b.has('hide')) comment.hidden = b.get('hide') === 'true';
        return { success: true };
      }
      if (!edge && req.method === 'DELETE') {
        need(req, 'instagram_manage_comments');
        comment.deleted = true;
        return { success: true };
      }
      if (edge === 'replies' && req.method === 'POST') {
        need(req, 'instagram_manage_comments');
        const me = s.igUsers.get(s.media.get(comment.rootId)!.igUserId)!;
        return { id: addIgComment(fake, { id: me.id, username: me.username }, id, b.get('message') ?? '') };
      }
      if (edge === 'replies') return fake.paged([...s.comments.values()].filter((r) => !r.deleted && r.parentId === id).map(commentJson), q, `${id}/replies`);
    }
    return null;
  };
}

/** A comment on a media (or a reply to a comment) by an Instagram user. */
export function addIgComment(fake: MetaFake, who: { id: string; username: string }, objectId: string, text: string): string {
  const s = fake.state;
  const parent = s.comments.get(objectId);
  const rootId = parent ? parent.rootId : objectId;
  if (!s.media.get(rootId) || s.media.get(rootId)!.deleted) throw new Error(`no media ${rootId}`);
  const c: FakeComment = { id: s.id(), objectId: parent ? parent.objectId : objectId, rootId, fromId: who.id, fromName: who.username, message: text, created: s.tick(), hidden: false, deleted: false, parentId: parent ? parent.id : null };
  s.comments.set(c.id, c);
  return c.id;
}
