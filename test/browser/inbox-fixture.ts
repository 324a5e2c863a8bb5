/**
 * What the inbox browser tests stand on: a Ruche whose Mastodon accounts live on the documented-API fake (no
 * Mastodon server installs here), an account of ours on it, and items fed through the inbound pipeline exactly
 * as a poll would store them (normalised, analysed, stored, announced live).
 */
import type { InboundItem } from '../../src/connectors/types.js';
import { MastodonConnector } from '../../src/connectors/mastodon/index.js';
import { saveConnection } from '../../src/modules/accounts/service.js';
import { ingestItems } from '../../src/modules/inbound/pipeline.js';
import { MastodonFake } from '../connectors/mastodon-fake.js';
import type { FakeAccount } from '../connectors/mastodon-fake-state.js';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import type { Server } from './harness.js';

export type InboxServer = TestRuche & Server & { fake: MastodonFake };

export async function startInboxServer(): Promise<InboxServer> {
  const fake = await new MastodonFake().start();
  // Polls run when a test says; the recurring one would only repeat them. The fake listens on loopback.
  const ruche = await startTestRuche('sqlite', { INBOX_POLL_SECONDS: '86400', ALLOW_PRIVATE_NETWORKS: '1' }, {
    connectors: { create: (_network, deps) => new MastodonConnector({ ...deps }) },
  });
  const stop = ruche.stop.bind(ruche);
  return Object.assign(ruche, {
    fake,
    async stop() {
      await stop();
      await fake.close();
    },
  });
}

/** Connects the brand's account on the fake to the workspace, as the OAuth flow would at its end. */
export async function connectBrand(server: InboxServer, workspaceId: string, userId: string, username: string) {
  const me = server.fake.createAccount(username, { displayName: `${username} brand` });
  const accountId = await saveConnection(server.ctx, {
    workspaceId, userId, network: 'mastodon', serviceUrl: server.fake.url, ip: null,
    credentials: { network: 'mastodon', instanceUrl: server.fake.url, accessToken: me.token, accountId: me.id },
    account: { id: me.id, handle: me.username, displayName: null, followers: null },
  });
  return { me, accountId };
}

export interface Said {
  from: FakeAccount;
  text: string;
  kind?: InboundItem['kind'];
  /** A reply to one of the brand's statuses. */
  replyTo?: { id: string; text: string; handle: string } | null;
  language?: string;
  followers?: number;
  minutesAgo?: number;
}

/** Someone writes to the brand on the fake; the item is stored through the pipeline. Returns its item id. */
export async function arrive(server: InboxServer, account: { accountId: string; workspaceId: string }, said: Said): Promise<string> {
  const status = said.replyTo
    ? server.fake.postAs(said.from, said.text, said.replyTo.id)
    : server.fake.postAs(said.from, said.text);
  const createdAt = new Date(Date.now() - (said.minutesAgo ?? 0) * 60_000).toISOString();
  const parent = said.replyTo ? { id: said.replyTo.id } : null;
  const item: InboundItem = {
    kind: said.kind ?? (said.replyTo ? 'reply' : 'mention'),
    ref: { id: status.id },
    author: {
      id: said.from.id, handle: `${said.from.username}@fake.test`, displayName: said.from.displayName, avatarUrl: null,
      followers: said.followers ?? 120, createdAt: '2023-05-01T00:00:00Z',
    },
    text: said.text,
    createdAt,
    url: `${server.fake.url}/@${said.from.username}/${status.id}`,
    parent,
    root: parent,
    conversationId: null,
    quoted: null,
    languages: said.language ? [said.language] : [],
    context: said.replyTo ? [{ ref: { id: said.replyTo.id }, authorHandle: said.replyTo.handle, text: said.replyTo.text, createdAt }] : [],
  };
  const result = await ingestItems(server.ctx, { id: account.accountId, workspace_id: account.workspaceId, network: 'mastodon' }, [item]);
  const [id] = result.stored;
  if (!id) throw new Error(`the pipeline set the item aside: ${JSON.stringify(result.setAside)}`);
  return id;
}
