/**
 * Finding a post that went out when its answer was lost, after the server forgot the Idempotency-Key,
 * against the documented-API fake (no Mastodon server installs here), as documented and with every quirk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MastodonFake } from '../../../test/connectors/mastodon-fake.js';
import { QUIRK_VARIANTS } from '../../../test/connectors/mastodon-fake-quirks.js';
import { PNG_1PX } from '../../../test/connectors/fixtures.js';
import { htmlToText } from './mapping.js';
import { MastodonConnector } from './index.js';

const MARKDOWN = 'Soldes *demain* : **-20 %** sur `tout`\n\nÀ bientôt sur [notre site](https://example.com/soldes)';
const longAgo = '2000-01-01T00:00:00.000Z';

describe.each(QUIRK_VARIANTS)('finding a published post on $name', ({ quirks }) => {
  let fake: MastodonFake;
  beforeAll(async () => {
    fake = await new MastodonFake({ quirks }).start();
  });
  afterAll(() => fake.close());

  let n = 0;
  const account = () => {
    const me = fake.createAccount(`find${++n}`);
    fake.maxLimit = 40;
    const connector = new MastodonConnector({ credentials: { network: 'mastodon', instanceUrl: fake.url, accessToken: me.token, accountId: me.id } });
    return { me, connector };
  };

  it('matches on the text as written, even when the server shows it rendered from Markdown', async () => {
    const { me, connector } = account();
    const post = await connector.publish({ idempotencyKey: 'md', text: MARKDOWN });
    const rendered = htmlToText(fake.state.renderStatus(fake.statusesOf(me.id)[0]).content);
    if (quirks.markdown) expect(rendered).not.toBe(MARKDOWN);
    fake.forgetIdempotencyKeys();
    expect(await connector.findExisting('md', { text: MARKDOWN, notBefore: longAgo })).toMatchObject({ ref: { id: post.ref.id }, alreadyExisted: true });
    expect(await connector.findExisting('md', { text: 'Soldes demain : -20 % sur tout', notBefore: longAgo })).toBeNull();
  });

  it('tells apart posts with the same text by parent, media, content warning and time', async () => {
    const { connector } = account();
    const root = await connector.publish({ idempotencyKey: 'root', text: 'Racine' });
    const reply = await connector.publish({ idempotencyKey: 'reply', text: 'Même texte', replyTo: root.ref });
    const photo = await connector.publish({ idempotencyKey: 'photo', text: 'Même texte', media: [PNG_1PX] });
    const warned = await connector.publish({ idempotencyKey: 'cw', text: 'Même texte', contentWarning: 'Divulgâchage' });
    const find = (hint: Parameters<typeof connector.findExisting>[1]) => connector.findExisting('k', { notBefore: longAgo, text: 'Même texte', ...hint });
    expect((await find({ text: 'Même texte', replyTo: root.ref }))?.ref.id).toBe(reply.ref.id);
    expect((await find({ text: 'Même texte', mediaCount: 1 }))?.ref.id).toBe(photo.ref.id);
    expect((await find({ text: 'Même texte', mediaCount: 0, contentWarning: 'Divulgâchage' }))?.ref.id).toBe(warned.ref.id);
    expect(await find({ text: 'Même texte', mediaCount: 0 })).toBeNull();
    expect(await find({ text: 'Même texte', replyTo: root.ref, notBefore: new Date(Date.now() + 3_600_000).toISOString() })).toBeNull();
  });

  it('reads back page after page, each post once, to the start of the window', async () => {
    const { connector } = account();
    const first = await connector.publish({ idempotencyKey: 'p0', text: 'Le plus ancien' });
    for (let i = 1; i <= 6; i++) await connector.publish({ idempotencyKey: `p${i}`, text: `Suivant ${i}` });
    fake.maxLimit = 2;
    const before = fake.requests.length;
    expect((await connector.findExisting('p0', { text: 'Le plus ancien', notBefore: longAgo }))?.ref.id).toBe(first.ref.id);
    const listings = fake.requests.slice(before).filter((r) => r.path.endsWith('/statuses'));
    expect(listings).toHaveLength(4);
  });

  it('says the outcome is unknown when it cannot read back far enough to be sure', async () => {
    const { connector } = account();
    for (let i = 0; i < 7; i++) await connector.publish({ idempotencyKey: `many${i}`, text: `Message ${i}` });
    fake.maxLimit = 1;
    const err = await connector.findExisting('never', { text: 'Jamais publié', notBefore: longAgo }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unknown_outcome' });
    fake.maxLimit = 40;
    expect(await connector.findExisting('never', { text: 'Jamais publié', notBefore: longAgo })).toBeNull();
  });
});
