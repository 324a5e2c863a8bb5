import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { HttpEnv } from '../../http/types.js';
import { WorkspaceParams } from '../../http/route.js';
import { loadPost } from './posts-repository.js';
import { presentPosts } from './posts-presenter.js';

export const PostParams = WorkspaceParams.extend({ postId: z.string().min(1).max(64) });
export const PostSchema = z.object({ id: z.string(), status: z.string(), version: z.number() }).passthrough().openapi('Post');

/** One post as the API shows it to this member. */
export async function postAnswer(c: Context<HttpEnv>, postId: string) {
  const { ctx, member, actor } = c.var;
  const post = await loadPost(ctx.store.db, member.workspaceId, postId);
  const [view] = await presentPosts(ctx.store.db, member.workspaceId, [post], { userId: actor.userId, role: member.role });
  return view;
}

