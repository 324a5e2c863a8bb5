/**
 * The Facebook connector's own answers to the Graph API's documented errors ("Handling Errors", "Rate Limiting",
 * v24.0), against the Graph fake: each failure comes back with the kind that tells Ruche what to do, and Meta's
 * own words for the user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FacebookConnector } from '../../src/connectors/facebook/connector.js';
import { ConnectorError } from '../../src/connectors/errors.js';
import { MetaFake } from './meta-fake.js';

let fake: MetaFake;
let n = 0;

beforeAll(async () => {
  fake = await new MetaFake().start();
});
afterAll(() => fake.close());

function pageAndConnector() {
  const { page } = fake.createPage(`Ruche FB ${++n}`);
  const connector = new FacebookConnector({ credentials: { network: 'facebook', apiBase: fake.apiBase, pageId: page.id, accessToken: page.token } });
  return { page, connector };
}

async function failure(run: () => Promise<unknown>): Promise<ConnectorError> {
  const err = await run().then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

const post = (text: string) => ({ idempotencyKey: `fb-${++n}`, text });

describe('Facebook connector errors', () => {
  it('an expired Page token (190) asks for a reconnection, in Meta\'s words', async () => {
    const { page, connector } = pageAndConnector();
    fake.expireToken(page.token);
    const err = await failure(() => connector.publish(post('Bonjour')));
    expect(err.kind).toBe('auth_expired');
    expect(err.action).toBe('reconnect');
    expect(err.networkCode).toBe('190/463');
    expect(err.message).toContain('Error validating access token: Session has expired');
    expect(err.retryable).toBe(false);
  });

  it('a missing permission (200) is a permission error naming it', async () => {
    const { page, connector } = pageAndConnector();
    page.permissions.delete('pages_manage_posts');
    const err = await failure(() => connector.publish(post('Sans permission')));
    expect(err.kind).toBe('forbidden');
    expect(err.networkCode).toBe('200');
    expect(err.message).toContain("(#200) The user hasn't authorized the application to perform this action (pages_manage_posts)");
    expect([...fake.state.posts.values()].some((p) => p.pageId === page.id)).toBe(false);
  });

  it('a Page the token does not manage (10) is a permission error', async () => {
    const { page } = fake.createPage(`Ruche FB ${++n}`);
    const { page: other } = fake.createPage('Autre Ruche');
    const connector = new FacebookConnector({ credentials: { network: 'facebook', apiBase: fake.apiBase, pageId: other.id, accessToken: page.token } });
    const err = await failure(() => connector.account());
    expect(err.kind).toBe('forbidden');
    expect(err.action).toBe('fix');
    expect(err.networkCode).toBe('10');
    expect(err.message).toContain('(#10) This endpoint requires the pages_read_engagement permission');
  });

  it.each([
    [4, '(#4) Application request limit reached', 60],
    [17, '(#17) User request limit reached', 60],
    [32, '(#32) Page request limit reached', 12],
    [613, '(#613) Calls to this api have exceeded the rate limit.', 25],
  ] as const)('throttling code %i is rate-limited with the time Meta\'s usage headers give', async (code, words, minutes) => {
    const { connector } = pageAndConnector();
    fake.throttled = { code, regainMinutes: minutes };
    try {
      const err = await failure(() => connector.publish(post(`Trop vite ${code}`)));
      expect(err.kind).toBe('rate_limited');
      expect(err.retryable).toBe(true);
      expect(err.networkCode).toBe(String(code));
      // X-App-Usage at 100% gives no time: the hour Meta's budgets roll over; X-Business-Use-Case-Usage gives its own.
      expect(err.retryAfterMs).toBe(minutes * 60_000);
      expect(err.message).toContain(words);
      expect(err.message).toMatch(/Meta allows more calls again at \d{4}-\d\d-\d\dT/);
    } finally {
      fake.throttled = null;
    }
  });

  it('the business-use-case budget (80001) waits the estimated time to regain access', async () => {
    const { page, connector } = pageAndConnector();
    fake.exhaustPage(page.id);
    const err = await failure(() => connector.account());
    expect(err.kind).toBe('rate_limited');
    expect(err.retryAfterMs).toBe(17 * 60_000);
    expect(err.message).toContain('There have been too many calls to this Page account');
  });

  it('the same status twice (506) is refused as a duplicate, with Meta\'s explanation', async () => {
    const { connector } = pageAndConnector();
    await connector.publish(post('Le même message'));
    const err = await failure(() => connector.publish(post('Le même message')));
    expect(err.kind).toBe('rejected');
    expect(err.networkCode).toBe('506');
    expect(err.message).toBe('This status update is identical to the last one you posted.');
  });

  it('a first comment Meta refuses leaves the post published, with a warning in Meta\'s words', async () => {
    const { page, connector } = pageAndConnector();
    page.permissions.delete('pages_manage_engagement');
    const out = await connector.publish({ ...post('Avec un premier commentaire'), options: { firstComment: 'Le lien : https://ruche.example' } });
    expect(fake.state.posts.get(out.ref.id)?.message).toBe('Avec un premier commentaire');
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings![0]).toContain('first comment was not added');
    expect(out.warnings![0]).toContain('(#200) The user hasn\'t authorized the application to perform this action (pages_manage_engagement)');
    // When it goes through, there is nothing to warn about.
    page.permissions.add('pages_manage_engagement');
    const ok = await connector.publish({ ...post('Encore un'), options: { firstComment: 'Un commentaire' } });
    expect(ok.warnings).toBeUndefined();
    expect([...fake.state.comments.values()].some((c) => c.rootId === ok.ref.id && c.message === 'Un commentaire')).toBe(true);
  });
});
