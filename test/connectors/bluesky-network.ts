/**
 * A whole local Bluesky network: PLC, PDS and AppView (with Ozone) from @atproto/dev-env, on the local
 * PostgreSQL. Replies, mentions, quotes, notifications, threads and profiles are read as on bsky.app.
 * One network per test file (start it in beforeAll, close it in afterAll): it takes a few seconds and about
 * half a gigabyte. See bluesky-harness.ts for a PDS alone, which is lighter.
 *
 *   const net = await BlueskyNetwork.start();             // beforeAll; hook timeout ≥ 60 s
 *   const brand = await net.createAccount('brand');       // { did, handle, agent, appPassword }
 *   const fan = await net.createAccount('fan');
 *   const post = await net.post(brand, 'Hello');          // PostRef { id: at-uri, cid }
 *   await net.reply(fan, post, 'Hi!');                    // waits until the parent is indexed first
 *   await net.mention(fan, brand, 'Question');            // "Question @brand…" with its facet
 *   await net.quote(fan, post, 'Look');  await net.like(fan, post);  await net.follow(fan, brand);
 *   await net.processAll();                               // everything written so far is on the AppView
 *   const connector = await net.connector(brand);         // BlueskyConnector, loopback allowed for its firehose
 *   // In a Ruche (ALLOW_PRIVATE_NETWORKS=1): POST /accounts/bluesky { service: net.pdsUrl, identifier: brand.handle, appPassword: brand.appPassword }
 *   await net.close();                                    // afterAll; bounded, drops the network's schemas
 *
 * The AppView's data go to schemas named appview_rbn_<stamp>_<random> and ozone_rbn_… in
 * BLUESKY_TEST_DATABASE_URL, or `dbPostgresUrl`, or postgres://postgres@127.0.0.1:5432/postgres; schemas left
 * by a run that died are dropped by a later start.
 */
import { randomBytes } from 'node:crypto';
import { AtpAgent, RichText } from '@atproto/api';
import { TestNetwork } from '@atproto/dev-env';
import pg from 'pg';
import { BlueskyConnector, connectBluesky, type BlueskyCredentials } from '../../src/connectors/bluesky/index.js';
import type { ConnectorDeps, PostRef } from '../../src/connectors/types.js';

export interface NetworkAccount {
  did: string;
  handle: string;
  /** Signed in as that user with the main password: the test's own hands, never the connector's. */
  agent: AtpAgent;
  /** An app password, as a user gives Ruche. */
  appPassword: string;
}

export interface StartOptions {
  /** The PostgreSQL where the AppView and Ozone keep their data (each network in schemas of its own). */
  dbPostgresUrl?: string;
}

const DEFAULT_DB = 'postgres://postgres@127.0.0.1:5432/postgres';
const PREFIX = 'rbn_';
/** Schemas left by a run that died are dropped by the next one after this long. */
const STALE_MS = 2 * 3600_000;
const CLOSE_LIMIT_MS = 15_000;

const toLetters = (n: number) => n.toString(26).split('').map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
const fromLetters = (s: string) => parseInt(s.split('').map((c) => (c.charCodeAt(0) - 97).toString(26)).join(''), 26);

/** Letters and underscores only (dev-env breaks on a digit): the start time in base 26, then a random part. */
function schemaName(): string {
  const random = [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${PREFIX}${toLetters(Math.floor(Date.now() / 1000))}_${random}`;
}

function stampOf(schema: string): number | null {
  const m = /rbn_([a-z]+)_[a-z]+$/.exec(schema);
  return m ? fromLetters(m[1]) * 1000 : null;
}

async function dropSchemas(dbUrl: string, which: (schema: string) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: dbUrl, statement_timeout: 20_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like '%${PREFIX}%'`);
    await client.query(`set lock_timeout = '5s'`);
    for (const { nspname } of rows.filter((r) => which(r.nspname))) {
      // A service that was slow to close may still hold a lock for a moment.
      for (let attempt = 0; attempt < 3; attempt++) {
        const dropped = await client.query(`drop schema if exists "${nspname.replace(/"/g, '')}" cascade`).then(() => true, () => false);
        if (dropped) break;
      }
    }
  } finally {
    await client.end();
  }
}

