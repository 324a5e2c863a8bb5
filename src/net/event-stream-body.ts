/**
 * The body of a server-sent event stream, held to its own limits: it may last for hours and carry any number of
 * bytes, so neither the overall time nor the total size is capped. Instead the stream fails when nothing at all
 * arrives for `idleTimeoutMs` (servers send heartbeat comments to show they are alive), and when one event grows
 * past `maxEventBytes` before its blank line, so a hostile server cannot make us buffer without end.
 */
import { OutboundLimitError } from './limited-body.js';

export interface StreamLimits {
  idleTimeoutMs: number;
  maxEventBytes: number;
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

/**
 * Counts the bytes of the event being received, line by line as the event-stream format splits them (CRLF, LF or
 * CR). Comment lines (`:thump`) are not part of any event and do not count.
 */
export function eventSizeMeter(maxEventBytes: number, host: string) {
  let eventBytes = 0;
  let lineBytes = 0;
  let comment = false;
  let afterCR = false;
  return (chunk: Uint8Array): OutboundLimitError | null => {
    for (const byte of chunk) {
      if (byte === LF && afterCR) {
        afterCR = false;
        continue;
      }
      afterCR = byte === CR;
      if (byte === LF || byte === CR) {
        if (lineBytes === 0) eventBytes = 0;
        lineBytes = 0;
        comment = false;
        continue;
      }
      if (lineBytes === 0) comment = byte === COLON;
      lineBytes++;
      if (!comment && ++eventBytes > maxEventBytes) {
        return new OutboundLimitError('event_too_large', `${host} sent an event of more than ${maxEventBytes} bytes.`);
      }
    }
    return null;
  };
}

/**
 * The answer, with its body failing (and the connection cut through `abort`) past either limit. The idle timer
 * stops with the body, or when `signal` aborts.
 */
export function limitEventStream(
  res: Response, limits: StreamLimits, url: URL, redirected: boolean, signal: AbortSignal, abort: (reason: Error) => void,
): Response {
  const measure = eventSizeMeter(limits.maxEventBytes, url.host);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => clearTimeout(timer);
  signal.addEventListener('abort', stop, { once: true });
  const fail = (controller: TransformStreamDefaultController<Uint8Array>, err: Error) => {
    stop();
    controller.error(err);
    abort(err);
  };
  const arm = (controller: TransformStreamDefaultController<Uint8Array>) => {
    stop();
    const silent = () => fail(controller, new OutboundLimitError('stream_idle', `${url.host} sent nothing for ${limits.idleTimeoutMs} ms.`));
    timer = setTimeout(silent, limits.idleTimeoutMs);
  };
  const body = res.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start: arm,
      transform(chunk, controller) {
        arm(controller);
        const tooLarge = measure(chunk);
        if (tooLarge) fail(controller, tooLarge);
        else controller.enqueue(chunk);
      },
      flush: stop,
    }),
  );
  const limited = new Response(body ?? null, { status: res.status, statusText: res.statusText, headers: res.headers });
  Object.defineProperties(limited, { url: { value: url.href }, redirected: { value: redirected } });
  return limited;
}
