import type { AppContext } from '../../context.js';
import { parseInboundMail } from '../../mail/inbound-parse.js';
import { startInboundSmtp, type InboundSmtp } from '../../mail/inbound-smtp.js';
import { recordEmailAnswer, type EmailAnswerResult } from './answers.js';
import { tokenOf } from './reply-address.js';

/** Answers are short; a larger message is refused before it is read. */
export const MAX_INBOUND_BYTES = 2 * 1024 * 1024;

export type InboundResult = EmailAnswerResult | { ok: false; code: 'not_a_ticket_address' | 'answers_by_mail_off'; reason: string };

/**
 * A department's e-mail answer, raw as it arrived: the ticket is found from the address it was sent to (the
 * envelope's first, then the message's own headers), and only the new text of the message is kept.
 */
export async function receiveAnswerMail(ctx: AppContext, raw: Buffer | string, envelope: string[] = []): Promise<InboundResult> {
  const base = ctx.config.inboundMail.replyAddress;
  if (!base) return { ok: false, code: 'answers_by_mail_off', reason: 'This Ruche takes no answers by e-mail: MAIL_REPLY_ADDRESS is not set.' };
  const mail = await parseInboundMail(raw);
  const token = [...envelope, ...mail.recipients].map((a) => tokenOf(base, a)).find((t) => t !== null);
  if (!token) return { ok: false, code: 'not_a_ticket_address', reason: 'The message is not addressed to a ticket’s reply address.' };
  return recordEmailAnswer(ctx, { token, from: mail.from, text: mail.text, messageId: mail.messageId });
}

const receivers = new WeakMap<AppContext, InboundSmtp>();

/** Starts the built-in SMTP receiver when INBOUND_SMTP_PORT is set; it takes mail for ticket reply addresses only. */
export async function startAnswerReceiver(ctx: AppContext): Promise<InboundSmtp | null> {
  const { smtpPort, smtpHost, replyAddress } = ctx.config.inboundMail;
  if (smtpPort === undefined) return null;
  if (!replyAddress) throw new Error('INBOUND_SMTP_PORT is set but MAIL_REPLY_ADDRESS is not: the receiver would not know which addresses are tickets’.');
  const receiver = await startInboundSmtp({
    port: smtpPort,
    host: smtpHost,
    maxBytes: MAX_INBOUND_BYTES,
    accepts: (address) => tokenOf(replyAddress, address) !== null,
    async deliver({ raw, recipients }) {
      const result = await receiveAnswerMail(ctx, raw, recipients);
      if (!result.ok) ctx.log.info({ code: result.code }, 'ticket answer by e-mail refused');
      return result.ok ? { ok: true } : { ok: false, reason: result.reason };
    },
    onError: (err) => ctx.log.warn({ err }, 'ticket answer receiver'),
  });
  receivers.set(ctx, receiver);
  ctx.log.info({ port: receiver.port }, 'receiving ticket answers by e-mail');
  return receiver;
}

/** The port the receiver listens on (useful when INBOUND_SMTP_PORT=0 picked a free one). */
export function answerReceiverPort(ctx: AppContext): number | null {
  return receivers.get(ctx)?.port ?? null;
}
