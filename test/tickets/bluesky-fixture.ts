/**
 * What the tickets' end-to-end tests on a real local Bluesky network share: the network with the brand and a
 * customer (named Claire Customer on her profile), an SMTP server that receives what Ruche sends, and a Ruche on
 * PostgreSQL that polls every 5 s, its owner signed in. Start it in beforeAll, stop it in afterAll.
 */
import { expect } from 'vitest';
import { BlueskyNetwork, type NetworkAccount } from '../connectors/bluesky-network.js';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { setupOwner, type TestClient } from '../helpers/client.js';
import { startSmtp } from '../helpers/smtp.js';
import { eventually } from '../notifications/helpers.js';
import { mailEnv } from './helpers.js';

export const E2E_TIMEOUT = 180_000;

export interface TicketsOnBluesky {
  network: BlueskyNetwork;
  ruche: TestRuche;
  smtp: Awaited<ReturnType<typeof startSmtp>>;
  brand: NetworkAccount;
  customer: NetworkAccount;
  owner: TestClient;
  workspaceId: string;
  /** The workspace's API path. */
  api(path: string): string;
  /** Gives the support department its address. */
  supportAt(email: string): Promise<void>;
  /** Connects the brand's account as a user does, with its app password. */
  connectBrand(): Promise<void>;
  /** The first e-mail to `address`, once it arrived. */
  mailTo(address: string, tries?: number): Promise<{ to: string[]; raw: string }>;
  stop(): Promise<void>;
}

export async function startTicketsOnBluesky(): Promise<TicketsOnBluesky> {
  const network = await BlueskyNetwork.start({ dbPostgresUrl: process.env.TEST_DATABASE_URL });
  let smtp: TicketsOnBluesky['smtp'] | undefined;
  let ruche: TestRuche | undefined;
  try {
    const brand = await network.createAccount('brand');
    const customer = await network.createAccount('customer');
    await network.setProfile(customer, { displayName: 'Claire Customer' });
    smtp = await startSmtp();
    ruche = await startTestRuche('postgres', { ...mailEnv(smtp.port), ALLOW_PRIVATE_NETWORKS: '1', INBOX_POLL_SECONDS: '5' });
    const { client: owner, workspaceId } = await setupOwner(ruche.url);
    const api = (path: string) => `/api/v1/workspaces/${workspaceId}${path}`;
    const mails = smtp.inbox;
    const started = { smtp, ruche };
    return {
      network, ruche, smtp, brand, customer, owner, workspaceId, api,
      async supportAt(email) {
        const support = (await owner.get(api('/departments'))).body.items.find((d: { key: string }) => d.key === 'support');
        expect((await owner.patch(api(`/departments/${support.id}`), { email })).status).toBe(200);
      },
      async connectBrand() {
        const connected = await owner.post(api('/accounts/bluesky'), { service: network.pdsUrl, identifier: brand.handle, appPassword: brand.appPassword });
        expect(connected.status).toBe(201);
      },
      mailTo: (address, tries) => eventually(async () => mails.find((m) => m.to.includes(address)), `the e-mail to ${address}`, tries),
      stop: () => stopAll(network, started),
    };
  } catch (err) {
    await stopAll(network, { smtp, ruche });
    throw err;
  }
}

async function stopAll(network: BlueskyNetwork, started: { smtp?: TicketsOnBluesky['smtp']; ruche?: TestRuche }) {
  await started.ruche?.stop();
  const smtp = started.smtp;
  await new Promise<void>((r) => (smtp ? smtp.server.close(() => r()) : r()));
  await network.close();
}
