/**
 * A Mastodon instance sets its own limit and says it in X-RateLimit-* headers: when they say it is spent, the
 * account's next post waits for the reset instead of being refused. The real connector against the
 * documented-API fake (no Mastodon server installs here), its window shortened to a few seconds.
 */
import { describe, expect, it } from 'vitest';
import { databases } from '../helpers/ruche.js';
import { waitForStatus } from '../helpers/publishing.js';
import { mastodonSuite } from '../helpers/mastodon-ruche.js';

describe.each(databases)('publishing within a Mastodon instance\'s own limit, on %s', (kind) => {
  const m = mastodonSuite(kind, { brand: 'pacing' });
  const posts = (p = '') => `/api/v1/workspaces/${m.ws}/posts${p}`;

  it('waits for the reset the headers announce when they say the limit is spent', async () => {
    // Room in each window for the look-up a retried post makes before sending again (it may have gone out), besides
    // the inbox's polling: with less, a post refused once could be refused at every reset.
    m.fake.rateLimit = 5;
    m.fake.rateWindowMs = 4000;
    const creates = () => m.fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses').length;
    const before = creates();
    let waited: { until: string } | null = null;
    let sent = 0;
    for (let i = 0; i < 6 && !waited; i++) {
      // Sent now rather than planned a moment ahead: a busy machine could submit it after its time.
      const created = await m.owner.post(posts(), { body: `Toot ${i}`, accountIds: [m.accountId] });
      await m.owner.post(posts(`/${created.body.id}/submit`));
      expect((await m.owner.post(posts(`/${created.body.id}/schedule`), { at: 'now' })).status).toBe(200);
      const done = await waitForStatus(m.owner, m.ws, created.body.id, ['failed', 'unknown', 'published'], 400);
      expect(done.status).toBe('published');
      sent++;
      const history = (await m.owner.get(posts(`/${created.body.id}/history`))).body.items as Array<{ kind: string; data: { network?: string; until?: string; reason?: string | null } }>;
      const wait = history.find((e) => e.kind === 'waiting_for_budget');
      if (wait) {
        // Held by the headers (no reason: the instance said nothing but its counts), not by a refusal.
        expect(wait.data).toMatchObject({ network: 'mastodon', reason: null });
        waited = { until: wait.data.until! };
        // Sent only once the window reset, and accepted.
        const status = m.fake.statusesOf(m.me.id).find((s) => s.text === `Toot ${i}`)!;
        expect(Date.parse(status.createdAt)).toBeGreaterThanOrEqual(Date.parse(waited.until) - 1000);
      }
    }
    expect(waited).not.toBeNull();
    expect(sent).toBeGreaterThan(1);
    // Every post went out once, whatever else (the inbox's polling) used the instance's limit meanwhile.
    expect(creates() - before).toBeGreaterThanOrEqual(sent);
    expect(m.fake.statusesOf(m.me.id).filter((s) => s.text.startsWith('Toot '))).toHaveLength(sent);
  });
});
