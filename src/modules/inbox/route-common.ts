import type { Context } from 'hono';
import type { HttpEnv } from '../../http/types.js';

export const inboxBase = '/api/v1/workspaces/{workspaceId}/inbox';
export const tags = ['Inbox'];

/**
 * What the inbox's functions need of a request: the store, the workspace, who asks, from where, and when, and the
 * data stamp read with the membership.
 */
export function scopeOf(c: Context<HttpEnv>) {
  const { ctx, actor, member, ip } = c.var;
  return { store: ctx.store, workspaceId: member.workspaceId, userId: actor.userId, ip, now: ctx.clock.now(), stamp: member.stamp };
}
