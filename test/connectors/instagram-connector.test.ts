/**
 * The Instagram connector's own answers to the Graph API's documented errors ("Handling Errors", "Rate Limiting",
 * Instagram Platform "Content Publishing": container status_code IN_PROGRESS / FINISHED / ERROR, 9007 while not
 * ready, the 24-hour publishing limit), against the Graph fake and a host serving the media by URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstagramConnector } from '../../src/connectors/instagram/connector.js';
import { ConnectorError } from '../../src/connectors/errors.js';
import type { MediaInput, OutgoingPost } from '../../src/connectors/types.js';
import { MetaFake } from './meta-fake.js';
import { jpeg, MediaHost } from './meta-harness.js';

let fake: MetaFake;
let host: MediaHost;
let image: MediaInput;
let n = 0;

beforeAll(async () => {
  fake = await new MetaFake().start();
  host = await new MediaHost().start();
  const bytes = await jpeg(1080, 1350);
  image = { bytes, mimeType: 'image/jpeg', width: 1080, height: 1350, publicUrl: host.put('bee.jpg', bytes, 'image/jpeg') };
});
afterAll(async () => {
  await fake.close();
  await host.close();
});

function account(opts: { maxPolls?: number } = {}) {
  const { page, ig } = fake.createPage(`Ruche IG ${++n}`, { instagram: true });
  const connector = new InstagramConnector({
    credentials: { network: 'instagram', apiBase: fake.apiBase, pageId: page.id, igUserId: ig!.id, accessToken: page.token, handle: ig!.username },
  }, { pollMs: 5, maxPolls: opts.maxPolls });
  return { page, ig: ig!, connector };
}

async function failure(run: () => Promise<unknown>): Promise<ConnectorError> {
  const err = await run().then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

const post = (text: string, extra: Partial<OutgoingPost> = {}): OutgoingPost => ({ idempotencyKey: `ig-${++n}`, text, media: [image], ...extra });
const mediaOf = (igUserId: string) => [...fake.state.media.values()].filter((m) => m.igUserId === igUserId && !m.deleted);

describe('Instagram connector errors', () => {
  it('an expired token (190) asks for a reconnection, in Meta\'s words', async () => {
    const { page, connector } = account();
    fake.expireToken(page.token);
    const err = await failure(() => connector.publish(post('Bonjour')));
    expect(err.kind).toBe('auth_expired');
    expect(err.action).toBe('reconnect');
    expect(err.message).toContain('Error validating access token: Session has expired');
  });

  it('a missing permission (10) is a permission error naming it', async () => {
    const { page, ig, connector } = account();
    page.permissions.delete('instagram_content_publish');
    const err = await failure(() => connector.publish(post('Sans permission')));
    expect(err.kind).toBe('forbidden');
    expect(err.networkCode).toBe('10');
    expect(err.message).toContain('(#10) Application does not have permission for this action (instagram_content_publish)');
    expect(mediaOf(ig.id)).toHaveLength(0);
  });

  it.each([
    [4, '(#4) Application request limit reached', 60],
    [32, '(#32) Page request limit reached', 9],
    [613, '(#613) Calls to this api have exceeded the rate limit.', 40],
  ] as const)('throttling code %i is rate-limited with the time the usage headers give', async (code, words, minutes) => {
    const { connector } = account();
    fake.throttled = { code, regainMinutes: minutes };
    try {
      const err = await failure(() => connector.publish(post(`Trop vite ${code}`)));
      expect(err.kind).toBe('rate_limited');
      expect(err.retryAfterMs).toBe(minutes * 60_000);
      expect(err.message).toContain(words);
    } finally {
      fake.throttled = null;
    }
  });

  it('waits while the container is IN_PROGRESS and publishes once it is FINISHED', async () => {
    const { ig, connector } = account();
    fake.processingPolls = 3;
    try {
      const out = await connector.publish(post('Patience'));
      expect(mediaOf(ig.id).map((m) => m.id)).toEqual([out.ref.id]);
      // Four reads of the status (three IN_PROGRESS, then FINISHED) before media_publish.
      const container = [...fake.state.containers.values()].find((c) => c.igUserId === ig.id)!;
      expect(container.status).toBe('PUBLISHED');
      const calls = fake.requests.filter((r) => r.path.endsWith(`/${container.id}`) || r.path.endsWith(`/${ig.id}/media_publish`));
      expect(calls.map((r) => (r.path.endsWith('media_publish') ? 'publish' : 'status'))).toEqual(['status', 'status', 'status', 'status', 'publish']);
    } finally {
      fake.processingPolls = 1;
    }
  });

  it('a container still IN_PROGRESS after the last read is left for the next attempt, which reuses it', async () => {
    const { ig, connector } = account({ maxPolls: 2 });
    fake.processingPolls = 3;
    try {
      const p = post('Encore en cours');
      const err = await failure(() => connector.publish(p));
      expect(err.kind).toBe('transient');
      expect(err.retryable).toBe(true);
      expect(err.message).toContain('still processing');
      const out = await connector.publish(p);
      expect(mediaOf(ig.id).map((m) => m.id)).toEqual([out.ref.id]);
      expect([...fake.state.containers.values()].filter((c) => c.igUserId === ig.id)).toHaveLength(1);
    } finally {
      fake.processingPolls = 1;
    }
  });

  it('a container in ERROR is refused with Instagram\'s status text', async () => {
    const { ig, connector } = account();
    fake.processingError = 'Error: Media upload has failed with error code 2207026. The video format is not supported.';
    try {
      const err = await failure(() => connector.publish(post('Mauvais format')));
      expect(err.kind).toBe('rejected');
      expect(err.networkCode).toBe('ERROR');
      expect(err.message).toContain('Media upload has failed with error code 2207026');
      expect(mediaOf(ig.id)).toHaveLength(0);
    } finally {
      fake.processingError = null;
    }
  });

  it('the same post sent again (a retry) is not published twice', async () => {
    const { ig, connector } = account();
    const p = post('Une seule fois');
    const first = await connector.publish(p);
    const again = await connector.publish(p);
    expect(again.ref.id).toBe(first.ref.id);
    expect(again.alreadyExisted).toBe(true);
    expect(mediaOf(ig.id)).toHaveLength(1);
  });

  it('the 24-hour publishing limit is rate-limited, before anything is sent', async () => {
    const { ig, connector } = account();
    for (let i = 0; i < 100; i++) {
      const id = fake.state.id();
      fake.state.media.set(id, { id, igUserId: ig.id, caption: `${i}`, created: Date.now(), type: 'IMAGE', items: [], deleted: false, likes: 0, shares: 0, views: 0 });
    }
    const err = await failure(() => connector.publish(post('Une de trop')));
    expect(err.kind).toBe('rate_limited');
    expect(err.message).toContain("Instagram's limit");
    expect([...fake.state.containers.values()].filter((c) => c.igUserId === ig.id)).toHaveLength(0);
  });

  it('a first comment Instagram refuses leaves the media published, with a warning in Meta\'s words', async () => {
    const { page, ig, connector } = account();
    page.permissions.delete('instagram_manage_comments');
    const out = await connector.publish(post('Avec commentaire', { options: { firstComment: 'Lien en bio' } }));
    expect(mediaOf(ig.id).map((m) => m.id)).toEqual([out.ref.id]);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings![0]).toContain('The post is on Instagram but its first comment was not added');
    expect(out.warnings![0]).toContain('(#10) Application does not have permission for this action (instagram_manage_comments)');
  });
});
