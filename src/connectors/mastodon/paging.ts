/** The `max_id` of the Link header's "next" page, as Mastodon pages its listings. */
export function nextMaxId(headers: Headers): string | undefined {
  const link = headers.get('link') ?? '';
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (!m) continue;
    try {
      return new URL(m[1]).searchParams.get('max_id') ?? undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
