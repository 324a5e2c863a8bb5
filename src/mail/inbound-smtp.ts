import type { AddressInfo } from 'node:net';
import type { SMTPServerAddress } from 'smtp-server';

export interface Delivery {
  raw: Buffer;
  /** The envelope's recipients (RCPT TO), each already accepted by `accepts`. */
  recipients: string[];
}

export type DeliveryResult = { ok: true } | { ok: false; reason: string };

export interface InboundSmtpOptions {
  port: number;
  host: string;
  /** Larger messages are refused while they arrive. */
  maxBytes: number;
  /** Whether mail for this address is taken at all; any other recipient is refused at RCPT TO. */
  accepts(address: string): boolean;
  deliver(delivery: Delivery): Promise<DeliveryResult>;
  onError?(err: unknown): void;
}

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

/** An error the SMTP client reads as a permanent refusal, with our reason. */
function refusal(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * A small SMTP receiver for answers by e-mail: no relaying, no authentication, only the addresses `accepts` names,
 * messages limited in size. It says at once why a message is refused, so the sender's server can tell the sender.
 */
export async function startInboundSmtp(options: InboundSmtpOptions): Promise<InboundSmtp> {
  // Loaded only where INBOUND_SMTP_PORT starts a receiver.
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({
    name: 'ruche',
    banner: 'Ruche ticket answers',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: options.maxBytes,
    maxClients: 50,
    socketTimeout: 60_000,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (!options.accepts(address.address)) return callback(refusal(550, `No mailbox here for ${address.address.slice(0, 200)}: only ticket answers are received.`));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (d: Buffer) => {
        size += d.length;
        if (size <= options.maxBytes) chunks.push(d);
      });
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded || size > options.maxBytes) {
          return callback(refusal(552, `The message is larger than ${options.maxBytes} bytes.`));
        }
        options
          .deliver({ raw: Buffer.concat(chunks), recipients: session.envelope.rcptTo.map((r) => r.address) })
          .then((result) => callback(result.ok ? null : refusal(550, result.reason)))
          .catch((err: unknown) => {
            options.onError?.(err);
            // Ours, not the sender's: a temporary failure, so their server tries again later.
            callback(refusal(451, 'The answer could not be stored just now; try again later.'));
          });
      });
    },
  });
  server.on('error', (err) => options.onError?.(err));
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.server.address() as AddressInfo;
      resolve({ port, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}
