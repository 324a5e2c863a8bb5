/**
 * The inbox from Mastodon, against test/connectors/mastodon-fake.ts: no Mastodon server installs here, so the fake
 * follows Mastodon's documented API (notifications, conversations, statuses/:id/context, favourite, reblog,
 * block/mute and their undo, reports) with the quirks of compatible servers (mastodon-fake-quirks.ts): since_id
 * ignored, UUID ids, no quotes before 4.4, Markdown rendering, and all of them together (the Hollo preset).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MastodonFake } from '../../../test/connectors/mastodon-fake.js';
import { QUIRK_VARIANTS, type MastodonQuirks } from '../../../test/connectors/mastodon-fake-quirks.js';
import type { FakeAccount } from '../../../test/connectors/mastodon-fake-state.js';
import type { InboundPage } from '../types.js';
import { MastodonConnector } from './index.js';

const VARIANTS = QUIRK_VARIANTS.filter((v) => ['mastodon', 'ignoresSinceId', 'uuidIds', 'noQuotes', 'markdown', 'hollo (all quirks)'].includes(v.name));
const WEEK_AGO = () => new Date(Date.now() - 7 * 86_400_000).toISOString();

/** Reads a whole walk: pages until `more` is false. */
async function walk(read: (cursor: string | null) => Promise<InboundPage>, cursor: string | null = null) {
  const pages: InboundPage[] = [];
  for (let page = await read(cursor); ; page = await read(page.cursor)) {
    pages.push(page);
    if (!page.more) return { pages, cursor: page.cursor, items: pages.flatMap((p) => p.items), counters: pages.flatMap((p) => p.counters) };
  }
}

