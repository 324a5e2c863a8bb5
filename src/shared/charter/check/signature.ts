/**
 * The signature the charter asks for at the end of replies (or posts), e.g. "— {first_name}, équipe Ruche". It is
 * found whatever the dash, spacing or case, with any first name (or the {first_name} placeholder itself, as saved
 * replies keep it); the fix appends it with the writer's first name. A missing signature is a warning: the message
 * can still go out.
 */
import type { Finding } from '../findings.js';
import { finding, type CheckContext } from './finding.js';
import { fold } from './text.js';

const PLACEHOLDER = '{first_name}';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function signaturePattern(signature: string): RegExp {
  const parts = fold(signature).trim().split(PLACEHOLDER).map((part) =>
    escape(part)
      .replace(/\s+/g, '\\s*')
      .replace(/[-–—]/g, '[-–—]?')
      .replace(/'/g, "['’]?"),
  );
  return new RegExp(`${parts.join(`(?:\\{first_name\\}|[\\p{L}][\\p{L}'’ -]{0,40}?)`)}\\s*$`, 'u');
}

export function checkSignature(ctx: CheckContext<RegExp | null>): Finding[] {
  const { charter, input, message } = ctx;
  const pattern = ctx.compiled;
  if (!pattern) return [];
  const kind = input.kind === 'post' ? 'post' : 'reply';
  if (!charter.signature.on.includes(kind)) return [];
  if (pattern.test(message.folded.trimEnd())) return [];
  const name = input.kind === 'saved_reply' ? PLACEHOLDER : input.writerFirstName?.trim() || PLACEHOLDER;
  const signature = charter.signature.text.split(PLACEHOLDER).join(name);
  const text = message.text;
  const end = text.trimEnd().length;
  const glue = end === 0 ? '' : '\n\n';
  return [finding({
    rule: 'signature.missing', severity: 'warning', start: 0, end: 0,
    params: { signature },
    fix: { kind: 'add_signature', edits: [{ start: end, end: text.length, replacement: glue + signature }] },
  })];
}
