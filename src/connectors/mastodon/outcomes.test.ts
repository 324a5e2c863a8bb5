/**
 * What a failed create becomes, against the documented-API fake (no Mastodon server installs here): refused,
 * passing trouble, or an unknown outcome. Decided by what was sent and what came back, on Mastodon as documented
 * and on compatible servers that answer invalid input with a bare 500 or validation errors as objects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors.js';
import { MastodonFake } from '../../../test/connectors/mastodon-fake.js';
import { HOLLO } from '../../../test/connectors/mastodon-fake-quirks.js';
import { lossyFetch } from '../../../test/connectors/lossy-fetch.js';
import { PNG_1PX } from '../../../test/connectors/fixtures.js';
import { MastodonConnector } from './index.js';

const NOT_AN_IMAGE = { mimeType: 'image/png', bytes: new TextEncoder().encode('these bytes are not a picture') };

const variants = [
  { name: 'mastodon', quirks: {} },
  { name: 'a 500 for invalid input', quirks: { invalidInputAs500: true } },
  { name: 'validation errors as objects', quirks: { errorObjects: true } },
  { name: 'hollo (all quirks)', quirks: HOLLO },
];

describe.each(variants)('a create that fails, on $name', ({ quirks }) => {
  let fake: MastodonFake;
  beforeAll(async () => {
    fake = await new MastodonFake({ quirks }).start();
  });
  afterAll(() => fake.close());

  let n = 0;
  const account = async () => {
    const me = fake.createAccount(`outcome${++n}`);
    const lossy = lossyFetch();
    const connector = new MastodonConnector({
      credentials: { network: 'mastodon', instanceUrl: fake.url, accessToken: me.token, accountId: me.id },
      fetch: lossy.fetch,
    });
    await connector.limits();
    const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses').length;
    const before = posts();
    return { me, connector, lossy, creates: () => posts() - before };
  };
  const failure = (p: Promise<unknown>) => p.then(() => expect.fail('it was published'), (e: unknown) => e as ConnectorError);

  it('a reply to a post that is gone is never "unknown", and is not sent again in the same call', async () => {
    const { connector, creates } = await account();
    const parent = await connector.publish({ idempotencyKey: 'parent', text: 'Bientôt effacé' });
    await connector.delete(parent.ref);
    const err = await failure(connector.publish({ idempotencyKey: 'orphan', text: 'Réponse', replyTo: parent.ref }));
    expect(err).toBeInstanceOf(ConnectorError);
    expect(creates()).toBe(2);
    if (quirks.invalidInputAs500) {
      // A bare 500 says nothing about why: it may pass, so it stays retryable, with the server's words.
      expect(err).toMatchObject({ kind: 'transient', status: 500, message: 'Internal Server Error (HTTP 500)' });
    } else {
      expect(err).toMatchObject({ kind: 'gone', status: 404, message: 'Record not found' });
    }
  });

  it('bytes that are not an image are refused with the server’s words, or stay retryable on a bare 500', async () => {
    const { connector, creates } = await account();
    const err = await failure(connector.publish({ idempotencyKey: 'garbage', text: 'Photo', media: [NOT_AN_IMAGE] }));
    expect(creates()).toBe(0);
    if (quirks.invalidInputAs500) expect(err).toMatchObject({ kind: 'transient', status: 500, retryable: true });
    else if (quirks.errorObjects) expect(err).toMatchObject({ kind: 'rejected', status: 400, message: 'Validation failed: File content type is invalid, File is invalid' });
    else expect(err).toMatchObject({ kind: 'rejected', status: 422, message: 'Validation failed: File content type is invalid, File is invalid' });
  });

  it('a 500 that says why is a refusal: shown as said, not retried', async () => {
    const { connector, creates } = await account();
    fake.failNext = { count: 1, status: 500, path: '/api/v1/statuses', message: 'Cannot reply to a status that does not exist' };
    const err = await failure(connector.publish({ idempotencyKey: 'explained', text: 'Bonjour' }));
    expect(err).toMatchObject({ kind: 'rejected', status: 500, message: 'Cannot reply to a status that does not exist', retryable: false, action: 'fix' });
    expect(creates()).toBe(1);
  });

  it('an unavailable server is asked again with the same key, then left to retry later, not called unknown', async () => {
    const { me, connector, creates } = await account();
    fake.failNext = { count: 1, status: 502, path: '/api/v1/statuses' };
    await connector.publish({ idempotencyKey: 'flaky-1', text: 'après un 502' });
    expect(fake.statusesOf(me.id)).toHaveLength(1);
    fake.failNext = { count: 3, status: 503, path: '/api/v1/statuses' };
    const err = await failure(connector.publish({ idempotencyKey: 'flaky-2', text: 'jamais confirmé' }));
    expect(err).toMatchObject({ kind: 'transient', status: 503, message: 'Service Unavailable (HTTP 503)', retryable: true });
    expect(creates()).toBe(5);
    expect(fake.statusesOf(me.id)).toHaveLength(1);
  });

  it('only answers lost after sending make the outcome unknown; a lost answer then a good one is the same post', async () => {
    const { me, connector, lossy } = await account();
    lossy.loseNextAnswer('/api/v1/statuses');
    const found = await connector.publish({ idempotencyKey: 'lost-1', text: 'Perdu puis retrouvé' });
    expect(found.alreadyExisted).toBe(true);
    expect(fake.statusesOf(me.id)).toHaveLength(1);
    for (let i = 0; i < 3; i++) lossy.loseNextAnswer('/api/v1/statuses');
    const err = await failure(connector.publish({ idempotencyKey: 'lost-2', text: 'Jamais confirmé' }));
    expect(err).toMatchObject({ kind: 'unknown_outcome', retryable: false, action: 'check' });
    expect(fake.statusesOf(me.id)).toHaveLength(2);
  });

  it('an answer lost, then a server error, is still unknown: the first try may have posted', async () => {
    const { connector, lossy } = await account();
    lossy.loseNextAnswer('/api/v1/statuses');
    // The first create goes through but its answer is lost; the retry with the same key meets a bare 500.
    fake.failNext = { count: 1, status: 500, path: '/api/v1/statuses', after: 1 };
    const err = await failure(connector.publish({ idempotencyKey: 'lost-then-500', text: 'Incertain' }));
    expect(err.kind).toBe('unknown_outcome');
  });

  it('a validation error given as an object reads as words, not "[object Object]"', async () => {
    const { connector } = await account();
    const err = await failure(connector.reportComment({ id: 'x' }, { id: 'nobody-here', handle: 'x', displayName: null }, 'spam'));
    expect(err.kind).toBe('rejected');
    expect(err.message).toBe("Validation failed: Target account can't be blank");
  });

  it('still publishes images whatever the server does with them', async () => {
    const { connector } = await account();
    const post = await connector.publish({ idempotencyKey: 'img', text: 'Une image', media: [{ ...PNG_1PX, alt: 'Pixel' }] });
    expect(post.alreadyExisted).toBe(false);
  });
});
