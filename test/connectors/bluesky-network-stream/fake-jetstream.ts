/**
 * A Jetstream stand-in on 127.0.0.1 that follows the documented format (github.com/bluesky-social/jetstream):
 * JSON text frames `{ did, time_us, kind: 'commit' | 'identity' | 'account', commit | identity | account }`,
 * `wantedCollections` (exact or `prefix.*`) and `wantedDids` filters on commits, identity and account events sent
 * to everyone, and `cursor` (unix microseconds) replaying the log from there before going live. Events are
 * stamped `stepUs` apart, so a few seconds of rewind mean a few events.
 *
 *   const js = await FakeJetstream.start();
 *   js.post('did:plc:a', 'rkey1', { text: 'Bonjour', createdAt });   js.identity('did:plc:a', 'alice.test');
 *   js.cutAfter(5);            // the next connection is cut after sending 5 events
 *   js.connections             // what each client asked for
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface JetstreamConnection {
  cursor: number | null;
  wantedCollections: string[];
  wantedDids: string[];
}

type Logged = { timeUs: number; frame: string; did: string; collection: string | null };

interface Client {
  socket: WebSocket;
  wants(e: Logged): boolean;
  sent: number;
  cutAt: number | null;
}

export class FakeJetstream {
  readonly connections: JetstreamConnection[] = [];
  private readonly log: Logged[] = [];
  private readonly clients = new Set<Client>();
  private nextCut: number | null = null;
  private clock: number;

  private constructor(private readonly server: WebSocketServer, private readonly stepUs: number) {
    this.clock = (Date.now() - 86_400_000) * 1000;
    server.on('connection', (socket, req) => this.accept(socket, new URL(req.url ?? '/', 'http://x')));
  }

  static async start(opts: { stepUs?: number } = {}): Promise<FakeJetstream> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/subscribe' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    return new FakeJetstream(server, opts.stepUs ?? 1_000_000);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/subscribe`;
  }

  /** The time_us the next event gets. */
  get nextTimeUs(): number {
    return this.clock + this.stepUs;
  }

  post(did: string, rkey: string, record: unknown, operation: 'create' | 'update' | 'delete' = 'create'): number {
    return this.commit(did, 'app.bsky.feed.post', rkey, operation === 'delete' ? undefined : record, operation);
  }

  commit(did: string, collection: string, rkey: string, record: unknown, operation: 'create' | 'update' | 'delete' = 'create'): number {
    const commit = { rev: '3l3qo2vutsw2b', operation, collection, rkey, ...(record === undefined ? {} : { record, cid: 'bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a' }) };
    return this.emit(did, collection, (timeUs) => ({ did, time_us: timeUs, kind: 'commit', commit }));
  }

  identity(did: string, handle: string): number {
    return this.emit(did, null, (timeUs) => ({ did, time_us: timeUs, kind: 'identity', identity: { did, handle, seq: 1, time: new Date().toISOString() } }));
  }

  /** A frame as a broken or hostile server might send it, stamped like any other for the cursor. */
  raw(text: string): number {
    this.clock += this.stepUs;
    this.push({ timeUs: this.clock, frame: text, did: '', collection: null });
    return this.clock;
  }

  /** The next connection is closed after it was sent `n` events. */
  cutAfter(n: number): void {
    this.nextCut = n;
  }

  async close(): Promise<void> {
    for (const c of this.clients) c.socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private emit(did: string, collection: string | null, make: (timeUs: number) => object): number {
    this.clock += this.stepUs;
    this.push({ timeUs: this.clock, frame: JSON.stringify(make(this.clock)), did, collection });
    return this.clock;
  }

  private push(e: Logged): void {
    this.log.push(e);
    for (const c of this.clients) this.send(c, e);
  }

  private send(c: Client, e: Logged): void {
    if (!c.wants(e) || c.socket.readyState !== c.socket.OPEN) return;
    if (c.cutAt !== null && c.sent >= c.cutAt) return;
    c.socket.send(e.frame);
    c.sent++;
    if (c.cutAt !== null && c.sent >= c.cutAt) {
      this.clients.delete(c);
      // Cut as a network failure would, right after the last frame left.
      setImmediate(() => c.socket.terminate());
    }
  }

  private accept(socket: WebSocket, url: URL): void {
    const wantedCollections = url.searchParams.getAll('wantedCollections');
    const wantedDids = url.searchParams.getAll('wantedDids');
    const rawCursor = url.searchParams.get('cursor');
    const cursor = rawCursor && /^\d+$/.test(rawCursor) ? Number(rawCursor) : null;
    this.connections.push({ cursor, wantedCollections, wantedDids });
    const collectionOk = (col: string) =>
      wantedCollections.length === 0 || wantedCollections.some((w) => (w.endsWith('.*') ? col.startsWith(w.slice(0, -1)) : col === w));
    const client: Client = {
      socket,
      sent: 0,
      cutAt: this.nextCut,
      wants: (e) => e.collection === null || (collectionOk(e.collection) && (wantedDids.length === 0 || wantedDids.includes(e.did))),
    };
    this.nextCut = null;
    this.clients.add(client);
    socket.on('close', () => this.clients.delete(client));
    if (cursor !== null) for (const e of this.log) if (e.timeUs >= cursor) this.send(client, e);
  }
}