describe.each(VARIANTS)('mastodon inbox on $name', ({ quirks }: { quirks: MastodonQuirks }) => {
  let fake: MastodonFake;
  let fan: FakeAccount;
  let troll: FakeAccount;
  beforeAll(async () => {
    fake = await new MastodonFake({ quirks }).start();
    fan = fake.createAccount('fan', { displayName: 'Fan <b>club</b>', followersCount: 1234, createdAt: '2023-05-01T00:00:00.000Z' });
    troll = fake.createAccount('troll');
  });
  afterAll(() => fake.close());

  let n = 0;
  const account = () => {
    const me = fake.createAccount(`brand${++n}`);
    const connector = new MastodonConnector({ credentials: { network: 'mastodon', instanceUrl: fake.url, accessToken: me.token, accountId: me.id } });
    const inbox = (cursor: string | null) => connector.readInbox(cursor, { since: WEEK_AGO() });
    const messages = (cursor: string | null) => connector.readMessages(cursor, { since: WEEK_AGO() });
    return { me, connector, inbox, messages };
  };

  it('reads a reply, a mention and a quote as items, and favourites, boosts and follows as counters', async () => {
    const { me, inbox } = account();
    const ours = fake.postAs(me, 'Notre nouveau miel est arrivé');
    const reply = fake.replyAs(fan, ours.id, 'Il est <délicieux> & pas cher');
    const mention = fake.mentionAs(troll, me, 'vous êtes nuls');
    const quote = fake.quoteAs(fan, ours.id, 'Regardez ça');
    const like = fake.favouriteAs(fan, ours.id)!;
    const boost = fake.reblogAs(troll, ours.id)!;
    const follow = fake.followAs(fan, me)!;

    const { items, counters } = await walk(inbox);
    const byId = new Map(items.map((i) => [i.ref.id, i]));
    expect(byId.get(reply.id)).toMatchObject({
      kind: 'reply', parent: { id: ours.id }, root: { id: ours.id }, conversationId: null, quoted: null,
      author: { id: fan.id, handle: 'fan', displayName: 'Fan <b>club</b>', followers: 1234, createdAt: '2023-05-01T00:00:00.000Z',
        avatarUrl: expect.stringMatching(/^http/) },
      text: `@${me.username} Il est <délicieux> & pas cher`,
      context: [{ ref: { id: ours.id }, authorHandle: me.username, text: 'Notre nouveau miel est arrivé', createdAt: ours.created_at }],
      languages: ['en'], url: expect.stringContaining(reply.id),
    });
    expect(byId.get(mention.id)).toMatchObject({ kind: 'mention', parent: null, root: null, context: [], author: { handle: 'troll' } });
    if (quirks.noQuotes) expect(byId.has(quote.id)).toBe(false);
    else expect(byId.get(quote.id)).toMatchObject({ kind: 'quote', quoted: { id: ours.id }, text: 'Regardez ça' });
    expect(items).toHaveLength(quirks.noQuotes ? 2 : 3);
    expect(counters.map((c) => [c.kind, c.id]).sort()).toEqual([['follow', follow.id], ['like', like.id], ['repost', boost.id]].sort());
  });

  it('walks a reply deep in a thread with its ancestors, oldest first, and the thread’s first post as root', async () => {
    const { me, inbox } = account();
    const root = fake.postAs(me, 'Question du jour');
    const a = fake.replyAs(fan, root.id, 'Réponse');
    const b = fake.replyAs(me, a.id, 'Merci !');
    const c = fake.replyAs(troll, b.id, 'Bof');
    const { items } = await walk(inbox);
    const item = items.find((i) => i.ref.id === c.id)!;
    expect(item).toMatchObject({ kind: 'reply', parent: { id: b.id }, root: { id: root.id } });
    expect(item.context.map((x) => x.ref.id)).toEqual([root.id, a.id, b.id]);
  });

  it('a reply to someone else that names us is a mention, and a reply that does not name us never arrives', async () => {
    const { me, inbox } = account();
    const theirs = fake.postAs(troll, 'Un sujet');
    const naming = fake.replyAs(fan, theirs.id, `@${me.username} qu’en pensez-vous ?`);
    const ours = fake.postAs(me, 'Bonjour');
    const silent = fake.replyAs(fan, ours.id, 'sans mention', { mention: false });
    const { items } = await walk(inbox);
    expect(items.find((i) => i.ref.id === naming.id)).toMatchObject({ kind: 'mention', parent: { id: theirs.id } });
    expect(items.some((i) => i.ref.id === silent.id)).toBe(false);
  });

  it('pages back to `since` on the first walk, then reads only what is new, across pages, nothing twice', async () => {
    const { me, inbox } = account();
    fake.maxLimit = 3;
    try {
      const old = fake.mentionAs(fan, me, 'trop vieux', { createdAt: new Date(Date.now() - 9 * 86_400_000).toISOString() });
      const backlog = Array.from({ length: 8 }, (_, i) => fake.mentionAs(fan, me, `ancien ${i}`, { createdAt: new Date(Date.now() - (6 - i / 2) * 86_400_000).toISOString() }).id);
      const recent = Array.from({ length: 4 }, (_, i) => fake.mentionAs(troll, me, `récent ${i}`).id);
      const first = await walk(inbox);
      expect(first.pages.length).toBeGreaterThan(3);
      expect(first.pages.slice(0, -1).every((p) => p.more)).toBe(true);
      const ids = first.items.map((i) => i.ref.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...backlog, ...recent].sort());
      expect(ids).not.toContain(old.id);
      expect(Date.parse(first.pages.at(-1)!.reachedBack!)).toBeLessThan(Date.now() - 5 * 86_400_000);

      const later = Array.from({ length: 5 }, (_, i) => fake.mentionAs(fan, me, `nouveau ${i}`).id);
      const second = await walk(inbox, first.cursor);
      expect(second.items.map((i) => i.ref.id).sort()).toEqual([...later].sort());
      const third = await walk(inbox, second.cursor);
      expect(third.items).toEqual([]);
    } finally {
      fake.maxLimit = 40;
    }
  });

  it('resumes a walk that failed half-way from the last page handed out: nothing lost, nothing twice', async () => {
    const { me, inbox } = account();
    fake.maxLimit = 2;
    try {
      const start = await walk(inbox);
      const burst = Array.from({ length: 7 }, (_, i) => fake.mentionAs(fan, me, `rafale ${i}`).id);
      const got: string[] = [];
      const p1 = await inbox(start.cursor);
      got.push(...p1.items.map((i) => i.ref.id));
      expect(p1.more).toBe(true);
      fake.failNext = { count: 1, status: 503, path: '/api/v1/notifications' };
      await expect(inbox(p1.cursor)).rejects.toMatchObject({ kind: 'transient' });
      const newer = fake.mentionAs(troll, me, 'pendant la panne').id;
      const rest = await walk(inbox, p1.cursor);
      got.push(...rest.items.map((i) => i.ref.id));
      const after = await walk(inbox, rest.cursor);
      got.push(...after.items.map((i) => i.ref.id));
      expect(new Set(got).size).toBe(got.length);
      expect([...got].sort()).toEqual([...burst, newer].sort());
    } finally {
      fake.maxLimit = 40;
    }
  });

  it('reads a conversation: each message once, the earlier ones too, with the conversation’s id and thread', async () => {
    const { me, connector, messages, inbox } = account();
    const first = fake.dmAs(fan, me, 'Bonjour, une question privée');
    const second = fake.dmAs(fan, me, 'Vous êtes là ?', first.id);
    const start = await walk(messages);
    const conversation = fake.state.conversations.find((c) => c.ownerId === me.id)!;
    expect(start.items.map((i) => [i.kind, i.ref.id, i.conversationId])).toEqual([
      ['message', first.id, conversation.id], ['message', second.id, conversation.id],
    ]);
    expect(start.items[1]).toMatchObject({ parent: { id: first.id }, root: { id: first.id }, context: [{ ref: { id: first.id } }] });
    // Direct messages are not counted twice as mentions.
    expect((await walk(inbox)).items).toEqual([]);

    const ours = await connector.publish({ idempotencyKey: `dm-${n}`, text: 'Oui, dites-nous', replyTo: { id: second.id },
      replyToAuthor: { id: fan.id, handle: 'fan', displayName: null } });
    const stored = fake.state.statuses.find((s) => s.id === ours.ref.id)!;
    expect(stored).toMatchObject({ visibility: 'direct', inReplyToId: second.id, text: '@fan Oui, dites-nous' });
    const third = fake.dmAs(fan, me, 'Merci !', ours.ref.id);
    const fourth = fake.dmAs(fan, me, 'Et aussi…', third.id);
    const next = await walk(messages, start.cursor);
    expect(next.items.map((i) => i.ref.id)).toEqual([third.id, fourth.id]);
    expect(next.items.every((i) => i.conversationId === conversation.id)).toBe(true);
    expect((await walk(messages, next.cursor)).items).toEqual([]);
  });

  it('replies in the thread, naming the author once, and likes, boosts, blocks, unblocks, mutes, unmutes and reports', async () => {
    const { me, connector, inbox } = account();
    const ours = fake.postAs(me, 'Votre avis ?');
    const reply = fake.replyAs(troll, ours.id, 'Nul');
    const [item] = (await walk(inbox)).items;
    const answer = await connector.publish({ idempotencyKey: `reply-${n}`, text: 'Dites-nous pourquoi', replyTo: item.ref, replyToAuthor: item.author });
    const named = await connector.publish({ idempotencyKey: `reply2-${n}`, text: `Merci @troll, vraiment`, replyTo: item.ref, replyToAuthor: item.author });
    expect(fake.state.statuses.find((s) => s.id === answer.ref.id)).toMatchObject({ text: '@troll Dites-nous pourquoi', inReplyToId: reply.id, visibility: 'public' });
    expect(fake.state.statuses.find((s) => s.id === named.ref.id)?.text).toBe('Merci @troll, vraiment');
    // The author was notified: the mention is what reaches them.
    expect(fake.state.notifications.filter((x) => x.recipientId === troll.id && x.type === 'mention').map((x) => x.statusId)).toEqual(
      expect.arrayContaining([answer.ref.id, named.ref.id]));

    await connector.like(item.ref);
    await connector.repost(item.ref);
    expect(fake.state.favourites.has(`${me.id}:${reply.id}`)).toBe(true);
    expect(fake.state.reblogs.has(`${me.id}:${reply.id}`)).toBe(true);
    await connector.like(item.ref);

    await connector.blockAuthor(item.author);
    await connector.muteAuthor(item.author);
    expect(fake.state.relationship(me.id, troll.id)).toMatchObject({ blocking: true, muting: true });
    await connector.unblockAuthor(item.author);
    expect(fake.state.relationship(me.id, troll.id)).toMatchObject({ blocking: false, muting: true });
    await connector.unmuteAuthor(item.author);
    expect(fake.state.relationship(me.id, troll.id)).toMatchObject({ blocking: false, muting: false });
    await connector.reportComment(item.ref, item.author, 'Insulte');
    expect(fake.state.reports.at(-1)).toMatchObject({ by: me.id, accountId: troll.id, statusIds: [reply.id], comment: 'Insulte' });
  });

  it('shows hostile HTML as inert text: tags dropped, entities decoded once, scripts gone', async () => {
    const { me, inbox } = account();
    const s = fake.mentionAs(fan, me, 'x');
    // What a remote server may put in `content`, stored as is.
    const html = '<p>Salut &lt;script&gt;alert(1)&lt;/script&gt;<script>steal()</script><br>ligne 2</p><p>&#x1F41D; &#0; &amp;amp; <a href="javascript:x">lien</a></p>';
    const stored = fake.state.statuses.find((x) => x.id === s.id)!;
    const render = fake.state.renderStatus.bind(fake.state);
    fake.state.renderStatus = (x, depth) => (x.id === stored.id ? { ...render(x, depth), content: html } : render(x, depth));
    try {
      const [item] = (await walk(inbox)).items;
      expect(item.text).toBe('Salut <script>alert(1)</script>\nligne 2\n\n🐝 \ufffd &amp; lien');
    } finally {
      fake.state.renderStatus = render;
    }
  });
});
