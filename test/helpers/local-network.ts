import { ConnectorError, type ConnectorErrorKind } from '../../src/connectors/errors.js';
import type { Capability, Connector, ConnectorDeps, NetworkLimits, OutgoingPost, PublishedPost } from '../../src/connectors/types.js';
import type { ConnectorFactory } from '../../src/modules/accounts/connector-factory.js';

/**
 * A network that lives in memory, for tests of Ruche's own publishing logic and for the publishing
 * benchmark (where the network's latency is not what is measured). It keeps posts by idempotency key like
 * Bluesky's record keys, and can be told to fail the next calls. Real protocols are tested against a real
 * PDS (Bluesky) and a documented-API fake (Mastodon) in their connectors' suites.
 */
export interface LocalPost {
  account: string;
  key: string;
  text: string;
  replyTo: string | null;
  media: Array<{ bytes: number; mimeType: string; alt?: string; width?: number; height?: number }>;
  languages: string[];
  at: number;
}

export class LocalNetwork {
  readonly posts = new Map<string, LocalPost>();
  readonly calls: string[] = [];
  private failures: Array<{ kind: ConnectorErrorKind; message: string; account?: string; retryAfterMs?: number }> = [];
  limits: NetworkLimits = {
    text: { max: 300, unit: 'graphemes', urlWeight: null, contentWarningCounts: false },
    media: { maxCount: 4, maxBytes: 1_000_000, mimeTypes: ['image/jpeg', 'image/png'], altText: true, maxAltLength: 2000 },
    visibilities: ['public'],
    contentWarning: false,
  };

  /** The next publish calls (for one account, or any) fail with these kinds, in order. */
  failNext(kind: ConnectorErrorKind, message = `local network says ${kind}`, account?: string, retryAfterMs?: number) {
    this.failures.push({ kind, message, account, retryAfterMs });
  }

  private warnings: string[] = [];
  /** The next post published comes back with this warning (a first comment the network refused, say). */
  warnNext(message: string) {
    this.warnings.push(message);
  }

  published(account?: string): LocalPost[] {
    return [...this.posts.values()].filter((p) => !account || p.account === account);
  }

  factory(): ConnectorFactory {
    return { create: (_network, deps) => this.connector(deps) };
  }

  private connector(deps: ConnectorDeps): Connector {
    const account = String((deps.credentials as { account?: string }).account ?? 'unknown');
    const net = this;
    const publish = async (post: OutgoingPost): Promise<PublishedPost> => {
      net.calls.push(`publish:${account}:${post.idempotencyKey}`);
      const i = net.failures.findIndex((f) => !f.account || f.account === account);
      if (i >= 0) {
        const [f] = net.failures.splice(i, 1);
        throw new ConnectorError('local', f.kind, f.message, { retryAfterMs: f.kind === 'rate_limited' ? (f.retryAfterMs ?? 50) : undefined });
      }
      const existing = net.posts.get(post.idempotencyKey);
      const ref = { id: post.idempotencyKey };
      if (existing) return { ref, url: `https://local.test/${post.idempotencyKey}`, text: existing.text, createdAt: '', alreadyExisted: true };
      if ([...post.text].length > net.limits.text.max) throw new ConnectorError('local', 'rejected', 'Text too long');
      net.posts.set(post.idempotencyKey, {
        account, key: post.idempotencyKey, text: post.text, replyTo: post.replyTo?.id ?? null,
        media: (post.media ?? []).map((m) => ({ bytes: m.bytes.byteLength, mimeType: m.mimeType, alt: m.alt, width: m.width, height: m.height })),
        languages: post.languages ?? [], at: Date.now(),
      });
      const warning = net.warnings.shift();
      return { ref, url: `https://local.test/${post.idempotencyKey}`, text: post.text, createdAt: new Date().toISOString(), alreadyExisted: false, ...(warning ? { warnings: [warning] } : {}) };
    };
    return {
      network: 'bluesky',
      capabilities: new Set<Capability>(['publish', 'delete', 'reply', 'thread', 'media']),
      limits: async () => net.limits,
      countText: async (text) => ({ used: [...text].length, max: net.limits.text.max }),
      account: async () => ({ id: account, handle: account, displayName: account, followers: null }),
      publish,
      findExisting: async (key) => {
        const p = net.posts.get(key);
        return p ? { ref: { id: key }, url: null, text: p.text, createdAt: '', alreadyExisted: true } : null;
      },
      getPost: async (ref) => (net.posts.has(ref.id) ? { ref, url: null, text: net.posts.get(ref.id)!.text, createdAt: '', alreadyExisted: true } : null),
      delete: async (ref) => {
        net.posts.delete(ref.id);
      },
    };
  }
}
