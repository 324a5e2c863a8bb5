import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Below this, compression saves less than it costs (and the answer fits in one packet anyway). */
export const COMPRESS_MIN_BYTES = 1024;
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT } };

/**
 * Compresses JSON answers of at least 1 KB with brotli or gzip, whichever the client prefers (brotli when it takes
 * both alike). Anything else passes untouched: event streams must reach the browser event by event, and files
 * have their own encodings. Brotli runs at a middle level, as it does per request and not once per build.
 */
export function compressJson(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    // The body is looked at last: asking for it turns the server's light answer into a stream to be read back.
    if (c.req.method === 'HEAD' || res.headers.has('Content-Encoding')) return;
    if (!JSON_TYPE.test(res.headers.get('Content-Type') ?? '')) return;
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(res.headers.get('Cache-Control') ?? '')) return;
    const accepted = pickEncoding(c.req.header('Accept-Encoding'));
    // A client that takes none of ours gets the answer as it is, without reading it back: only the Vary header
    // is added, whatever the size (it costs nothing, and reading back a large answer costs as much as writing it).
    if (!accepted) {
      varyOnEncoding(res.headers);
      return;
    }
    if (!res.body) return;
    const raw = Buffer.from(await res.arrayBuffer());
    const encoding = raw.length >= COMPRESS_MIN_BYTES ? accepted : null;
    const body = encoding === 'br' ? await brotli(raw, BROTLI) : encoding === 'gzip' ? await gzip(raw) : raw;
    // Hono carries the previous answer's headers over to the new one; the ones that change are set after.
    c.res = new Response(body, res);
    c.res.headers.set('Content-Length', String(body.length));
    if (encoding) c.res.headers.set('Content-Encoding', encoding);
    // An answer this large may be compressed for another client: a shared cache must keep the versions apart.
    if (raw.length >= COMPRESS_MIN_BYTES) varyOnEncoding(c.res.headers);
  };
}

export function varyOnEncoding(headers: Headers) {
  const vary = headers.get('Vary');
  if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return;
  headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/** The encoding the client weighs highest (RFC 9110 §12.5.3, with `*` and `q=0`), or null for none of ours. */
export function pickEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name.trim(), q === undefined ? 1 : Number(q) || 0);
  }
  let best: { encoding: Encoding; q: number } | null = null;
  for (const encoding of ENCODINGS) {
    const q = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding ?? null;
}
