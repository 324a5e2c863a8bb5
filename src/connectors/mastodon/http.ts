/**
 * Plain fetch, not the masto client: we need each answer's status and headers (202 while media is processed,
 * X-RateLimit-Reset on 429), our own Idempotency-Key header, and to validate raw JSON with zod ourselves.
 */
import type { z } from 'zod';
import { blockedCause } from '../../net/address-guard.js';
import { OutboundLimitError } from '../../net/limited-body.js';
import { ConnectorError, explainsFailure, kindForStatus } from '../errors.js';
import { ErrorBody } from './schemas.js';
import { describeErrorBody } from './error-body.js';

export interface HttpOptions {
  baseUrl: string;
  token?: string;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
  onRateLimit?: (state: { remaining: number; limit: number | null; resetAt: number }) => void;
}

export interface Request {
  method?: 'GET' | 'POST' | 'DELETE';
  query?: Record<string, string | string[] | undefined>;
  json?: Record<string, unknown>;
  form?: FormData;
  headers?: Record<string, string>;
}

export interface Answer<T> {
  status: number;
  data: T;
  headers: Headers;
}

export class MastodonHttp {
  constructor(private readonly opts: HttpOptions) {}

  async call<S extends z.ZodType>(path: string, schema: S, req: Request = {}): Promise<Answer<z.infer<S>>> {
    const url = new URL(path, this.opts.baseUrl);
    for (const [k, v] of Object.entries(req.query ?? {})) {
      if (Array.isArray(v)) v.forEach((item) => url.searchParams.append(`${k}[]`, item));
      else if (v !== undefined) url.searchParams.set(k, v);
    }
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    let body: BodyInit | undefined;
    if (req.json) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form) body = req.form;
    let res: Response;
    try {
      res = await (this.opts.fetch ?? fetch)(url, {
        method: req.method ?? 'GET',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000),
      });
    } catch (cause) {
      throw unanswered(cause, 'The Mastodon server did not answer.');
    }
    let text: string;
    try {
      text = await res.text();
    } catch (cause) {
      throw unanswered(cause, 'The Mastodon server did not finish its answer.');
    }
    this.observeRateLimit(res.headers);
    const json = parseJson(text);
    if (!res.ok) throw this.errorFor(res, json, text, (req.method ?? 'GET') !== 'GET');
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ConnectorError('mastodon', 'transient', 'The Mastodon server sent an answer we could not read.', {
        status: res.status,
        networkCode: 'malformed_answer',
        cause: parsed.error,
      });
    }
    return { status: res.status, data: parsed.data, headers: res.headers };
  }

  /** The instance's own limit, as its headers say (each instance sets its own; the headers are the truth). */
  private observeRateLimit(headers: Headers) {
    if (!this.opts.onRateLimit) return;
    const remaining = Number(headers.get('x-ratelimit-remaining') ?? NaN);
    const resetAt = Date.parse(headers.get('x-ratelimit-reset') ?? '');
    if (!Number.isFinite(remaining) || !Number.isFinite(resetAt)) return;
    const limit = Number(headers.get('x-ratelimit-limit') ?? NaN);
    this.opts.onRateLimit({ remaining, limit: Number.isFinite(limit) ? limit : null, resetAt });
  }

  /** The server's own words decide between a refusal and passing trouble, and are what the user is shown. */
  private errorFor(res: Response, json: unknown, text: string, write: boolean): ConnectorError {
    const body = ErrorBody.safeParse(json);
    const said = body.success ? describeErrorBody(body.data) : { message: plainText(text), code: undefined };
    const kind = kindForStatus(res.status, { write, explained: body.success && explainsFailure(said.message, res.status) });
    // A message that gives no reason is shown with its status, so that two different failures never read alike.
    const message = kind === 'transient' || !said.message ? withStatus(said.message, res) : said.message;
    const reset = Date.parse(res.headers.get('x-ratelimit-reset') ?? '');
    const now = (this.opts.now ?? Date.now)();
    return new ConnectorError('mastodon', kind, message, {
      status: res.status,
      networkCode: said.code,
      retryAfterMs: kind === 'rate_limited' ? (Number.isFinite(reset) ? Math.max(0, reset - now) : 5 * 60_000) : undefined,
    });
  }
}

/**
 * A call without a usable answer. `blocked_address` (ours to refuse, final) and `unreachable`: nothing was sent.
 * `no_answer` and `answer_too_large`: it may have been processed; callers that write decide.
 */
function unanswered(cause: unknown, message: string): ConnectorError {
  const refusal = blockedCause(cause);
  if (refusal && !refusal.temporary) return new ConnectorError('mastodon', 'rejected', refusal.message, { networkCode: 'blocked_address', cause });
  if (cause instanceof OutboundLimitError && cause.code === 'response_too_large') {
    return new ConnectorError('mastodon', 'transient', 'The Mastodon server sent an answer too large to read.', { networkCode: 'answer_too_large', cause });
  }
  return new ConnectorError('mastodon', 'transient', message, { networkCode: refusal || neverSent(cause) ? 'unreachable' : 'no_answer', cause });
}

function neverSent(err: unknown): boolean {
  const code = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

/** A short text/plain body ("Internal Server Error") is the server's words; an HTML error page is not. */
function plainText(text: string): string | undefined {
  const line = text.trim();
  return line && line.length <= 200 && !line.startsWith('<') && !line.includes('\n') ? line : undefined;
}

function withStatus(message: string | undefined, res: Response): string {
  const status = `HTTP ${res.status}`;
  if (!message) return res.statusText ? `${status} ${res.statusText}` : status;
  return message.includes(String(res.status)) ? message : `${message} (${status})`;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
