import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import { simpleParser } from 'mailparser';
import type { TestRuche } from '../helpers/ruche.js';
import { seedItem as seedInboxItem } from '../inbox/seed.js';

export const REPLY_ADDRESS = 'replies@ruche.test';
export const INBOUND_SECRET = 'a-long-enough-inbound-secret';

/** The settings a Ruche needs to send tickets and take their answers: SMTP out, the reply address, the receiver. */
export const mailEnv = (smtpPort: number) => ({
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  MAIL_FROM: 'Ruche <noreply@ruche.test>',
  MAIL_REPLY_ADDRESS: REPLY_ADDRESS,
  INBOUND_SMTP_PORT: '0',
  INBOUND_SMTP_HOST: '127.0.0.1',
  INBOUND_MAIL_SECRET: INBOUND_SECRET,
});

/** A complaint in the workspace's inbox, mentioning the connected account `accountId`, stored by the inbound pipeline. */
export async function seedItem(ruche: TestRuche, workspaceId: string, opts: { text: string; accountId: string; handle?: string; displayName?: string; network?: string }) {
  const handle = opts.handle ?? `someone-${crypto.randomBytes(3).toString('hex')}.test`;
  const { id } = await seedInboxItem(ruche, workspaceId, {
    text: opts.text, accountId: opts.accountId, network: opts.network, kind: 'mention', author: { handle, displayName: opts.displayName ?? null },
    sentiment: 'negative', complaint: true, risk: 0.5,
  });
  return { id, handle };
}

/** Records that the public answer to an item went out on the network, as the inbox's reply job does. */
export async function markPublicAnswerSent(ruche: TestRuche, workspaceId: string, itemId: string, authorId: string) {
  const account = await ruche.ctx.store.db.selectFrom('social_accounts').select('id').where('workspace_id', '=', workspaceId).executeTakeFirst();
  await ruche.ctx.store.db
    .insertInto('inbox_replies')
    .values({
      id: crypto.randomUUID(), item_id: itemId, workspace_id: workspaceId, account_id: account?.id ?? 'none', author_id: authorId, kind: 'reply',
      body: 'Sorry about that, we are on it.', status: 'sent', external_id: 'at://reply', external_url: null, error_kind: null, error_message: null,
      created_at: Date.now(), sent_at: Date.now(),
    })
    .execute();
}

/** A department's answer, sent as a mail program would: to the reply address, quoting the mail it answers. */
export async function replyByMail(port: number, to: string, text: string, opts: { from?: string; messageId?: string } = {}) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    return await transport.sendMail({ from: opts.from ?? 'legal@brand.test', to, subject: 'Re: Ticket', text, ...(opts.messageId ? { messageId: opts.messageId } : {}) });
  } finally {
    transport.close();
  }
}

export async function parseMail(raw: string) {
  const m = await simpleParser(raw);
  return { subject: m.subject ?? '', text: m.text ?? '', html: m.html, replyTo: m.replyTo?.value[0]?.address ?? null, to: m.to };
}
