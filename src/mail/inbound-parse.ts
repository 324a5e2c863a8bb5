import type { AddressObject } from 'mailparser';

export interface InboundMail {
  from: string | null;
  /** Every recipient the message names (To, Cc, Delivered-To, X-Original-To), lower case. */
  recipients: string[];
  messageId: string | null;
  /** The new text of the message, quoted history and signature left out. */
  text: string;
}

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.flatMap((v) => (v.address ? [v.address.toLowerCase()] : [])));

/** Reads a raw MIME message: plain text preferred, HTML turned into text (never kept as HTML). */
export async function parseInboundMail(raw: Buffer | string): Promise<InboundMail> {
  // Loaded with the first message: most servers never receive one.
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { skipImageLinks: true, skipHtmlToText: false, maxHtmlLengthToParse: 1_000_000 });
  const headerAddresses = ['delivered-to', 'x-original-to'].flatMap((h) => {
    const v = mail.headers.get(h);
    const list = Array.isArray(v) ? v : v ? [v] : [];
    return list.flatMap((x) => (typeof x === 'string' ? [x.trim().replace(/^<|>$/g, '').toLowerCase()] : addresses(x as AddressObject)));
  });
  return {
    from: addresses(mail.from)[0] ?? null,
    recipients: [...new Set([...addresses(mail.to), ...addresses(mail.cc), ...headerAddresses])],
    messageId: mail.messageId ?? null,
    text: stripQuoted(mail.text ?? ''),
  };
}

// The line mail programs write above the message they quote, in English and French, at times wrapped on two lines.
const ATTRIBUTION = /^(?:On\b[^\n]{0,300}?\n?[^\n]{0,300}?\bwrote:|Le\b[^\n]{0,300}?\n?[^\n]{0,300}?\ba écrit\s?:)\s*$/m;
const SEPARATORS = [
  /^-{2,}\s*(?:Original Message|Message d'origine|Message d’origine|Forwarded message|Message transféré)\s*-{2,}\s*$/im,
  /^_{10,}\s*$/m,
  /^(?:From|De)\s?: [^\n]+\n(?:(?:Sent|Envoyé|Date|To|À|Subject|Objet|Cc)\s?: [^\n]*\n?){1,5}/im,
];

/** Leaves out what an answer quotes of the e-mail it answers (and the signature), keeping only what is new. */
export function stripQuoted(text: string): string {
  let body = text.replace(/\r\n?/g, '\n');
  let cut = body.length;
  for (const re of [ATTRIBUTION, ...SEPARATORS]) {
    const m = re.exec(body);
    if (m && m.index < cut) cut = m.index;
  }
  body = body.slice(0, cut);
  const signature = body.search(/^-- ?$/m);
  if (signature >= 0) body = body.slice(0, signature);
  const lines = body.split('\n').filter((l) => !/^\s*>/.test(l));
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
