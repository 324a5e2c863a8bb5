import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startTestRuche, type TestRuche } from '../helpers/ruche.js';
import { TestClient, setupOwner } from '../helpers/client.js';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server in the test receives what Ruche sends through nodemailer. */
function startSmtp(): Promise<{ server: SMTPServer; port: number; inbox: Received[] }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString()));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.server.address() as AddressInfo).port, inbox }));
  });
}

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
