/**
 * UTM tags on the links of a campaign's posts, so that the site's analytics credit each visit to the network and
 * the campaign. Pure functions: the publisher tags the text it sends, the composer shows the same links before.
 */

export interface UtmSettings {
  enabled: boolean;
  /** Empty: the network's name. */
  source: string;
  medium: string;
  /** Empty: the campaign's slug. */
  campaign: string;
}

export type UtmTags = Record<'utm_source' | 'utm_medium' | 'utm_campaign', string>;

export const DEFAULT_UTM: UtmSettings = { enabled: false, source: '', medium: 'social', campaign: '' };

// Links with a scheme, as the networks and the composer's preview find them; trailing punctuation is not part of them.
const LINK = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/giu;

/** "Soldes d'été 2025" → "soldes-d-ete-2025". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The tags a campaign's links carry on one network, or null when the campaign does not tag its links. */
export function utmTags(settings: UtmSettings, campaignName: string, network: string): UtmTags | null {
  if (!settings.enabled) return null;
  return {
    utm_source: settings.source.trim() || network,
    utm_medium: settings.medium.trim() || 'social',
    utm_campaign: settings.campaign.trim() || slugify(campaignName) || 'campaign',
  };
}

function carriesUtm(query: string): boolean {
  return query.split('&').some((pair) => {
    const name = pair.split('=')[0];
    try {
      return decodeURIComponent(name).toLowerCase().startsWith('utm_');
    } catch {
      return name.toLowerCase().startsWith('utm_');
    }
  });
}

/**
 * One link with the tags added after its own query and before its fragment, written as it was otherwise (no
 * re-encoding). A link that already carries any utm_ parameter is left as it is: someone chose its tags.
 */
export function tagLink(url: string, tags: UtmTags): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const q = base.indexOf('?');
  const query = q < 0 ? '' : base.slice(q + 1);
  if (carriesUtm(query)) return url;
  const added = Object.entries(tags)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  const joiner = q < 0 ? '?' : query === '' || query.endsWith('&') ? '' : '&';
  return `${base}${joiner}${added}${fragment}`;
}

/** The links of a text, with where each starts and ends; a closing bracket that balances one in the link is kept. */
export function findLinks(text: string): Array<{ url: string; start: number; end: number }> {
  const out: Array<{ url: string; start: number; end: number }> = [];
  for (const match of text.matchAll(LINK)) {
    const start = match.index ?? 0;
    let url = match[0];
    const open = (url.match(/\(/g) ?? []).length;
    const close = (url.match(/\)/g) ?? []).length;
    if (open > close && text[start + url.length] === ')') url += ')';
    out.push({ url, start, end: start + url.length });
  }
  return out;
}

/** The text with every link tagged (or the text itself when there are no tags). */
export function tagLinks(text: string, tags: UtmTags | null): string {
  if (!tags) return text;
  let out = '';
  let last = 0;
  for (const link of findLinks(text)) {
    out += text.slice(last, link.start) + tagLink(link.url, tags);
    last = link.end;
  }
  return out + text.slice(last);
}
