import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, setupOwner } from '../helpers/client.js';
import { startSmtp } from '../helpers/smtp.js';

describe('invitations by e-mail', () => {
  let ruche: TestRuche;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
    ruche = await startTestRuche('sqlite', { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Ruche <noreply@ruche.test>' });
  });
  afterAll(async () => {
    await ruche?.stop();
    await new Promise<void>((r) => smtp.server.close(() => r()));
  });

  it('e-mails the link in the workspace language, and the link works', async () => {
    const { client, workspaceId } = await setupOwner(ruche.url);
    const res = await client.post(`/api/v1/workspaces/${workspaceId}/invitations`, { email: 'lea@example.fr', role: 'analyst' });
    expect(res.status).toBe(201);
    expect(res.body.emailed).toBe(true);
    expect(smtp.inbox).toHaveLength(1);
    const mail = smtp.inbox[0];
    expect(mail.to).toEqual(['lea@example.fr']);
    expect(mail.raw).toMatch(/vous invite/);
    const body = mail.raw.replace(/=\r?\n/g, '');
    const token = res.body.link.split('/invite/')[1];
    expect(body).toContain(token);
    expect((await new TestClient(ruche.url).get(`/api/v1/invitations/${token}`)).status).toBe(200);
  });
});
