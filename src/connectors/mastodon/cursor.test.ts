/**
 * Reading mentions page by page from a cursor, against the documented-API fake (no Mastodon server installs
 * here): each mention exactly once, whether or not the server honours since_id and whatever its ids look like.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MastodonFake } from '../../../test/connectors/mastodon-fake.js';
import { QUIRK_VARIANTS } from '../../../test/connectors/mastodon-fake-quirks.js';
import type { FakeAccount } from '../../../test/connectors/mastodon-fake-state.js';
import { MastodonConnector } from './index.js';

describe.each(QUIRK_VARIANTS)('mentions from a cursor on $name', ({ quirks }) => {
  let fake: MastodonFake;
  let fan: FakeAccount;
  beforeAll(async () => {
    fake = await new MastodonFake({ quirks }).start();
    fan = fake.createAccount('fan');
  });
  afterAll(() => fake.close());

  let n = 0;
  const account = () => {
    const me = fake.createAccount(`cursor${++n}`);
    const connector = new MastodonConnector({ credentials: { network: 'mastodon', instanceUrl: fake.url, accessToken: me.token, accountId: me.id } });
    const mention = (text: string) => fake.postAs(fan, `@${me.username} ${text}`).id;
    return { connector, mention };
  };
  const ids = (page: { items: { ref: { id: string } }[] }) => page.items.map((c) => c.ref.id);

  it('hands out every new mention once, across pages, and nothing again', async () => {
    const { connector, mention } = account();
    fake.maxLimit = 3;
    const start = await connector.readMentions(undefined);
    expect(start.items).toEqual([]);
    const burst = Array.from({ length: 7 }, (_, i) => mention(`n°${i}`));
    const first = await connector.readMentions(start.cursor!);
    expect(ids(first).sort()).toEqual([...burst].sort());
    const later = [mention('encore'), mention('et encore')];
    const second = await connector.readMentions(first.cursor!);
    expect(ids(second).sort()).toEqual([...later].sort());
    expect(ids(await connector.readMentions(second.cursor!))).toEqual([]);
  });

  it('fills in, on the next read, a burst longer than one read may walk', async () => {
    const { connector, mention } = account();
    fake.maxLimit = 1;
    const start = await connector.readMentions(undefined);
    const burst = Array.from({ length: 13 }, (_, i) => mention(`rafale ${i}`));
    const first = await connector.readMentions(start.cursor!);
    expect(first.items.length).toBeLessThan(burst.length);
    const newer = mention('pendant ce temps');
    const second = await connector.readMentions(first.cursor!);
    const all = [...ids(first), ...ids(second)];
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual([...burst, newer].sort());
    expect(ids(await connector.readMentions(second.cursor!))).toEqual([]);
  });

  it('takes a cursor that is a bare notification id, as older versions gave', async () => {
    const { connector, mention } = account();
    fake.maxLimit = 40;
    const old = mention('ancienne');
    const fresh = mention('nouvelle');
    const notification = fake.state.notifications.find((x) => x.statusId === old)!;
    expect(ids(await connector.readMentions(notification.id))).toEqual([fresh]);
  });
});
