import { addMember, setupOwner, type TestClient } from './client.js';
import type { LocalNetwork } from './local-network.js';
import { connectLocalAccount } from './publishing.js';
import { startTestRuche, type TestRuche } from './ruche.js';

export interface PublishingTeam {
  ruche: TestRuche;
  owner: TestClient;
  ownerId: string;
  ws: string;
  /** The workspace's account on the local network, handle `brand`. */
  account: string;
  creator: TestClient;
  strategist: TestClient;
  client: TestClient;
}

/** A workspace with one account and the roles a post goes through: a creator writes, a strategist and a client approve. */
export async function startPublishingTeam(kind: 'sqlite' | 'postgres', network: LocalNetwork): Promise<PublishingTeam> {
  const ruche = await startTestRuche(kind, {}, { connectors: network.factory() });
  const o = await setupOwner(ruche.url);
  const { client: owner, workspaceId: ws } = o;
  const account = await connectLocalAccount(ruche, ws, o.userId, 'brand');
  const creator = (await addMember(owner, ws, 'creator@example.com', 'content_creator')).client;
  const strategist = (await addMember(owner, ws, 'strat@example.com', 'strategist')).client;
  const client = (await addMember(owner, ws, 'client@example.com', 'client')).client;
  return { ruche, owner, ownerId: o.userId, ws, account, creator, strategist, client };
}
