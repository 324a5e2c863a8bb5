import type { Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Where answers go, when not to the sender (a ticket's reply address). */
  replyTo?: string;
  /** Files sent along (a report's PDF). */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  enabled: boolean;
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** Sends e-mail through SMTP_URL; without it, e-mail is off and callers show links instead. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { enabled: false, send: async () => {}, close: () => {} };
  // nodemailer is loaded with the first message, not with the server.
  let transport: Promise<Transporter> | null = null;
  return {
    enabled: true,
    async send(mail) {
      transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl));
      await (await transport).sendMail({ from, ...mail });
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
