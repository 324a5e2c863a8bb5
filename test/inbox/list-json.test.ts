/**
 * The list's items are written as JSON by the database (item-json.ts): on each database, every field of a page is
 * what presentItem makes of the same rows, the detail's way, for items whose fields take their unusual values too
 * (no categories in the analysis, categories beyond the usual five, a float that is not short, quotes and line
 * breaks in the text, an author blocked and on lists, replies sent and not).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner } from '../helpers/client.js';
import { connectLocalAccount } from '../helpers/publishing.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { listItems, replyCounts } from '../../src/modules/inbox/list.js';
import { AUTHOR_COLUMNS, ITEM_COLUMNS, presentItem, type JoinedRow } from '../../src/modules/inbox/presenters.js';
import { seedItem } from './seed.js';

describe.each(databases)('inbox items written as JSON by %s', (kind) => {
  const network = new LocalNetwork();
  let ruche: TestRuche;
  let ws: string;
  let userId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
    ({ workspaceId: ws, userId } = await setupOwner(ruche.url));
    const account = await connectLocalAccount(ruche, ws, userId, 'brand');
    const texts = ['Plain words', 'Quotes " and \\ backslash\nand a new line, émoji 🐝', 'Hateful words', 'Nothing analysed'];
    for (const [i, text] of texts.entries()) {
      const seeded = await seedItem(ruche, ws, {
        accountId: account, text, createdAt: Date.UTC(2026, 10, 1, 9, i), author: { handle: `author${i % 2}.test`, displayName: i === 1 ? 'Ann "A" Z' : null },
        toxicityCategory: i === 2 ? 'hate' : null, complaint: i === 0, risk: i === 1 ? 0.1 + 0.2 : 1 / 3,
      });
      ids.push(seeded.id);
    }
    const { db } = ruche.ctx.store;
    // An analysis without categories or reasons; another with a category beyond the five and a long float.
    await db.updateTable('inbox_items').set({ analysis: '{}', labels: '["vip","late"]', removed_at: Date.UTC(2026, 10, 2), first_reply_at: Date.UTC(2026, 10, 3) }).where('id', '=', ids[3]!).execute();
    await db.updateTable('inbox_items').set({
      analysis: JSON.stringify({ toxicity: { categories: { hate: 0.12345678901234566, scam: 0.5 } }, reasons: [{ rule: 'r', weight: 1e-7, nested: { a: [1, null] } }] }),
      sentiment_score: -0.7071067811865476, edited_at: Date.UTC(2026, 10, 4),
    }).where('id', '=', ids[1]!).execute();
    const author = await db.selectFrom('inbox_items').select('author_id').where('id', '=', ids[1]!).executeTakeFirstOrThrow();
    await db.updateTable('inbox_authors').set({ lists: '["vip"]', advocate: 1, blocked_at: Date.UTC(2026, 10, 5), account_created_at: Date.UTC(2020, 0, 1) }).where('id', '=', author.author_id).execute();
    // Two replies sent and one failed to the first item, a like to the second: only sent replies count.
    const reply = (itemId: string, n: number, kind: 'reply' | 'like', status: 'sent' | 'failed') => ({
      id: `reply-${itemId}-${n}`, item_id: itemId, workspace_id: ws, account_id: account, author_id: userId, kind, body: 'Thanks', status, created_at: Date.UTC(2026, 10, 2, n),
    });
    await db.insertInto('inbox_replies').values([reply(ids[0]!, 1, 'reply', 'sent'), reply(ids[0]!, 2, 'reply', 'sent'), reply(ids[0]!, 3, 'reply', 'failed'), reply(ids[1]!, 4, 'like', 'sent')]).execute();
  });
  afterAll(async () => {
    await ruche?.stop();
  });

  /** The items as presentItem shows them, newest first. */
  async function presented() {
    const scope = { store: ruche.ctx.store, workspaceId: ws, userId };
    const rows = (await ruche.ctx.store.db
      .selectFrom('inbox_items as i')
      .innerJoin('inbox_authors as a', 'a.id', 'i.author_id')
      .select([...ITEM_COLUMNS, ...AUTHOR_COLUMNS])
      .where('i.workspace_id', '=', ws)
      .orderBy('i.created_at', 'desc')
      .execute()) as unknown as JoinedRow[];
    const replies = await replyCounts(scope, rows.map((r) => r.id));
    return rows.map((r) => presentItem(r, replies.get(r.id) ?? 0));
  }

  it('gives every field of every item as presentItem does, newest and riskiest first, searched or not', async () => {
    const scope = { store: ruche.ctx.store, workspaceId: ws, userId };
    const expected = await presented();
    expect(expected.map((i) => i.replyCount)).toEqual([0, 0, 0, 2]);
    expect(expected[2]!.categories).toMatchObject({ hate: 0.12345678901234566, scam: 0.5, insult: 0 });

    const newest = JSON.parse((await listItems(scope, { limit: 50, sort: 'newest' })).text);
    expect(newest).toEqual({ items: expected, nextCursor: null });
    const riskiest = JSON.parse((await listItems(scope, { limit: 50, sort: 'risk' })).text);
    const byRisk = [...expected].sort((a, b) => b.risk - a.risk || b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    expect(riskiest.items).toEqual(byRisk);
    const searched = JSON.parse((await listItems(scope, { limit: 50, sort: 'newest', q: 'backslash' })).text);
    expect(searched.items).toEqual([expected.find((i) => i.text.includes('backslash'))]);
  });

  it('goes on from a cursor with the same items, a page at a time', async () => {
    const scope = { store: ruche.ctx.store, workspaceId: ws, userId };
    const expected = await presented();
    const seen = [];
    let cursor: string | undefined;
    do {
      const page = JSON.parse((await listItems(scope, { limit: 3, sort: 'newest', ...(cursor ? { cursor } : {}) })).text);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
  });
});
