import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount, inSeconds, waitForStatus } from '../helpers/publishing.js';
import type { ConnectorFactory } from '../../src/modules/accounts/connector-factory.js';
import type { PublishPacing } from '../../src/connectors/types.js';

/**
 * A network's write budget paces a burst: what it allows goes at once, the rest waits (visibly, on the post) and
 * goes when the window allows, without spending the job's attempts; a network's "wait" (429 and its reset) holds
 * the account's next posts instead of each hearing the refusal. The local in-memory network stands for one with a
 * budget of three posts per 1.5 s and one post in flight per account.
 */
const WINDOW_MS = 1500;
const BUDGET: PublishPacing = { concurrency: 1, budgets: [{ scope: 'account', windowMs: WINDOW_MS, max: 3, source: 'test' }] };

/** The local network, each publish taking a moment, counting the posts in flight per account. */
function pacedNetwork(network: LocalNetwork) {
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  let maxOverall = 0;
  let overall = 0;
  const base = network.factory();
  const factory: ConnectorFactory = {
    pacing: () => BUDGET,
    create(name, deps) {
      const connector = base.create(name, deps);
      const account = String((deps.credentials as { account?: string }).account);
      const publish = connector.publish.bind(connector);
      connector.publish = async (post) => {
        inFlight.set(account, (inFlight.get(account) ?? 0) + 1);
        maxInFlight.set(account, Math.max(maxInFlight.get(account) ?? 0, inFlight.get(account)!));
        maxOverall = Math.max(maxOverall, ++overall);
        try {
          await new Promise((r) => setTimeout(r, 30));
          return await publish(post);
        } finally {
          inFlight.set(account, inFlight.get(account)! - 1);
          overall--;
        }
      };
      return connector;
    },
  };
  return { factory, maxInFlight, maxOverall: () => maxOverall };
}

