import SQLite from 'better-sqlite3';
import pg from 'pg';
import { seedPostgres as seedInboxPostgres, seedSqlite as seedInboxSqlite } from './inbox-seed.js';
import { DAY, HOUR, READS, YEARS, allPosts, audience, countsAt, dayIn, followersAt, keptRead, rng, type PlannedPost, type SeedPlan } from './analytics-plan.js';

/**
 * The analytics benchmark's data, written straight into the database (collection's own speed is not what is
 * measured): posts, their snapshots, hourly account snapshots, the daily rollup derived from those snapshots the
 * way collection keeps it (a read's gain on its local day, a post's first read on its publish day, the day's last
 * follower count), campaigns, listening topics and their minutes, and an inbox with its moderation log.
 * A marker table remembers what was seeded, so the ten million rows are written once per database.
 */

export const MARKER = 'bench_analytics_seed';

const FOLLOWING = (account: number, elapsed: number) => 80 + (account % 13) * 20 + Math.floor(120 * elapsed);
const NETWORK_POSTS = (elapsed: number) => 300 + Math.floor(2000 * elapsed);

function accountRow(plan: SeedPlan, w: number, a: number) {
  const ws = plan.workspaces[w]!;
  return {
    id: ws.accounts[a]!, workspace_id: ws.id, network: a % 2 === 0 ? 'bluesky' : 'mastodon', external_id: `bench:${ws.accounts[a]}`,
    handle: `brand${w}-${a}.bench`, display_name: `Brand ${w} · ${a}`, service_url: 'https://bench.invalid', credentials: 'not-sealed',
    status: 'connected', status_message: null, timezone: ws.timezone, created_by: plan.ownerId, created_at: plan.now - YEARS * 365 * DAY,
    updated_at: plan.now, last_ok_at: plan.now,
  };
}

function postRow(p: PlannedPost, now: number) {
  const last = countsAt(p, p.m - 1);
  return {
    id: p.id, workspace_id: p.workspaceId, account_id: p.accountId, network: p.network, external_id: p.externalId,
    url: p.network === 'bluesky' ? `https://bsky.app/profile/bench/post/${p.id}` : `https://mastodon.bench.invalid/@brand/${p.externalId}`,
    text: p.text, image_url: null, post_id: null, campaign_id: p.campaignId, labels: JSON.stringify(p.labels), published_at: p.publishedAt,
    likes: last.likes, reposts: last.reposts, replies: last.replies, quotes: last.quotes, views: last.views,
    engagement: last.likes + last.reposts + last.replies + (last.quotes ?? 0), followers_at_publish: p.followersAtPublish,
    collected_at: p.publishedAt + READS[p.m - 1]!.offset,
    next_collect_at: p.m < READS.length ? p.publishedAt + READS[p.m]!.offset : now + 30 * DAY, collect_count: p.m, gone: p.gone,
  };
}

function campaignRows(plan: SeedPlan) {
  return plan.workspaces.flatMap((ws) => ws.campaigns.map((c, i) => ({
    id: c.id, workspace_id: ws.id, name: c.name, color: ['#0072B2', '#E69F00', '#009E73', '#CC79A7'][i % 4]!, goal: '', hashtags: '[]',
    starts_at: c.startsAt, ends_at: c.endsAt, created_by: plan.ownerId, created_at: c.startsAt,
  })));
}

function topicRows(plan: SeedPlan) {
  return plan.workspaces.flatMap((ws) => ws.topics.map((t, i) => ({
    id: t.id, workspace_id: ws.id, name: t.name, kind: t.kind, query: `"${t.name}"`, color: ['#0072B2', '#D55E00', '#999999'][i % 3]!,
    radar_state: null, created_by: plan.ownerId, created_at: plan.now - YEARS * 365 * DAY, updated_at: plan.now, archived_at: null,
  })));
}

/** A topic's mentions in a minute: more by day than by night, brands talked about more than competitors. */
function minuteRow(topic: string, t: number, m: number, r: () => number) {
  const hour = (m / 60) % 24;
  const total = 1 + Math.floor(r() * (t === 0 ? 6 : 3) * (hour >= 7 && hour < 22 ? 1 : 0.3));
  const negative = Math.floor(total * r() * 0.4);
  const positive = Math.floor((total - negative) * r() * 0.6);
  return { topic_id: topic, minute: m, total, negative, positive };
}

