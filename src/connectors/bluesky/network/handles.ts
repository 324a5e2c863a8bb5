/** Handles learnt from identity events, for authors of the posts that follow; the oldest are forgotten first. */
export class HandleCache {
  private readonly byDid = new Map<string, string>();

  constructor(private readonly max = 50_000) {}

  set(did: string, handle: string | null): void {
    this.byDid.delete(did);
    if (handle === null) return;
    this.byDid.set(did, handle);
    if (this.byDid.size > this.max) this.byDid.delete(this.byDid.keys().next().value!);
  }

  get(did: string): string | undefined {
    return this.byDid.get(did);
  }
}