describe.each(databases)('publishing within a network\'s write budget on %s', (kind) => {
  const network = new LocalNetwork();
  const paced = pacedNetwork(network);
  let ruche: TestRuche;
  let owner: TestClient;
  let ws: string;
  let ownerId: string;

  beforeAll(async () => {
    ruche = await startTestRuche(kind, {}, { connectors: paced.factory });
    ({ client: owner, workspaceId: ws, userId: ownerId } = await setupOwner(ruche.url));
  });
  afterAll(() => ruche?.stop());

  const posts = (p = '') => `/api/v1/workspaces/${ws}/posts${p}`;
  /** Submits a post for its time; 'now' sends it as soon as it is approved. */
  const schedule = async (body: string, accountIds: string[], at: string) => {
    const created = await owner.post(posts(), { body, accountIds, scheduledAt: at === 'now' ? null : at });
    expect(created.status).toBe(201);
    const submitted = await owner.post(posts(`/${created.body.id}/submit`));
    const sent = at === 'now' ? await owner.post(posts(`/${created.body.id}/schedule`), { at: 'now' }) : submitted;
    expect(sent.body.status).toBe('scheduled');
    return created.body.id as string;
  };
  const events = async (postId: string) => (await owner.get(posts(`/${postId}/history`))).body.items as Array<{ kind: string; data: Record<string, unknown> }>;
  const attempts = async (postId: string) => {
    const rows = await ruche.ctx.store.db.selectFrom('jobs').select(['attempts', 'payload']).where('type', '=', 'post.publish').execute();
    return rows.filter((r) => (JSON.parse(r.payload) as { postId: string }).postId === postId).map((r) => Number(r.attempts));
  };

  it('sends what the budget allows at once and the rest when the window allows, the wait shown on the post', async () => {
    const alice = await connectLocalAccount(ruche, ws, ownerId, 'alice');
    const bob = await connectLocalAccount(ruche, ws, ownerId, 'bob');
    // Far enough ahead that a slow machine schedules all six before their time.
    const at = inSeconds(3);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await schedule(`Burst ${i}`, [alice], at));
    ids.push(await schedule('Bob at the same minute', [bob], at));
    // While a post waits, its account's row on the post says until when (as its history does), not only "waiting".
    const shown = new Map<string, string>();
    const watch = (async () => {
      for (let i = 0; i < 400 && shown.size < 2; i++) {
        for (const id of ids) {
          const target = (await owner.get(posts(`/${id}`))).body.targets[0] as { status: string; waiting: { until: string; reason: string | null } | null };
          if (target.waiting) {
            expect(target.status).toBe('pending');
            expect(target.waiting.reason).toBeNull();
            shown.set(id, target.waiting.until);
          }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const done = await Promise.all(ids.map((id) => waitForStatus(owner, ws, id, ['published', 'failed'], 400)));
    await watch;
    expect(done.map((p) => p.status)).toEqual(Array(6).fill('published'));

    // Two of Alice's five waited, each told until when; Bob's own budget was untouched by Alice's burst.
    const waited: Array<{ id: string; until: number }> = [];
    for (const id of ids) {
      const wait = (await events(id)).find((e) => e.kind === 'waiting_for_budget');
      if (wait) {
        expect(wait.data.network).toBe('bluesky');
        waited.push({ id, until: Date.parse(String(wait.data.until)) });
      }
    }
    expect(waited).toHaveLength(2);
    expect([...shown].map(([id, until]) => ({ id, until: Date.parse(until) }))).toEqual(expect.arrayContaining(waited));
    // Once out, nothing waits any more.
    for (const p of done) expect(p.targets[0].waiting).toBeNull();
    expect(waited.map((w) => w.id)).not.toContain(ids[5]);
    // No more than the budget went out before the first wait ended, and each waiting post only after its wait.
    const firstUntil = Math.min(...waited.map((w) => w.until));
    expect(network.published('alice').filter((p) => p.at < firstUntil)).toHaveLength(3);
    for (const w of waited) {
      const target = done.find((p) => p.id === w.id)!.targets[0].id as string;
      expect(network.posts.get(target)!.at).toBeGreaterThanOrEqual(w.until);
      // Waiting is not failing: the job is still on its first attempt.
      expect(await attempts(w.id)).toEqual([1]);
    }
    expect(network.published('alice')).toHaveLength(5);
    // One post in flight per account, as the pacing says, while the two accounts went side by side.
    expect(paced.maxInFlight.get('alice')).toBe(1);
    expect(paced.maxOverall()).toBeGreaterThanOrEqual(2);
  });

  it('reserves a post\'s share of the budget before its time, so that at its time it goes without asking', async () => {
    const dan = await connectLocalAccount(ruche, ws, ownerId, 'dan');
    const at = inSeconds(3);
    const id = await schedule('Ahead of time', [dan], at);
    const sends = () => ruche.ctx.store.db.selectFrom('publish_sends').select(['sent_at', 'posts']).where('account_id', '=', dan).orderBy('sent_at').execute();
    // The worker claims it a few seconds early and asks for the account's allowance then, before anything is sent.
    for (let i = 0; i < 200 && (await sends()).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const ahead = await sends();
    expect(ahead).toHaveLength(1);
    expect(Date.now()).toBeLessThan(Date.parse(at));
    expect(network.published('dan')).toHaveLength(0);
    // The budget counts it at the latest time its post may go, not at the reservation: windows stay true.
    expect(Number(ahead[0].sent_at)).toBeGreaterThan(Date.parse(at));
    const done = await waitForStatus(owner, ws, id, ['published', 'failed'], 400);
    expect(done.status).toBe('published');
    expect(network.published('dan')).toHaveLength(1);
    // At its time the post went from that allowance, which still counts it: had the post asked again, what was
    // reserved ahead would have been given back.
    expect(Number((await sends())[0].posts)).toBeGreaterThanOrEqual(1);
    expect((await events(id)).some((e) => e.kind === 'waiting_for_budget')).toBe(false);
  });

  it('holds an account the network told to wait, so its next post waits instead of hearing the same refusal', async () => {
    const carol = await connectLocalAccount(ruche, ws, ownerId, 'carol');
    // Long enough that the second post is planned while it lasts, on a loaded machine too.
    network.failNext('rate_limited', 'Too many requests: try again later', 'carol', 6000);
    const first = await schedule('First', [carol], 'now');
    const callsFor = (postTarget: string) => network.calls.filter((c) => c === `publish:carol:${postTarget}`).length;
    // Once the first heard "wait", the second is due while the hold lasts.
    for (let i = 0; i < 200 && !network.calls.some((c) => c.startsWith('publish:carol:')); i++) await new Promise((r) => setTimeout(r, 25));
    const second = await schedule('Second', [carol], 'now');
    const [a, b] = await Promise.all([first, second].map((id) => waitForStatus(owner, ws, id, ['published', 'failed'], 400)));
    expect([a.status, b.status]).toEqual(['published', 'published']);
    const wait = (await events(second)).find((e) => e.kind === 'waiting_for_budget');
    expect(wait?.data.reason).toBe('Too many requests: try again later');
    // The first was refused once and sent again; the second went out once, after the hold, never refused.
    expect(callsFor(a.targets[0].id)).toBe(2);
    expect(callsFor(b.targets[0].id)).toBe(1);
    expect(network.posts.get(b.targets[0].id)!.at).toBeGreaterThanOrEqual(Date.parse(String(wait!.data.until)));
  });
});