const withLimit = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);

export class BlueskyNetwork {
  private n = 0;
  private closed = false;

  private constructor(
    readonly network: TestNetwork,
    private readonly dbUrl: string,
    readonly schema: string,
  ) {}

  static async start(opts: StartOptions = {}): Promise<BlueskyNetwork> {
    // dev-env insists on a Redis host although nothing here uses Redis.
    process.env.REDIS_HOST ??= '127.0.0.1:6379';
    const dbUrl = opts.dbPostgresUrl ?? process.env.BLUESKY_TEST_DATABASE_URL ?? DEFAULT_DB;
    const now = Date.now();
    await dropSchemas(dbUrl, (s) => {
      const stamp = stampOf(s);
      return stamp !== null && now - stamp > STALE_MS;
    }).catch(() => undefined);
    const schema = schemaName();
    const network = await TestNetwork.create({ dbPostgresUrl: dbUrl, dbPostgresSchema: schema });
    return new BlueskyNetwork(network, dbUrl, schema);
  }

  get pdsUrl(): string {
    return this.network.pds.url;
  }

  /** The PDS's firehose (com.atproto.sync.subscribeRepos). */
  get firehoseUrl(): string {
    return this.network.pds.url.replace(/^http/, 'ws');
  }

  get appviewUrl(): string {
    return this.network.bsky.url;
  }

  get plcUrl(): string {
    return this.network.plc.url;
  }

  async createAccount(prefix = 'user'): Promise<NetworkAccount> {
    const handle = `${prefix.toLowerCase().replace(/[^a-z0-9]/g, '')}${++this.n}${randomBytes(2).toString('hex')}.test`;
    const agent = this.network.pds.getClient();
    await agent.createAccount({ handle, email: `${handle}@example.com`, password: 'main-password' });
    const { data } = await agent.com.atproto.server.createAppPassword({ name: 'ruche' });
    return { did: agent.session!.did, handle, agent, appPassword: data.password };
  }

  /** A profile record (display name, description), as a person fills it in. */
  async setProfile(as: NetworkAccount, profile: { displayName?: string; description?: string; createdAt?: string }): Promise<void> {
    await as.agent.com.atproto.repo.putRecord({
      repo: as.did, collection: 'app.bsky.actor.profile', rkey: 'self', record: { $type: 'app.bsky.actor.profile', createdAt: new Date().toISOString(), ...profile },
    });
  }

  /**
   * A post by `as`; @handles, links and #tags in the text become facets, as the Bluesky app writes them.
   * `extra` adds to or replaces fields of the record (reply, embed, createdAt, langs…); `validate: false` lets
   * the PDS store a record its lexicon refuses, as a hostile client's PDS would.
   */
  async post(as: NetworkAccount, text: string, extra: Record<string, unknown> = {}, opts: { validate?: boolean } = {}): Promise<PostRef> {
    const rt = new RichText({ text });
    await rt.detectFacets(as.agent);
    const record = { $type: 'app.bsky.feed.post', text: rt.text, createdAt: new Date().toISOString(), ...(rt.facets?.length ? { facets: rt.facets } : {}), ...extra };
    const { data } = await as.agent.com.atproto.repo.createRecord({ repo: as.did, collection: 'app.bsky.feed.post', record, validate: opts.validate });
    return { id: data.uri, cid: data.cid };
  }

  /**
   * A reply by `as` to `parent` (in the thread of `root`, the parent itself by default). The AppView indexes
   * the parent first: a reply indexed before its parent never produces a notification.
   */
  async reply(as: NetworkAccount, parent: PostRef, text: string, root: PostRef = parent): Promise<PostRef> {
    await this.processAll();
    return this.post(as, text, { reply: { root: { uri: root.id, cid: root.cid }, parent: { uri: parent.id, cid: parent.cid } } });
  }

