import { ConnectorError } from '../../src/connectors/errors.js';
import type { Author, Capability, Connector, ConnectorDeps, PostRef } from '../../src/connectors/types.js';
import type { ConnectorFactory } from '../../src/modules/accounts/connector-factory.js';

/**
 * A network in memory for tests of the moderation engine's own logic (which action runs where, what the store
 * records): it keeps each account's hidden replies, blocks and mutes, and declares per network the capabilities
 * Bluesky and Mastodon declare. The real protocols are tested against a real PDS and the Mastodon fake.
 */
export class ModerationNetwork {
  readonly hidden = new Map<string, Set<string>>();
  readonly blocked = new Set<string>();
  readonly muted = new Set<string>();
  readonly reports: Array<{ comment: string; author: string; reason: string }> = [];
  readonly calls: string[] = [];
  failNext: ConnectorError | null = null;

  static CAPABILITIES: Record<string, Capability[]> = {
    bluesky: ['hideComment', 'blockAuthor'],
    mastodon: ['blockAuthor', 'muteAuthor', 'reportComment'],
  };

  factory(): ConnectorFactory {
    return { create: (network, deps) => this.connector(network, deps) };
  }

  private connector(network: string, _deps: ConnectorDeps): Connector {
    const net = this;
    const step = (name: string) => {
      net.calls.push(name);
      const f = net.failNext;
      if (f) {
        net.failNext = null;
        throw f;
      }
    };
    const notUsed = async (): Promise<never> => {
      throw new ConnectorError(network, 'rejected', 'not used in moderation tests');
    };
    const c: Connector = {
      network: network as Connector['network'],
      capabilities: new Set(ModerationNetwork.CAPABILITIES[network] ?? []),
      limits: notUsed, countText: notUsed, account: notUsed, publish: notUsed, findExisting: notUsed, getPost: notUsed, delete: notUsed,
      async hideComment(post: PostRef, comment: PostRef) {
        step(`hide:${comment.id}`);
        if (!net.hidden.has(post.id)) net.hidden.set(post.id, new Set());
        net.hidden.get(post.id)!.add(comment.id);
      },
      async unhideComment(post: PostRef, comment: PostRef) {
        step(`unhide:${comment.id}`);
        net.hidden.get(post.id)?.delete(comment.id);
      },
      async blockAuthor(author: Author) {
        step(`block:${author.id}`);
        net.blocked.add(author.id);
      },
      async unblockAuthor(author: Author) {
        step(`unblock:${author.id}`);
        net.blocked.delete(author.id);
      },
      async muteAuthor(author: Author) {
        step(`mute:${author.id}`);
        net.muted.add(author.id);
      },
      async unmuteAuthor(author: Author) {
        step(`unmute:${author.id}`);
        net.muted.delete(author.id);
      },
      async reportComment(comment: PostRef, author: Author, reason: string) {
        step(`report:${comment.id}`);
        net.reports.push({ comment: comment.id, author: author.id, reason });
      },
    };
    return c;
  }
}
