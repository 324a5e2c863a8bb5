/**
 * No Mastodon server can be installed here: these tests run against test/connectors/mastodon-fake.ts, an HTTP
 * server on 127.0.0.1 that follows Mastodon's documented API (entities, status codes, error bodies,
 * Idempotency-Key, media processing, rate-limit headers). They prove our side of the protocol, not Mastodon's.
 * Everything runs on Mastodon as documented, on each quirk of compatible servers alone, and on all of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorContract } from '../contract.js';
import { ConnectorError } from '../errors.js';
import { MastodonFake } from '../../../test/connectors/mastodon-fake.js';
import { QUIRK_VARIANTS } from '../../../test/connectors/mastodon-fake-quirks.js';
import { mastodonContractNetwork, mastodonSkips } from '../../../test/connectors/mastodon-harness.js';
import { PNG_1PX } from '../../../test/connectors/fixtures.js';
import { countMastodonText, exchangeMastodonCode, mastodonAuthorizeUrl, MASTODON_CAPABILITIES, MastodonConnector, registerMastodonApp } from './index.js';

for (const { name, quirks } of QUIRK_VARIANTS) {
  connectorContract(`mastodon on ${name}`, () => mastodonContractNetwork(quirks), MASTODON_CAPABILITIES, mastodonSkips(quirks));
}

describe.each(QUIRK_VARIANTS)('mastodon connector on $name', ({ quirks }) => {
  let fake: MastodonFake;
  beforeAll(async () => {
    fake = await new MastodonFake({ quirks }).start();
  });
  afterAll(() => fake.close());

  const connect = (token: string, accountId: string) =>
    new MastodonConnector({ credentials: { network: 'mastodon', instanceUrl: fake.url, accessToken: token, accountId } });

  it('connects an account: app registration, authorize, code for token, verified account', async () => {
    const me = fake.createAccount('ruche_connect');
    fake.signInAs(me);
    const app = await registerMastodonApp({ instanceUrl: fake.url, redirectUri: 'http://127.0.0.1:9/cb', clientName: 'Ruche' });
    const authorize = new URL(mastodonAuthorizeUrl(app, 'st4te'));
    expect(authorize.searchParams.get('scope')).toBe('read write follow');
    const approved = await fetch(authorize, { redirect: 'manual' });
    const back = new URL(approved.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('st4te');
    const { credentials, account } = await exchangeMastodonCode(app, back.searchParams.get('code')!);
    expect(account).toMatchObject({ id: me.id, handle: 'ruche_connect' });
    expect(credentials).toMatchObject({ network: 'mastodon', instanceUrl: fake.url, accessToken: me.token, accountId: me.id });
    expect(JSON.parse(JSON.stringify(credentials))).toEqual(credentials);
    const reused = await exchangeMastodonCode(app, back.searchParams.get('code')!).catch((e: unknown) => e);
    expect(reused).toMatchObject({ kind: 'rejected', networkCode: 'invalid_grant' });
  });

  it("reads the instance's own limits and counts URLs and remote mentions as Mastodon does", async () => {
    const me = fake.createAccount('ruche_limits');
    const limits = await connect(me.token, me.id).limits();
    expect(limits.text).toMatchObject({ max: 500, urlWeight: 23 });
    expect(limits.media).toMatchObject({ maxCount: 4, maxAltLength: 1500 });
    const long = `https://example.com/${'a'.repeat(200)}`;
    expect(countMastodonText(`${long} hi`).used).toBe(23 + 3);
    expect(countMastodonText('@alice@very.long.example.org hi').used).toBe('@alice hi'.length);
    expect(countMastodonText('hi', 'CW!').used).toBe(5);
  });

  it('waits for media still processing (202, then 206) before attaching it, or attaches it at once on a 200', async () => {
    const me = fake.createAccount('ruche_media');
    const post = await connect(me.token, me.id).publish({ idempotencyKey: 'media-1', text: 'photo', media: [{ ...PNG_1PX, alt: 'Pixel' }] });
    const polls = fake.requests.filter((r) => r.path.startsWith('/api/v1/media/'));
    if (quirks.mediaAt200) expect(polls).toHaveLength(0);
    else expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(fake.state.renderStatus(fake.statusesOf(me.id)[0]).media_attachments[0].description).toBe('Pixel');
    expect(post.alreadyExisted).toBe(false);
  });

  it('sends content warning, visibility, language and our key as Idempotency-Key', async () => {
    const me = fake.createAccount('ruche_cw');
    await connect(me.token, me.id).publish({ idempotencyKey: 'post-42', text: 'spoiler', contentWarning: 'Fin du film', visibility: 'unlisted', languages: ['fr'] });
    const [s] = fake.statusesOf(me.id);
    expect(s).toMatchObject({ spoilerText: 'Fin du film', visibility: 'unlisted', language: 'fr' });
    expect(fake.requests.at(-1)).toMatchObject({ path: '/api/v1/statuses', idempotencyKey: 'ruche:post-42' });
  });

  it('maps refusals to kinds with the server’s own words', async () => {
    const me = fake.createAccount('ruche_errors');
    const c = connect(me.token, me.id);
    const gone = await c.getPost({ id: quirks.uuidIds ? '0b7e5a52-4d1c-4f7e-9a55-3f0c8f1d2e11' : '999999' });
    expect(gone).toBeNull();
    const unknown = await c.readComments({ id: quirks.uuidIds ? '0b7e5a52-4d1c-4f7e-9a55-3f0c8f1d2e11' : '999999' }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ kind: 'gone', message: 'Record not found', status: 404 });
    const bad = await c.publish({ idempotencyKey: 'k', text: 'x', media: [{ ...PNG_1PX, mimeType: 'image/tiff' }] }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ConnectorError);
    expect(bad).toMatchObject({ kind: 'rejected' });
  });

  it('blocks, mutes and reports the author of a reply; reads metrics', async () => {
    const me = fake.createAccount('ruche_mod');
    const troll = fake.createAccount('troll');
    const c = connect(me.token, me.id);
    const post = await c.publish({ idempotencyKey: 'mod-1', text: 'Bonjour' });
    const reply = fake.postAs(troll, `@ruche_mod nul`, post.ref.id);
    const [comment] = await c.readComments(post.ref);
    await c.blockAuthor(comment.author);
    await c.muteAuthor(comment.author);
    await c.reportComment(comment.ref, comment.author, 'Insultes');
    expect(fake.state.relationship(me.id, troll.id)).toMatchObject({ blocking: true, muting: true });
    expect(fake.state.reports).toEqual([expect.objectContaining({ accountId: troll.id, statusIds: [reply.id], comment: 'Insultes' })]);
    expect(await c.postMetrics([post.ref])).toEqual([{ replies: 1, reposts: 0, likes: 0, quotes: quirks.noQuotes ? null : 0, views: null }]);
    expect(await c.accountMetrics()).toMatchObject({ handle: 'ruche_mod', followers: 3, following: 2, posts: 1 });
  });
});
