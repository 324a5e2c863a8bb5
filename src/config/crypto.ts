import crypto from 'node:crypto';

// A burst opens the same account's token for each of its posts: the last few opened are kept for a minute.
const RECENT_MAX = 1000;
const RECENT_MS = 60_000;

/** AES-256-GCM sealing for secrets stored in the database (network tokens). */
export function createSealer(secretKey: string) {
  const key = crypto.createHash('sha256').update('ruche:seal:' + secretKey).digest();
  // Keyed by the sealed text, whose tag authenticates it: the same text always opens to the same value.
  const recent = new Map<string, { plain: string; at: number }>();
  return {
    seal(plain: string): string {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed: string): string {
      const now = Date.now();
      const hit = recent.get(sealed);
      if (hit && hit.at > now - RECENT_MS) return hit.plain;
      const plain = openSealed(sealed);
      if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
      recent.set(sealed, { plain, at: now });
      return plain;
    },
  };

  function openSealed(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}
export type Sealer = ReturnType<typeof createSealer>;
