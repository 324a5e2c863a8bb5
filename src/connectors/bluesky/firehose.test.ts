/**
 * The firehose resumes where it stopped, against a real PDS's firehose (@atproto/dev-env): a stream stopped and
 * started again with the position it last gave delivers what was written while it was down, and not again what it
 * had delivered. The PDS alone has no AppView, which the items' authors are read from: a small HTTP answer stands
 * in for it (no profile known, so each author keeps what the post said).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AtpAgent } from '@atproto/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pds, type PdsAccount } from '../../../test/connectors/bluesky-harness.js';
import type { InboundItem, InboundStreamHandlers } from '../types.js';
import { streamFirehose } from './firehose.js';

let pds: Pds;
let appView: Server;
let appViewUrl: string;
beforeAll(async () => {
  pds = await Pds.start();
  appView = createServer((req, res) => {
    res.writeHead(req.url?.startsWith('/xrpc/app.bsky.actor.getProfiles') ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(req.url?.startsWith('/xrpc/app.bsky.actor.getProfiles') ? { profiles: [] } : { error: 'NotFound' }));
  });
  await new Promise<void>((r) => appView.listen(0, '127.0.0.1', r));
  appViewUrl = `http://127.0.0.1:${(appView.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  await new Promise<void>((r) => (appView ? appView.close(() => r()) : r()));
  await pds?.close();
});

/** A post mentioning `whom`, written by `by` on the PDS. */
async function mention(by: PdsAccount, whom: PdsAccount, text: string) {
  const full = `${text} @${whom.handle}`;
  const at = Buffer.from(text).length + 1;
  const { data } = await by.owner.com.atproto.repo.createRecord({
    repo: by.did, collection: 'app.bsky.feed.post',
    record: {
      $type: 'app.bsky.feed.post', text: full, createdAt: new Date().toISOString(),
      facets: [{ index: { byteStart: at, byteEnd: at + Buffer.from(`@${whom.handle}`).length }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: whom.did }] }],
    },
  });
  return data.uri;
}

const until = async (check: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; Date.now() < end && !check(); ) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe('bluesky firehose position', () => {
  it('resumes after a restart from the last position it gave', async () => {
    const [me, fan] = [await pds.createAccount('marque'), await pds.createAccount('fan')];
    const source = { agent: new AtpAgent({ service: appViewUrl }), did: me.did, pdsUrl: pds.url, allowPrivateNetworks: true };
    const seen: InboundItem[] = [];
    const errors: unknown[] = [];
    let position: string | null = null;
    const run = (resumeFrom: string | null) => {
      const ac = new AbortController();
      const handlers: InboundStreamHandlers = {
        items: async (items) => void seen.push(...items),
        error: (e) => void errors.push(e),
        resumeFrom,
        position: async (cursor) => void (position = cursor),
      };
      const done = streamFirehose(source, handlers, ac.signal);
      return { stop: async () => (ac.abort(), await done) };
    };

    const first = run(null);
    // The subscription opens in the background: mentions are written until one comes through.
    let warm: string | null = null;
    for (let i = 0; i < 10 && !warm; i++) {
      const uri = await mention(fan, me, `Échauffement ${i}`);
      if (await until(() => seen.some((s) => s.ref.id === uri), 1_000)) warm = uri;
    }
    expect(warm, JSON.stringify(errors.map((e) => String((e as { cause?: unknown }).cause ?? e)))).not.toBeNull();
    await first.stop();
    expect(position).not.toBeNull();

    const whileDown = await mention(fan, me, 'Écrit pendant l’arrêt');
    const delivered = seen.length;
    const second = run(position);
    expect(await until(() => seen.some((s) => s.ref.id === whileDown))).toBe(true);
    await second.stop();
    // What the first run delivered is not delivered again.
    expect(seen.slice(delivered).map((s) => s.ref.id)).toEqual([whileDown]);
    expect(Number(position)).toBeGreaterThan(0);
  });
});
