/**
 * A feed's bytes as text, in the encoding it declares: the Content-Type's charset first (as RFC 7303 says for
 * XML sent over HTTP), else a byte order mark, else the XML declaration, else UTF-8. Many older feeds are in
 * ISO-8859-1 or Windows-1252 and say so only in their XML declaration. Bytes that do not decode become U+FFFD.
 */
export function decodeFeedBody(bytes: Uint8Array, contentType: string | null): string {
  const label = charsetOf(contentType) ?? bomEncoding(bytes) ?? xmlDeclaredEncoding(bytes) ?? 'utf-8';
  return decoder(label).decode(bytes);
}

function decoder(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('utf-8');
  }
}

function charsetOf(contentType: string | null): string | null {
  const match = contentType ? /;\s*charset\s*=\s*"?([\w.:-]{1,40})"?/i.exec(contentType) : null;
  return match ? match[1] : null;
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([\w.:-]{1,40})["']/.exec(head);
  return match ? match[1] : null;
}