  /** A quote post of `quoted` by `as`. */
  async quote(as: NetworkAccount, quoted: PostRef, text: string): Promise<PostRef> {
    await this.processAll();
    return this.post(as, text, { embed: { $type: 'app.bsky.embed.record', record: { uri: quoted.id, cid: quoted.cid } } });
  }

  /** A post by `as` naming `whom` (its @handle is added at the end of the text when missing). */
  async mention(as: NetworkAccount, whom: { handle: string }, text = 'Bonjour'): Promise<PostRef> {
    return this.post(as, text.includes(`@${whom.handle}`) ? text : `${text} @${whom.handle}`);
  }

  /**
   * Many records by `as` in one commit per 200 (posts, likes, reposts, follows… `$type` and `createdAt` are
   * added): for volume, much faster than one write each. No facets are detected here. Each gets its own
   * `createdAt`, a millisecond apart in the order given: the AppView pages notifications on that time alone,
   * so records of the very same millisecond can fall between two pages.
   */
  async writeMany(as: NetworkAccount, collection: string, records: Record<string, unknown>[]): Promise<PostRef[]> {
    const refs: PostRef[] = [];
    const start = Date.now() - records.length;
    for (let i = 0; i < records.length; i += 200) {
      const writes = records.slice(i, i + 200).map((value, j) => ({
        $type: 'com.atproto.repo.applyWrites#create' as const, collection,
        value: { $type: collection, createdAt: new Date(start + i + j).toISOString(), ...value },
      }));
      const { data } = await as.agent.com.atproto.repo.applyWrites({ repo: as.did, writes });
      for (const r of data.results ?? []) if ('uri' in r && 'cid' in r) refs.push({ id: String(r.uri), cid: String(r.cid) });
    }
    return refs;
  }

  async like(as: NetworkAccount, post: PostRef): Promise<string> {
    const { data } = await as.agent.com.atproto.repo.createRecord({
      repo: as.did, collection: 'app.bsky.feed.like', record: { $type: 'app.bsky.feed.like', subject: { uri: post.id, cid: post.cid }, createdAt: new Date().toISOString() },
    });
    return data.uri;
  }

  async repost(as: NetworkAccount, post: PostRef): Promise<string> {
    const { data } = await as.agent.com.atproto.repo.createRecord({
      repo: as.did, collection: 'app.bsky.feed.repost', record: { $type: 'app.bsky.feed.repost', subject: { uri: post.id, cid: post.cid }, createdAt: new Date().toISOString() },
    });
    return data.uri;
  }

  async follow(as: NetworkAccount, whom: { did: string }): Promise<string> {
    const { data } = await as.agent.com.atproto.repo.createRecord({
      repo: as.did, collection: 'app.bsky.graph.follow', record: { $type: 'app.bsky.graph.follow', subject: whom.did, createdAt: new Date().toISOString() },
    });
    return data.uri;
  }

  /** The saved session Ruche keeps for `as`, made with its app password as the connect form does. */
  async credentials(as: NetworkAccount): Promise<BlueskyCredentials> {
    return (await connectBluesky({ service: this.pdsUrl, identifier: as.handle, password: as.appPassword })).credentials;
  }

  /** A connector signed in as `as`; loopback is allowed for its live socket. */
  async connector(as: NetworkAccount, deps: Partial<ConnectorDeps> = {}): Promise<BlueskyConnector> {
    return new BlueskyConnector({ credentials: await this.credentials(as), allowPrivateNetworks: true, ...deps });
  }

  /** Waits until the PDS's writes so far are indexed by the AppView. */
  async processAll(): Promise<void> {
    await this.network.processAll();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // close() can hang when events are still in flight; past the limit the schemas are dropped all the same.
    await withLimit(this.network.processAll().catch(() => undefined), CLOSE_LIMIT_MS);
    await withLimit(this.network.close().catch(() => undefined), CLOSE_LIMIT_MS);
    await dropSchemas(this.dbUrl, (s) => s.endsWith(this.schema)).catch(() => undefined);
  }
}