export interface SeedCounts { posts: number; snapshots: number; accountSnapshots: number; accountDays: number; listeningMinutes: number; inboxItems: number }

// ---------------------------------------------------------------------------------------------------------------
// SQLite: one connection beside the server's (WAL), prepared inserts in large transactions; the daily rollup is
// added up while the snapshots are written.

export function readMarkerSqlite(file: string): SeedPlan | null {
  try {
    const db = new SQLite(file, { fileMustExist: true });
    try {
      return JSON.parse((db.prepare(`select plan from ${MARKER}`).get() as { plan: string }).plan) as SeedPlan;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

export function seedSqlite(file: string, plan: SeedPlan, log: (s: string) => void): SeedCounts {
  seedInboxSqlite(file, inboxPlan(plan), plan.now);
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('busy_timeout = 60000');
  db.pragma('cache_size = -400000');
  db.pragma('foreign_keys = OFF');
  const insert = (table: string, row: Record<string, unknown>) =>
    db.prepare(`insert into ${table} (${Object.keys(row).join(', ')}) values (${Object.keys(row).map((c) => `@${c}`).join(', ')})`);
  const setTz = db.prepare('update workspaces set timezone = ? where id = ?');
  const all = <T extends Record<string, unknown>>(table: string, rows: T[]) => {
    if (rows.length === 0) return;
    const stmt = insert(table, rows[0]!);
    db.transaction(() => rows.forEach((r) => stmt.run(r)))();
  };
  db.transaction(() => plan.workspaces.forEach((ws) => setTz.run(ws.timezone, ws.id)))();
  all('social_accounts', plan.workspaces.flatMap((ws, w) => ws.accounts.map((_, a) => a).filter((a) => a >= 2).map((a) => accountRow(plan, w, a))));
  all('campaigns', campaignRows(plan));
  all('listening_topics', topicRows(plan));

  const posts = allPosts(plan);
  const days = new Map<string, { account_id: string; workspace_id: string; day: string; followers: number | null; following: number | null; posts: number | null; likes: number; reposts: number; replies: number; quotes: number; views: number; published: number }>();
  const dayRow = (account: string, workspace: string, day: string) => {
    const key = `${account}|${day}`;
    let d = days.get(key);
    if (!d) days.set(key, (d = { account_id: account, workspace_id: workspace, day, followers: null, following: null, posts: null, likes: 0, reposts: 0, replies: 0, quotes: 0, views: 0, published: 0 }));
    return d;
  };
  const zoneOf = new Map(plan.workspaces.map((ws) => [ws.id, dayIn(ws.timezone)]));
  const insertPost = insert('analytics_posts', postRow(posts[0]!, plan.now));
  const insertSnapshot = db.prepare('insert into analytics_post_snapshots (post_id, taken_at, likes, reposts, replies, quotes, views) values (?, ?, ?, ?, ?, ?, ?)');
  let snapshots = 0;
  for (let i = 0; i < posts.length; i += 5000) {
    db.transaction(() => {
      for (const p of posts.slice(i, i + 5000)) {
        insertPost.run(postRow(p, plan.now));
        const day = zoneOf.get(p.workspaceId)!;
        dayRow(p.accountId, p.workspaceId, day(p.publishedAt)).published++;
        let prev = { likes: 0, reposts: 0, replies: 0, quotes: 0 as number | null, views: 0 as number | null };
        for (let j = 0; j < p.n; j++) {
          const k = keptRead(j, p.n, p.m);
          const c = countsAt(p, k);
          const takenAt = p.publishedAt + READS[k]!.offset;
          insertSnapshot.run(p.id, takenAt, c.likes, c.reposts, c.replies, c.quotes, c.views);
          snapshots++;
          const d = dayRow(p.accountId, p.workspaceId, day(j === 0 ? p.publishedAt : takenAt));
          d.likes += c.likes - prev.likes;
          d.reposts += c.reposts - prev.reposts;
          d.replies += c.replies - prev.replies;
          d.quotes += (c.quotes ?? 0) - (prev.quotes ?? 0);
          d.views += (c.views ?? 0) - (prev.views ?? 0);
          prev = c;
        }
      }
    })();
  }
  log(`sqlite: ${posts.length} posts, ${snapshots} snapshots`);

  const insertAccountSnapshot = db.prepare('insert into analytics_account_snapshots (account_id, taken_at, followers, following, posts) values (?, ?, ?, ?, ?)');
  let accountSnapshots = 0;
  for (let w = 0; w < plan.workspaces.length; w++) {
    const ws = plan.workspaces[w]!;
    const day = zoneOf.get(ws.id)!;
    db.transaction(() => {
      ws.accounts.forEach((account, a) => {
        const global = w * ws.accounts.length + a;
        for (const t of accountSnapshotTimes(plan, global)) {
          const elapsed = Math.max(0, 1 - (plan.now - t) / (YEARS * 365 * DAY));
          const row = [followersAt(global, t, plan.now), FOLLOWING(global, elapsed), NETWORK_POSTS(elapsed)] as const;
          insertAccountSnapshot.run(account, t, ...row);
          accountSnapshots++;
          // Times come in order: the day's last read wins.
          const d = dayRow(account, ws.id, day(t));
          [d.followers, d.following, d.posts] = row;
        }
      });
    })();
  }
  all('analytics_account_days', [...days.values()]);
  log(`sqlite: ${accountSnapshots} account snapshots, ${days.size} account days`);

  const insertMinute = db.prepare('insert into listening_topic_minutes (topic_id, minute, total, negative, positive) values (@topic_id, @minute, @total, @negative, @positive)');
  let listeningMinutes = 0;
  plan.workspaces.forEach((ws, w) => ws.topics.forEach((topic, t) => {
    const r = rng(9000 + w * 10 + t);
    db.transaction(() => {
      for (let m = Math.floor((plan.now - YEARS * 365 * DAY) / 60_000); m < plan.now / 60_000; m += 1 + Math.floor(r() * 2 * plan.listeningStep)) {
        insertMinute.run(minuteRow(topic.id, t, m, r));
        listeningMinutes++;
      }
    })();
  }));
  // What the rules and the team did to the toxic part of the inbox.
  db.exec(`insert into moderation_log (id, workspace_id, item_id, author_id, actor_id, rule_id, action, outcome, reasons, detail, undoes, created_at)
    select 'mod-' || id, workspace_id, id, author_id, null, null, case when toxicity_category = 'spam' then 'delete' else 'hide' end, 'done', '[]', null, null, created_at + 60000
    from inbox_items where toxicity_category is not null`);
  db.exec(`create table ${MARKER} (plan text not null)`);
  db.prepare(`insert into ${MARKER} (plan) values (?)`).run(JSON.stringify(plan));
  db.exec('analyze');
  db.close();
  return { posts: posts.length, snapshots, accountSnapshots, accountDays: days.size, listeningMinutes, inboxItems: plan.inboxItemsPerWorkspace * plan.workspaces.length };
}

/** Hourly, a few minutes after the hour, over the two years. */
function accountSnapshotTimes(plan: SeedPlan, global: number): number[] {
  const start = Math.ceil((plan.now - YEARS * 365 * DAY) / HOUR) * HOUR;
  const times: number[] = [];
  for (let t = start; t < plan.now; t += HOUR) times.push(t + ((global * 7919 + t / HOUR * 104729) % 300) * 1000);
  return times;
}

function inboxPlan(plan: SeedPlan) {
  return {
    workspaces: plan.workspaces.map((ws) => ({ id: ws.id, ownerId: plan.ownerId, accounts: ws.accounts.slice(0, 2) })),
    itemsPerWorkspace: plan.inboxItemsPerWorkspace,
    authorsPerWorkspace: 2000,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL: posts sent as arrays and unnested; snapshots, account snapshots, listening minutes and the daily rollup
// made by the server itself from series (generate_series), without indexes or foreign-key checks while they load.

export async function readMarkerPostgres(url: string): Promise<SeedPlan | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const { rows } = await client.query<{ plan: string }>(`select plan from ${MARKER}`);
    return rows[0] ? (JSON.parse(rows[0].plan) as SeedPlan) : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/** Drops and creates the benchmark's own database. */
export async function recreatePostgres(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

const TZ_DAY = (expr: string) => `to_char(to_timestamp((${expr}) / 1000.0) at time zone ws.timezone, 'YYYY-MM-DD')`;

export async function seedPostgres(url: string, plan: SeedPlan, log: (s: string) => void): Promise<SeedCounts> {
  await seedInboxPostgres(url, 'public', inboxPlan(plan), plan.now);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = async (text: string, values?: unknown[]) => client.query(text, values);
  const unnest = async (table: string, rows: Array<Record<string, unknown>>, types: Record<string, string>) => {
    if (rows.length === 0) return;
    const cols = Object.keys(rows[0]!);
    for (let i = 0; i < rows.length; i += 10_000) {
      const batch = rows.slice(i, i + 10_000);
      await q(`insert into ${table} (${cols.join(', ')}) select * from unnest(${cols.map((c, k) => `$${k + 1}::${types[c] ?? 'text'}[]`).join(', ')})`,
        cols.map((c) => batch.map((r) => r[c])));
    }
  };
  try {
    await q('set synchronous_commit = off');
    await q("set maintenance_work_mem = '512MB'");
    await q("set work_mem = '256MB'");
    // Foreign keys are not checked while loading (every reference is made here, from the same plan).
    await q('set session_replication_role = replica');
    for (const ws of plan.workspaces) await q('update workspaces set timezone = $1 where id = $2', [ws.timezone, ws.id]);
    const times = { created_at: 'int8', updated_at: 'int8', last_ok_at: 'int8', starts_at: 'int8', ends_at: 'int8', archived_at: 'int8' };
    await unnest('social_accounts', plan.workspaces.flatMap((ws, w) => ws.accounts.map((_, a) => a).filter((a) => a >= 2).map((a) => accountRow(plan, w, a))), times);
    await unnest('campaigns', campaignRows(plan), times);
    await unnest('listening_topics', topicRows(plan), times);

    // Loaded without their secondary indexes and primary keys, which are built once afterwards.
    const tables = ['analytics_posts', 'analytics_post_snapshots', 'analytics_account_snapshots', 'analytics_account_days', 'listening_topic_minutes'];
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes i where schemaname = 'public' and tablename = any($1)
         and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`, [tables]);
    const { rows: keys } = await client.query<{ table: string; name: string; def: string }>(
      `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as def from pg_constraint c
         where c.contype in ('p', 'u') and c.conrelid::regclass::text = any($1)`, [['analytics_post_snapshots', 'analytics_account_snapshots', 'listening_topic_minutes']]);
    for (const i of indexes) await q(`drop index ${i.indexname}`);
    for (const k of keys) await q(`alter table ${k.table} drop constraint ${k.name}`);

    const posts = allPosts(plan);
    const postTypes = { published_at: 'int8', likes: 'int', reposts: 'int', replies: 'int', quotes: 'int', views: 'int', engagement: 'int', followers_at_publish: 'int', collected_at: 'int8', next_collect_at: 'int8', collect_count: 'int', gone: 'int' };
    await unnest('analytics_posts', posts.map((p) => postRow(p, plan.now)), postTypes);
    await q('create unlogged table bench_reads (k int primary key, offset_ms int8 not null, h float8 not null)');
    await unnest('bench_reads', READS.map((r, k) => ({ k, offset_ms: r.offset, h: r.h })), { k: 'int', offset_ms: 'int8', h: 'float8' });
    await q('create unlogged table bench_post_plan (post_id text, published_at int8, fl float8, fr float8, fp float8, fq float8, fv float8, n int, m int)');
    await unnest('bench_post_plan', posts.map((p) => ({ post_id: p.id, published_at: p.publishedAt, fl: p.final.likes, fr: p.final.reposts, fp: p.final.replies, fq: p.final.quotes, fv: p.final.views, n: p.n, m: p.m })),
      { published_at: 'int8', fl: 'float8', fr: 'float8', fp: 'float8', fq: 'float8', fv: 'float8', n: 'int', m: 'int' });
    log(`postgres: ${posts.length} posts`);

    // The same kept reads and counts as countsAt/keptRead compute (floor of the same doubles).
    let t0 = Date.now();
    await q(`insert into analytics_post_snapshots (post_id, taken_at, likes, reposts, replies, quotes, views)
      select p.post_id, p.published_at + r.offset_ms, floor(p.fl * r.h)::int, floor(p.fr * r.h)::int, floor(p.fp * r.h)::int,
        floor(p.fq * r.h)::int, floor(p.fv * r.h)::int
      from bench_post_plan p cross join lateral generate_series(0, p.n - 1) j
      join bench_reads r on r.k = case when p.n = 1 then p.m - 1 else (j * (p.m - 1)) / (p.n - 1) end
      order by p.post_id, j`);
    log(`postgres: snapshots written in ${Math.round((Date.now() - t0) / 1000)} s`);

    const accounts = plan.workspaces.flatMap((ws, w) => ws.accounts.map((id, a) => ({ id, g: w * ws.accounts.length + a, ...audience(w * ws.accounts.length + a) })));
    await q('create unlogged table bench_audience (account_id text, g int, base float8, growth float8)');
    await unnest('bench_audience', accounts.map((a) => ({ account_id: a.id, g: a.g, base: a.base, growth: a.growth })), { g: 'int', base: 'float8', growth: 'float8' });
    const start = Math.ceil((plan.now - YEARS * 365 * DAY) / HOUR) * HOUR;
    const span = YEARS * 365 * DAY;
    t0 = Date.now();
    await q(`insert into analytics_account_snapshots (account_id, taken_at, followers, following, posts)
      select a.account_id, s.t, floor(a.base * (1 + a.growth * s.e + sin(s.t::float8 / ${3 * DAY} + a.g) * 0.002) + 0.5)::int,
        80 + (a.g % 13) * 20 + floor(120 * s.e)::int, 300 + floor(2000 * s.e)::int
      from bench_audience a cross join lateral (
        select h + ((a.g::int8 * 7919 + h / ${HOUR} * 104729) % 300) * 1000 as t from generate_series(${start}::int8, ${plan.now - 1}::int8, ${HOUR}::int8) h
      ) t0 cross join lateral (select t0.t as t, greatest(0, 1 - (${plan.now}::float8 - t0.t) / ${span}) as e) s
      order by a.account_id, s.t`);
    log(`postgres: account snapshots written in ${Math.round((Date.now() - t0) / 1000)} s`);

    t0 = Date.now();
    for (const k of keys.filter((k) => k.table !== 'listening_topic_minutes')) await q(`alter table ${k.table} add constraint ${k.name} ${k.def}`);
    for (const i of indexes.filter((i) => !i.indexname.startsWith('analytics_account_days'))) await q(i.indexdef);
    log(`postgres: keys and indexes built in ${Math.round((Date.now() - t0) / 1000)} s`);

    // The daily rollup, derived from the stored snapshots: each snapshot's gain over the post's previous one, on its
    // local day (the first on the publish day); the day's last account snapshot; the posts published that day.
    t0 = Date.now();
    await q(`insert into analytics_account_days (account_id, workspace_id, day, followers, following, posts)
      select distinct on (s.account_id, day) s.account_id, a.workspace_id, ${TZ_DAY('s.taken_at')} as day, s.followers, s.following, s.posts
      from analytics_account_snapshots s join social_accounts a on a.id = s.account_id join workspaces ws on ws.id = a.workspace_id
      order by s.account_id, day, s.taken_at desc`);
    await q(`insert into analytics_account_days (account_id, workspace_id, day, likes, reposts, replies, quotes, views)
      select account_id, workspace_id, day, sum(dl), sum(dr), sum(dp), sum(dq), sum(dv) from (
        select p.account_id, p.workspace_id, ${TZ_DAY('case when lag(s.taken_at) over w is null then p.published_at else s.taken_at end')} as day,
          s.likes - coalesce(lag(s.likes) over w, 0) as dl, s.reposts - coalesce(lag(s.reposts) over w, 0) as dr,
          s.replies - coalesce(lag(s.replies) over w, 0) as dp, coalesce(s.quotes, 0) - coalesce(lag(s.quotes) over w, 0) as dq,
          coalesce(s.views, 0) - coalesce(lag(s.views) over w, 0) as dv
        from analytics_post_snapshots s join analytics_posts p on p.id = s.post_id join workspaces ws on ws.id = p.workspace_id
        window w as (partition by s.post_id order by s.taken_at)
      ) x group by account_id, workspace_id, day
      on conflict (account_id, day) do update set likes = excluded.likes, reposts = excluded.reposts, replies = excluded.replies,
        quotes = excluded.quotes, views = excluded.views`);
    await q(`insert into analytics_account_days (account_id, workspace_id, day, published)
      select p.account_id, p.workspace_id, ${TZ_DAY('p.published_at')} as day, count(*) from analytics_posts p join workspaces ws on ws.id = p.workspace_id
      group by 1, 2, 3 on conflict (account_id, day) do update set published = excluded.published`);
    for (const i of indexes.filter((i) => i.indexname.startsWith('analytics_account_days'))) await q(i.indexdef);
    log(`postgres: daily rollup derived in ${Math.round((Date.now() - t0) / 1000)} s`);

    t0 = Date.now();
    const topics = plan.workspaces.flatMap((ws) => ws.topics.map((t, i) => ({ topic_id: t.id, brand: i === 0 ? 1 : 0 })));
    await q('create unlogged table bench_topics (topic_id text, brand int)');
    await unnest('bench_topics', topics, { brand: 'int' });
    const first = Math.floor((plan.now - YEARS * 365 * DAY) / 60_000);
    // Rows in one minute out of listeningStep on average, by day more than by night; counts from a hash of (topic, minute).
    await q(`insert into listening_topic_minutes (topic_id, minute, total, negative, positive)
      select topic_id, m, total, least(total, (hk / 7) % 3), least(total - least(total, (hk / 7) % 3), (hk / 11) % 4) from (
        select t.topic_id, m, hk, 1 + (hk % (case when t.brand = 1 then 6 else 3 end)) * (case when (m / 60) % 24 between 7 and 21 then 1 else 0 end) as total
        from bench_topics t cross join generate_series(${first}, ${Math.floor(plan.now / 60_000) - 1}) m
        cross join lateral (select abs(hashtext(t.topic_id || m::text)::int8) as hk) h
        where hk % ${plan.listeningStep} = 0
      ) x order by topic_id, m`);
    for (const k of keys.filter((k) => k.table === 'listening_topic_minutes')) await q(`alter table ${k.table} add constraint ${k.name} ${k.def}`);
    log(`postgres: listening minutes written in ${Math.round((Date.now() - t0) / 1000)} s`);

    await q(`insert into moderation_log (id, workspace_id, item_id, author_id, actor_id, rule_id, action, outcome, reasons, detail, undoes, created_at)
      select 'mod-' || id, workspace_id, id, author_id, null, null, case when toxicity_category = 'spam' then 'delete' else 'hide' end, 'done', '[]', null, null, created_at + 60000
      from inbox_items where toxicity_category is not null`);
    for (const t of ['bench_reads', 'bench_post_plan', 'bench_audience', 'bench_topics']) await q(`drop table ${t}`);
    await q('set session_replication_role = origin');
    await q(`create table ${MARKER} (plan text not null)`);
    await q(`insert into ${MARKER} (plan) values ($1)`, [JSON.stringify(plan)]);
    t0 = Date.now();
    await q('vacuum (analyze)');
    log(`postgres: vacuum analyze in ${Math.round((Date.now() - t0) / 1000)} s`);
    const count = async (table: string) => Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n);
    return {
      posts: posts.length, snapshots: await count('analytics_post_snapshots'), accountSnapshots: await count('analytics_account_snapshots'),
      accountDays: await count('analytics_account_days'), listeningMinutes: await count('listening_topic_minutes'), inboxItems: await count('inbox_items'),
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Listening mentions, which the dashboard's listening volume and sentiment read (share of voice reads the minutes):
// spread over the two years, a quarter negative and three in ten positive, each on one of the workspace's topics.
// Added to a kept database that predates them, and remembered in the marker.

function mentionOf(plan: SeedPlan, w: number, g: number, r: () => number) {
  const ws = plan.workspaces[w]!;
  const at = plan.now - Math.floor(r() * YEARS * 365 * DAY);
  const x = r();
  const sentiment = x < 0.25 ? 'negative' : x < 0.55 ? 'positive' : 'neutral';
  return {
    mention: {
      id: `lm-${w}-${g.toString(36)}`, workspace_id: ws.id, source_id: null, network: g % 3 === 0 ? 'mastodon' : 'bluesky',
      uri: `at://did:plc:fan${g % 2000}/app.bsky.feed.post/${w}${g.toString(36)}`, url: null, author_id: `${ws.id}-author-${g % 2000}`, title: null,
      text: `Mention ${g} of ${ws.topics[0]!.name}`, language: g % 2 ? 'en' : 'fr', sentiment, sentiment_score: 0, toxicity: 0, complaint: 0,
      reach: (g * 37) % 5000, engagement: g % 50, terms: '[]', cluster_id: null, copies: 0, inbox_item_id: null, created_at: at, received_at: at + 2000,
    },
    topic: { topic_id: ws.topics[x < 0.6 ? 0 : x < 0.8 ? 1 : 2]!.id, mention_id: `lm-${w}-${g.toString(36)}`, workspace_id: ws.id, sentiment, created_at: at },
  };
}

export function seedMentionsSqlite(file: string, plan: SeedPlan, perWorkspace: number) {
  const db = new SQLite(file);
  db.pragma('busy_timeout = 60000');
  db.pragma('foreign_keys = OFF');
  const sample = mentionOf(plan, 0, 0, rng(1));
  const insertMention = db.prepare(`insert into listening_mentions (${Object.keys(sample.mention).join(', ')}) values (${Object.keys(sample.mention).map((c) => `@${c}`).join(', ')})`);
  const insertTopic = db.prepare(`insert into listening_mention_topics (${Object.keys(sample.topic).join(', ')}) values (${Object.keys(sample.topic).map((c) => `@${c}`).join(', ')})`);
  for (let w = 0; w < plan.workspaces.length; w++) {
    const r = rng(12_000 + w);
    db.transaction(() => {
      for (let g = 0; g < perWorkspace; g++) {
        const m = mentionOf(plan, w, g, r);
        insertMention.run(m.mention);
        insertTopic.run(m.topic);
      }
    })();
  }
  plan.mentionsPerWorkspace = perWorkspace;
  db.prepare(`update ${MARKER} set plan = ?`).run(JSON.stringify(plan));
  db.exec('analyze');
  db.close();
}

export async function seedMentionsPostgres(url: string, plan: SeedPlan, perWorkspace: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    await client.query('set session_replication_role = replica');
    for (let w = 0; w < plan.workspaces.length; w++) {
      const r = rng(12_000 + w);
      for (let g = 0; g < perWorkspace; g += 10_000) {
        const batch = Array.from({ length: Math.min(10_000, perWorkspace - g) }, (_, k) => mentionOf(plan, w, g + k, r));
        const cols = Object.keys(batch[0]!.mention) as Array<keyof (typeof batch)[0]['mention']>;
        const types: Record<string, string> = { sentiment_score: 'float8', toxicity: 'float8', complaint: 'int', reach: 'int', engagement: 'int', copies: 'int', created_at: 'int8', received_at: 'int8' };
        await client.query(`insert into listening_mentions (${cols.join(', ')}) select * from unnest(${cols.map((c, i) => `$${i + 1}::${types[c] ?? 'text'}[]`).join(', ')})`,
          cols.map((c) => batch.map((b) => b.mention[c])));
        await client.query(`insert into listening_mention_topics (topic_id, mention_id, workspace_id, sentiment, created_at) select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int8[])`,
          [batch.map((b) => b.topic.topic_id), batch.map((b) => b.topic.mention_id), batch.map((b) => b.topic.workspace_id), batch.map((b) => b.topic.sentiment), batch.map((b) => b.topic.created_at)]);
      }
    }
    await client.query('set session_replication_role = origin');
    plan.mentionsPerWorkspace = perWorkspace;
    await client.query(`update ${MARKER} set plan = $1`, [JSON.stringify(plan)]);
    await client.query('vacuum (analyze) listening_mentions');
    await client.query('vacuum (analyze) listening_mention_topics');
  } finally {
    await client.end();
  }
}

/** Writes the plan back into the marker, with what was added to it since it was seeded. */
export async function saveMarker(target: { file: string } | { url: string }, plan: SeedPlan) {
  if ('file' in target) {
    const db = new SQLite(target.file);
    db.pragma('busy_timeout = 60000');
    db.prepare(`update ${MARKER} set plan = ?`).run(JSON.stringify(plan));
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(`update ${MARKER} set plan = $1`, [JSON.stringify(plan)]);
  } finally {
    await client.end();
  }
}
