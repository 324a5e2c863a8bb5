import crypto from 'node:crypto';
import { expect } from 'vitest';
import { addMember, type TestClient } from '../helpers/client.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import type { TestRuche } from '../helpers/ruche.js';

export interface Person {
  client: TestClient;
  userId: string;
  memberId: string;
  /** The e-mail's local part, which is also the name the invitation gave them. */
  handle: string;
  email: string;
}

/** A workspace of its own for one test: the owner, one member per role asked, and one connected account. */
export async function team(
  ruche: TestRuche,
  owner: { client: TestClient; userId: string },
  roles: Record<string, string>,
  opts: { approvalSteps?: Array<{ roles: string[]; count: number }>; locale?: 'en' | 'fr' } = {},
) {
  const tag = crypto.randomBytes(3).toString('hex');
  const created = await owner.client.post('/api/v1/workspaces', { name: `Team ${tag}`, locale: opts.locale ?? 'en' });
  expect(created.status).toBe(201);
  const ws = created.body.id as string;
  const people: Record<string, Person> = {};
  for (const [key, role] of Object.entries(roles)) {
    const handle = `${key}.${tag}`;
    const email = `${handle}@example.com`;
    people[key] = { ...(await addMember(owner.client, ws, email, role)), handle, email };
  }
  if (opts.approvalSteps) {
    expect((await owner.client.patch(`/api/v1/workspaces/${ws}/publishing`, { approvalSteps: opts.approvalSteps })).status).toBe(200);
  }
  const accountHandle = `brand-${tag}`;
  const account = await connectLocalAccount(ruche, ws, owner.userId, accountHandle);
  return { ws, tag, people, account, accountHandle };
}

export interface NotificationItem {
  id: string;
  kind: string;
  workspaceId: string;
  params: Record<string, string | number | null>;
  object: { type: string; id: string };
  link: string;
  actor: { id: string; name: string } | null;
  readAt: string | null;
}

export async function inbox(client: TestClient, query = ''): Promise<{ items: NotificationItem[]; unread: number; nextCursor: string | null }> {
  const res = await client.get(`/api/v1/notifications${query}`);
  expect(res.status).toBe(200);
  return res.body;
}

/** Polls until `pick` finds something (the work may finish in the worker, after the request). */
export async function eventually<T>(read: () => Promise<T | undefined | null | false>, what: string, tries = 200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const found = await read();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  return expect.fail(`never happened: ${what}`);
}

export const ofKind = (items: NotificationItem[], kind: string, objectId?: string) =>
  items.filter((n) => n.kind === kind && (!objectId || n.object.id === objectId));
