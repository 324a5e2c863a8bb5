import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { addMember, setupOwner } from '../helpers/client.js';
import { startSmtp } from '../helpers/smtp.js';
import { LocalNetwork } from '../helpers/local-network.js';
import { connectLocalAccount, history, inSeconds } from '../helpers/publishing.js';

describe('the author of a post still in review at its time', () => {
  let ruche: TestRuche;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    ruche = await startTestRuche('sqlite', { SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }, { connectors: new LocalNetwork().factory() });
  });
  afterAll(async () => {
    await ruche?.stop();
    await new Promise<void>((r) => smtp.server.close(() => r()));
  });

  it('is told by e-mail that it did not go out', async () => {
    const { client: owner, workspaceId: ws, userId } = await setupOwner(ruche.url);
    const account = await connectLocalAccount(ruche, ws, userId, 'brand');
    await owner.patch(`/api/v1/workspaces/${ws}/publishing`, { approvalSteps: [{ roles: ['client'], count: 1 }] });
    const { client: creator } = await addMember(owner, ws, 'writer@example.com', 'content_creator');
    const post = await creator.post(`/api/v1/workspaces/${ws}/posts`, { body: 'Soldes d’hiver', accountIds: [account], scheduledAt: inSeconds(0.5) });
    await creator.post(`/api/v1/workspaces/${ws}/posts/${post.body.id}/submit`);
    const told = () => smtp.inbox.filter((m) => /validation/.test(m.raw.replace(/=\r?\n/g, '')));
    for (let i = 0; i < 100 && told().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(told().map((m) => m.to)).toEqual([['writer@example.com']]);
    expect(await history(owner, ws, post.body.id)).toContain('waiting_for_approval');
  });
});
