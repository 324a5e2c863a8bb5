
export class OutboundLimitError extends Error {
  constructor(
    readonly code: 'response_too_large' | 'too_many_redirects' | 'stream_idle' | 'event_too_large',
    message: string,
  ) {
    super(message);
    this.name = 'OutboundLimitError';
  }
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * The answer with a body that fails once more than `maxBytes` have arrived, whatever Content-Length says,
 * so a hostile server cannot make us buffer without end. A declared length over the limit fails at once.
 */
export function limitBody(res: Response, maxBytes: number, url: URL, redirected: boolean): Response {
  const tooLarge = () => new OutboundLimitError('response_too_large', `${url.host} sent more than ${maxBytes} bytes.`);
  if (Number(res.headers.get('content-length')) > maxBytes) {
    void res.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  let seen = 0;
  const body =
    res.body && !NULL_BODY.has(res.status)
      ? res.body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              seen += chunk.byteLength;
              if (seen > maxBytes) controller.error(tooLarge());
              else controller.enqueue(chunk);
            },
          }),
        )
      : null;
  const limited = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  // Callers (the AT Protocol client among them) read where the answer finally came from.
  Object.defineProperties(limited, { url: { value: url.href }, redirected: { value: redirected } });
  return limited;
}
