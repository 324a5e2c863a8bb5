/**
 * Who a comment mentions: `@name` or `@localpart` (of the e-mail address), matched against the workspace's
 * members. A name matches written whole without spaces (@SamStrategist, @sam.strategist) or by its first word
 * when no other member shares it (@Sam). Case and accents do not matter.
 */
export interface Mentionable {
  userId: string;
  name: string;
  email: string;
}

// An @ that starts a word, so that addresses written in a comment (sam@example.com) mention nobody.
const MENTION = /(?:^|[^\p{L}\p{N}_.@+-])@([\p{L}\p{N}][\p{L}\p{N}._+-]{0,63})/gu;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

export function mentionTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const m of text.matchAll(MENTION)) tokens.add(fold(m[1].replace(/[._+-]+$/, '')));
  return [...tokens];
}

export function mentionedMembers(text: string, members: readonly Mentionable[]): string[] {
  const tokens = mentionTokens(text);
  if (tokens.length === 0) return [];
  const firstWords = new Map<string, string[]>();
  for (const m of members) {
    const first = fold(m.name.trim().split(/\s+/)[0] ?? '');
    if (first) firstWords.set(first, [...(firstWords.get(first) ?? []), m.userId]);
  }
  const found = new Set<string>();
  for (const m of members) {
    const words = fold(m.name).trim().split(/\s+/).filter(Boolean);
    const keys = new Set([fold(m.email.split('@')[0] ?? ''), words.join(''), words.join('.'), words.join('_'), words.join('-')]);
    const first = words[0];
    if (first && firstWords.get(first)?.length === 1) keys.add(first);
    keys.delete('');
    if (tokens.some((t) => keys.has(t))) found.add(m.userId);
  }
  return [...found];
}
