import type { Token } from '../text/tokenize.js';
import { memoOf } from '../text/word-memo.js';
import type { Reason } from '../types.js';
import { hiddenCharacters } from './hidden.js';

const SHORTENERS = /^(?:https?:\/\/)?(?:www\.)?(?:bit\.ly|tinyurl\.com|goo\.gl|is\.gd|cutt\.ly|ow\.ly|rebrand\.ly|shorturl\.at|tiny\.cc|rb\.gy|t\.ly|buff\.ly|s\.id|v\.gd|shorte\.st|adf\.ly|bl\.ink|lnkd\.in|qr\.ae)\//;
const RISKY_TLD = /\.(?:xyz|top|click|link|tk|ml|ga|cf|gq|ru|cn|win|vip|cc|su|ws|online|site|live|shop|store|biz|icu|buzz|rest|loan)(?:\/|$)/;
// Brand names with a letter swapped for a digit or doubled, the way phishing domains are made.
const LOOKALIKE = /(?:paypa[l1]|pay-pal|amaz[o0]n|app[l1]e|micr[o0]s[o0]ft|netf[l1]ix|g[o0]{2}g[l1]e|faceb[o0]{2}k|instagr[a4]m|wh?ats?app|binance|coinbase|metamask|ledger|laposte|ameli|impots|chronopost|colissimo|dhl|fedex|ups)[-.a-z0-9]*\.(?!com\/|fr\/|com$|fr$)/;

const MONEY_RE = /[$€£]\s?\d[\d.,]*\s?[km]?|\d[\d.,]*\s?(?:[$€£]|k€|k\$|euros?\b|dollars?\b)/i;

interface Cue {
  name: string;
  weight: number;
  words: Set<string>;
}
const cue = (name: string, weight: number, list: string): Cue => ({ name, weight, words: new Set(list.split(/\s+/).filter(Boolean)) });
const CUES: Cue[] = [
  cue('free', 1.2, 'free gratuit gratuite gratuits gratuitement offert offerte offerts giveaway freebie'),
  cue('prize', 1, 'win winner won prize prizes reward gift gifts voucher coupon gagner gagnez gagne gagnant cadeau cadeaux lot bon reduction promo'),
  cue('urgency', 1, 'now today hurry urgent limited expires expire last immediately quick vite urgent maintenant aujourd derniere limite limitee immediatement seulement only'),
  cue('money', 1.2, '$ € euro euros dollar dollars cash money argent paid profit profits income revenu revenus invest investment investir investissement earn earning rich riche fortune loan pret credit payout'),
  cue('crypto', 1.5, 'bitcoin btc crypto cryptos ethereum eth usdt nft nfts airdrop forex trading wallet token tokens'),
  cue('call', 1, 'click cliquez clique dm inbox whatsapp telegram bio link lien contact contactez inscris inscrivez register signup subscribe follow claim reclamez reclame verify verifiez'),
];

/** The names spam reasons carry, for those who explain them. */
export const SPAM_RULES: readonly string[] = ['shortened-link', 'look-alike-domain', 'risky-domain', 'punycode-domain', ...new Set([...CUES.map((c) => c.name), 'money'])];

const CUE_OF = new Map<string, Cue>();
for (const c of CUES) for (const w of c.words) if (!CUE_OF.has(w)) CUE_OF.set(w, c);

export interface SpamResult {
  score: number;
  reasons: Reason[];
}

// Both of MONEY_RE's forms hold a digit: most texts, which hold none, skip the expression.
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

// A cue found: its reason noted, its weight returned. (Not a closure made per text: tsx and esbuild name each one as it
// is made, at a cost on every text.)
function found(reasons: Reason[], rule: string, weight: number, text: string): number {
  reasons.push({ category: 'spam', rule, text, weight });
  return weight;
}

/** Scam and spam cues: links that hide where they go, look-alike brand domains, and the free/win/urgent/money pitch. */
export function spamScore(tokens: Token[], raw = ''): SpamResult {
  const reasons: Reason[] = [];
  let sum = 0;
  let links = 0;
  for (const t of tokens) {
    if (t.kind !== 'url') continue;
    links++;
    const url = t.text.replace(/^https?:\/\//, '');
    if (SHORTENERS.test(url)) sum += found(reasons, 'shortened-link', 1.5, t.text);
    else if (LOOKALIKE.test(url)) sum += found(reasons, 'look-alike-domain', 3, t.text);
    else if (RISKY_TLD.test(url.split('/')[0] + '/')) sum += found(reasons, 'risky-domain', 1, t.text);
    if (url.startsWith('xn--') || url.includes('.xn--')) sum += found(reasons, 'punycode-domain', 2, t.text);
  }
  if (links > 0) sum += 0.8;
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    const memo = memoOf(t);
    const c = (memo.spam ??= CUE_OF.get(t.text) ?? null) as Cue | null;
    if (c && !seen.has(c.name)) {
      seen.add(c.name);
      sum += found(reasons, c.name, c.weight, t.text);
    }
  }
  if (!seen.has('money') && hasDigit(raw) && MONEY_RE.test(raw)) {
    seen.add('money');
    sum += found(reasons, 'money', 1.2, raw.match(MONEY_RE)?.[0] ?? '');
  }
  // A text that hides its direction (a file name that reads backwards) is one more cue, and always said.
  const hidden = hiddenCharacters(raw);
  if (hidden.weight > 0) {
    seen.add('hidden');
    sum += hidden.weight;
  }
  // One cue is ordinary speech ("free delivery"); the pitch is several together, ideally with a link.
  const score = 1 / (1 + Math.exp(-(sum - 3.6) * 1.6));
  return { score: seen.size + links === 0 ? 0 : score, reasons: [...(score >= 0.2 ? reasons : []), ...hidden.reasons] };
}
