/**
 * End to end on a real local Bluesky network (PDS and AppView from @atproto/dev-env): replies to the brand reach
 * the inbox through Ruche's inbound pipeline, and replies written from the inbox go out in the right thread (reply
 * refs: the thread's first post as root, the item as parent), each exactly once, while the worker processes that
 * send them are killed with SIGKILL and restarted. The network keeps its data in PostgreSQL: this runs when
 * TEST_DATABASE_URL is set.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlueskyNetwork, type NetworkAccount } from '../connectors/bluesky-network.js';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { root } from '../helpers/process.js';
import { eventually } from '../notifications/helpers.js';

const TIMEOUT = 240_000;
const REPLIES = 12;
const pgUrl = process.env.TEST_DATABASE_URL;

describe.runIf(pgUrl)('replies from the inbox on a real Bluesky network, through worker crashes', () => {
  let network: BlueskyNetwork;
  let ruche: TestRuche;
  let brand: NetworkAccount;
  let fan: NetworkAccount;
  let owner: TestClient;
  let ws: string;
  let schema: string;
  const secret = crypto.randomBytes(32).toString('hex');
  const workers = new Set<ChildProcess>();

  beforeAll(async () => {
    network = await BlueskyNetwork.start({ dbPostgresUrl: pgUrl });
    brand = await network.createAccount('brand');
    fan = await network.createAccount('fan');
    await network.setProfile(fan, { displayName: 'Fanny Fan' });
    ruche = await startTestRuche('postgres', { ROLES: 'api', SECRET_KEY: secret, ALLOW_PRIVATE_NETWORKS: '1' });
    schema = ruche.ctx.config.database.kind === 'postgres' ? ruche.ctx.config.database.schema! : '';
    ({ client: owner, workspaceId: ws } = await setupOwner(ruche.url));
  }, TIMEOUT);
  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await ruche?.stop();
    await network?.close();
  }, TIMEOUT);

  const startWorker = () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-worker-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      stdio: 'ignore',
      env: {
        ...process.env, ROLES: 'worker,scheduler', DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema, SECRET_KEY: secret, DATA_DIR: dataDir,
        JOB_LEASE_SECONDS: '2', LOG_LEVEL: 'silent', ALLOW_PRIVATE_NETWORKS: '1', INBOX_POLL_SECONDS: '5',
      },
    });
    workers.add(child);
    child.once('exit', () => workers.delete(child));
    return child;
  };

  it('each reply appears once, in the thread of the item it answers', async () => {
    const api = (p: string) => `/api/v1/workspaces/${ws}${p}`;
    const launch = await network.post(brand, 'Our new hive is out');
    // The fan's replies to the brand's post: the thread's root is the brand's post, each item the parent.
    const asked: string[] = [];
    for (let i = 0; i < REPLIES; i++) asked.push((await network.reply(fan, launch, `Question ${i} about the hive?`, launch)).id);
    await network.processAll();
    const connected = await owner.post(api('/accounts/bluesky'), { service: network.pdsUrl, identifier: brand.handle, appPassword: brand.appPassword });
    expect(connected.status).toBe(201);
    startWorker();

    const items = await eventually(async () => {
      const page = (await owner.get(api('/inbox/items?kind=reply&limit=100'))).body;
      return page?.items?.length >= REPLIES ? (page.items as Array<{ id: string; externalId: string; text: string }>) : null;
    }, 'the replies in the inbox', 1200);
    expect(new Set(items.map((i) => i.externalId))).toEqual(new Set(asked));

    const sent: Record<string, string> = {};
    for (const item of items) {
      const body = `Answer to ${item.text.match(/Question (\d+)/)![1]}: thank you!`;
      const res = await owner.post(api(`/inbox/items/${item.id}/replies`), { kind: 'reply', body });
      expect(res.status).toBe(202);
      sent[body] = item.externalId;
    }
    // Kill workers while the replies go out, and start others.
    let kills = 0;
    const deadline = Date.now() + 150_000;
    for (;;) {
      const rows = await ruche.ctx.store.db.selectFrom('inbox_replies').select('status').where('workspace_id', '=', ws).execute();
      if (rows.every((r) => ['sent', 'failed', 'unknown'].includes(r.status)) || Date.now() > deadline) break;
      if (kills < 4) {
        [...workers][0]?.kill('SIGKILL');
        kills++;
        startWorker();
      }
      await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 600)));
    }
    const statuses = await ruche.ctx.store.db.selectFrom('inbox_replies').select(['status', 'error_message']).where('workspace_id', '=', ws).execute();
    expect(statuses.map((s) => s.status)).toEqual(Array(REPLIES).fill('sent'));
    expect(kills).toBeGreaterThanOrEqual(1);

    // What the PDS holds: each answer once, its parent the item and its root the brand's post.
    const records: Array<{ text: string; reply?: { root: { uri: string }; parent: { uri: string } } }> = [];
    let cursor: string | undefined;
    do {
      const page = await brand.agent.com.atproto.repo.listRecords({ repo: brand.did, collection: 'app.bsky.feed.post', limit: 100, cursor });
      records.push(...page.data.records.map((r) => r.value as (typeof records)[number]));
      cursor = page.data.cursor;
    } while (cursor);
    const answers = records.filter((r) => r.text.startsWith('Answer to'));
    expect(answers).toHaveLength(REPLIES);
    for (const a of answers) {
      expect(sent[a.text]).toBeDefined();
      expect(a.reply?.parent.uri).toBe(sent[a.text]);
      expect(a.reply?.root.uri).toBe(launch.id);
    }
    const detail = (await owner.get(api(`/inbox/items/${items[0]!.id}`))).body;
    expect(detail.item.firstReplyAt).toBeGreaterThan(0);
    expect(detail.replies).toMatchObject([{ status: 'sent', kind: 'reply' }]);
  }, TIMEOUT);
});
