/**
 * How many posts are in flight at once for one account in this process, as the network's pacing says (one for a
 * network that must receive a thread's parts in order). A burst's other accounts are not held up by a slow one.
 */
const inFlight = new Map<string, { running: number; waiting: Array<() => void> }>();

export async function withAccountSlot<T>(accountId: string, concurrency: number, work: () => Promise<T>): Promise<T> {
  let slot = inFlight.get(accountId);
  if (!slot) inFlight.set(accountId, (slot = { running: 0, waiting: [] }));
  if (slot.running >= concurrency) await new Promise<void>((resolve) => slot!.waiting.push(resolve));
  else slot.running++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line; the count only drops when nobody waits.
    const next = slot.waiting.shift();
    if (next) next();
    else if (--slot.running === 0) inFlight.delete(accountId);
  }
}
