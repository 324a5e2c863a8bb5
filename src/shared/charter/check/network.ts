/**
 * The charter's limits for the network a message goes to. Length is counted as that network counts: grapheme
 * clusters (what Bluesky counts, and Mastodon too), with every link costing 23 on Mastodon and a remote mention
 * counted by its local part there. A text too long for the network is refused by it, so that is blocking; the other
 * limits are the brand's taste (warnings).
 */
import type { Finding } from '../findings.js';
import { finding, type CheckContext } from './finding.js';
import { graphemeEnds } from './graphemes.js';
import type { Span } from './text.js';

const MASTODON_URL_WEIGHT = 23;

/** Offsets where each counted unit ends, in order; the length is the units' count. */
function countedUnits(text: string, network: string | null | undefined, urls: readonly Span[], mentions: readonly Span[]): number[] {
  const graphemes = graphemeEnds(text);
  if (network !== 'mastodon') return graphemes;
  // On Mastodon a link costs 23 whatever its length, and "@user@instance.tld" costs "@user".
  const free: Span[] = [];
  for (const m of mentions) {
    const second = text.indexOf('@', m.start + 1);
    if (second > 0 && second < m.end) free.push({ start: second, end: m.end });
  }
  const ends: number[] = [];
  let u = 0;
  let f = 0;
  let start = 0;
  for (const end of graphemes) {
    while (u < urls.length && urls[u].end <= start) u++;
    while (f < free.length && free[f].end <= start) f++;
    if (u < urls.length && urls[u].start <= start) {
      if (urls[u].start === start) for (let k = 0; k < MASTODON_URL_WEIGHT; k++) ends.push(urls[u].end);
    } else if (!(f < free.length && free[f].start <= start)) ends.push(end);
    start = end;
  }
  return ends;
}

export function messageLength(text: string, network: string | null | undefined, urls: readonly Span[], mentions: readonly Span[]): number {
  return countedUnits(text, network, urls, mentions).length;
}

export function checkNetwork(ctx: CheckContext): Finding[] {
  const rules = ctx.network;
  if (!rules) return [];
  const { message, input } = ctx;
  const out: Finding[] = [];
  // A text no longer in UTF-16 units than allowed has no more graphemes; only Mastodon's links can weigh more.
  const surelyShort = rules.maxLength !== null && message.text.length <= rules.maxLength && !(input.network === 'mastodon' && message.urls.length > 0);
  if (rules.maxLength !== null && !surelyShort) {
    const units = countedUnits(message.text, input.network, message.urls, message.mentions);
    if (units.length > rules.maxLength) {
      const start = units[rules.maxLength - 1];
      out.push(finding({
        rule: 'network.length', severity: 'blocking', start, end: message.text.length,
        params: { count: units.length, max: rules.maxLength, network: input.network ?? '' },
      }));
    }
  }
  const over = (rule: 'network.links' | 'network.mentions', list: readonly Span[], max: number | null) => {
    if (max === null || list.length <= max) return;
    out.push(finding({
      rule, severity: 'warning', start: list[max].start, end: list[list.length - 1].end,
      params: { count: list.length, max, network: input.network ?? '' },
    }));
  };
  over('network.links', message.urls, rules.maxLinks);
  over('network.mentions', message.mentions, rules.maxMentions);
  const media = input.media ?? { count: 0, withAltText: 0 };
  if (rules.visualRequired && input.kind === 'post' && media.count === 0) {
    out.push(finding({ rule: 'network.visual', severity: 'warning', start: 0, end: 0, params: { network: input.network ?? '' } }));
  }
  if (rules.altTextRequired && media.withAltText < media.count) {
    out.push(finding({
      rule: 'network.alt_text', severity: 'warning', start: 0, end: 0,
      params: { count: media.count - media.withAltText, network: input.network ?? '' },
    }));
  }
  return out;
}
