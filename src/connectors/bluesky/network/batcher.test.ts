import { describe, expect, it } from 'vitest';
import type { ListeningPost } from '../../../modules/listening/types.js';
import { PostBatcher } from './batcher.js';

const post = (n: number) => ({ uri: `at://p/${n}` }) as ListeningPost;
const limits = { maxPosts: 2, maxWaitMs: 60_000, maxQueued: 100, idleCursorMs: 60_000 };

/** A handler whose reads and stores finish when the test says, recording what runs at once. */
function handler(failStoreOf?: string) {
  const log: string[] = [];
  const gates = new Map<string, () => void>();
  const wait = (name: string) => new Promise<void>((resolve) => gates.set(name, resolve));
  let reading = 0;
  let storing = 0;
  let most = { reading: 0, storing: 0 };
  const read = async (posts: ListeningPost[]) => {
    const name = posts.map((p) => p.uri.split('/').pop()).join('+');
    reading++;
    most = { reading: Math.max(most.reading, reading), storing: most.storing };
    log.push(`read ${name}`);
    await wait(`read ${name}`);
    reading--;
    return async (cursor: string) => {
      storing++;
      most = { reading: most.reading, storing: Math.max(most.storing, storing) };
      log.push(`store ${name} @${cursor}`);
      await wait(`store ${name}`);
      storing--;
      if (name === failStoreOf) throw new Error('store failed');
    };
  };
  const open = async (name: string) => {
    for (let i = 0; i < 50 && !gates.has(name); i++) await new Promise((r) => setTimeout(r, 2));
    gates.get(name)!();
    gates.delete(name);
    await new Promise((r) => setTimeout(r, 5));
  };
  return { read, log, open, most: () => most };
}

function feed(batcher: PostBatcher, from: number, to: number) {
  for (let n = from; n <= to; n++) {
    batcher.add(post(n));
    batcher.advance(n);
  }
}

describe('post batcher', () => {
  it('reads the next batch while one is stored, stores them in order, one at a time, and moves the position with each', async () => {
    const h = handler();
    const b = new PostBatcher(0, h.read, limits, { overflow: () => {}, failed: () => {}, handed: () => {} }, Date.now);
    feed(b, 1, 6);
    await h.open('read 1+2');
    // Batch 1+2 is being stored: 3+4 is read meanwhile, and 5+6 waits until 3+4 is stored in turn.
    expect(h.log).toEqual(['read 1+2', 'store 1+2 @2', 'read 3+4']);
    await h.open('read 3+4');
    expect(h.log).toEqual(['read 1+2', 'store 1+2 @2', 'read 3+4']);
    expect(b.acked).toBe(0);
    await h.open('store 1+2');
    expect(b.acked).toBe(2);
    expect(h.log.slice(3)).toEqual(['store 3+4 @4', 'read 5+6']);
    await h.open('store 3+4');
    await h.open('read 5+6');
    await h.open('store 5+6');
    expect(b.acked).toBe(6);
    expect(h.most()).toEqual({ reading: 1, storing: 1 });
  });

  it('drops the batch read ahead when the one before it fails to be stored, and starts again from what was stored', async () => {
    const h = handler('3+4');
    let failed: unknown = null;
    const b = new PostBatcher(0, h.read, limits, { overflow: () => {}, failed: (err) => void (failed = err), handed: () => {} }, Date.now);
    feed(b, 1, 6);
    await h.open('read 1+2');
    await h.open('read 3+4');
    await h.open('store 1+2');
    await h.open('store 3+4');
    expect(failed).toBeInstanceOf(Error);
    await h.open('read 5+6');
    await b.settle();
    expect(h.log).toEqual(['read 1+2', 'store 1+2 @2', 'read 3+4', 'store 3+4 @4', 'read 5+6']);
    expect(b.acked).toBe(2);
    b.discard();
    feed(b, 3, 4);
    await h.open('read 3+4');
    expect(h.log.at(-1)).toBe('store 3+4 @4');
  });
});
