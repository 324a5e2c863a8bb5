/**
 * A fetch that really sends every request, counts them, and can lose the answer to a chosen one after the
 * network has processed it: the "timed out after the server acted" case that exactly-once must survive.
 */
export interface LossyFetch {
  fetch: typeof fetch;
  /** The next request whose URL contains `urlPart` is delivered, but its answer never reaches the caller. */
  loseNextAnswer(urlPart: string): void;
  /** How many requests whose URL contains `urlPart` were sent so far. */
  sent(urlPart: string): number;
  /** Answers lost so far. */
  lost: number;
}

export function lossyFetch(): LossyFetch {
  const pending: string[] = [];
  const urls: string[] = [];
  const self: LossyFetch = {
    lost: 0,
    loseNextAnswer: (part) => void pending.push(part),
    sent: (part) => urls.filter((u) => u.includes(part)).length,
    fetch: async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      urls.push(url);
      const res = await fetch(input, init);
      const i = pending.findIndex((part) => url.includes(part));
      if (i < 0) return res;
      pending.splice(i, 1);
      self.lost++;
      await res.body?.cancel();
      // What undici throws when the connection drops before the answer arrives.
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    },
  };
  return self;
}
