import type { ComplaintCue } from '../lexicon/complaint-words.js';
import type { TermHit } from '../lexicon/terms.js';
import type { Token } from '../text/tokenize.js';
import type { Lang } from '../types.js';
import { rule } from './plain.js';

const FILLERS = new Set(['oh', 'ah', 'well', 'wow', 'yay', 'so', 'just', 'really', 'vraiment', 'trop', 'waouh']);
const DURATION_UNITS = new Set(['jours', 'jour', 'semaines', 'semaine', 'mois', 'heures', 'heure', 'days', 'weeks', 'months', 'hours']);

// A photo offered as the evidence: "look at what arrived 👇", "this is how my parcel was delivered".
const SHOWING_RE = rule(String.raw`\b(?:look at|look what|this is how|is this what|is this how|the state of|state of this|what arrived|what i got|what i received|check this|check out this|see for yourself|regardez|voila comment|voila ce que|c est ca|est ce normal|voici ce que|l etat de|dans quel etat)\b`);
const PHOTO_URL = /pic\.twitter\.com|instagram\.com|imgur\.com|\.(?:jpe?g|png|gif|webp)\b/i;
const POINTING = /[👇📷📸⬇]/u;
// Only the asking of how to do something ("how can I track…", "do you ship…", "puis-je changer…"): customers also
// complain with questions ("why is my order late?", "is the network down?").
const HOW_TO = rule(String.raw`\b(?:how (?:can|do|could|would|should) (?:i|we)|what is the (?:procedure|process|best way|way)|do you (?:ship|deliver|have|sell|accept|offer|take|open|do|know)|can i (?:change|return|get|use|pay|order|buy|book|cancel|track|exchange|transfer|find|add|update|bring)|could i|may i|what time|when do you (?:open|close)|where can i (?:find|buy|get|track)|are you open|is it possible to|how (?:many|much|long) (?:does|do|is|are|will|can)|(?:opening|business|store|shop|holiday) hours|what are your hours|is there (?:a |an |any )?(?:parking|car park|wifi|lift|toilet|changing room|discount|student discount|loyalty|app|gift|vegan|gluten)|(?:is|are) (?:the |your |my )?(?:gift ?cards?|vouchers?|coupons?|promo codes?|points) (?:valid|accepted|usable)|which (?:of your )?(?:stores?|shops?|branches?|restaurants?|models?|sizes?|colou?rs?|plans?)|(?:is|are|will) (?:it|they|this|these|the new \w+) (?:be )?(?:available|in stock|coming back)|(?:back )?in stock|does it (?:come|work) with|what (?:route|size|model|version|plan)|comment (?:faire|puis je|peut on|(?:(?:vous|le|la|les|l) )?\w+(?:er|ir|re))|quelle est la (?:procedure|demarche)|livrez vous|puis je|peut on (?:retourner|changer|payer|commander|obtenir)|a quelle heure|quand ouvre|quels sont vos horaires|vos horaires|horaires d ouverture|etes vous ouverts?|(?:est il|est elle|sont ils|sont elles) ouverte?s?|y a t il (?:un |une |des )?(?:parking|reduction|remise|wifi|ascenseur|toilettes|carte|application|option)|faites vous|ou puis je|est il possible|est ce possible|avez vous|acceptez vous|proposez vous)\b`);
// Questions about opening and closing ("when does the store open", "is the shop on Main Street open late", "is the
// sale still on"): each holds "open", "clos…" or "still on" after a space, and is only tried on the texts that do, since
// its runs of any three words are tried after every "is", "are" or "do" of a text. (HOW_TO or HOW_TO_OPEN matching is
// what one expression of all their forms would match.)
const HOW_TO_OPEN = rule(String.raw`\b(?:when (?:does|do|will|is) (?:the |your )?(?:\w+ ){0,3}(?:open|close|opening|closing)\b|(?:does|do|will|is|are) (?:the |your )?(?:\w+ ){0,3}(?:open|close) (?:on|at|late|early|during|over|before|after|until|today|tomorrow|this)|(?:is|are) (?:the |your )?(?:\w+ ){0,3}open\b(?! (?:again|now|finally))|(?:is|are) (?:the |your )?(?:\w+ ){0,3}still on\b)\b`);
const ASKING_START = new Set(['how', 'what', 'where', 'when', 'can', 'could', 'do', 'does', 'is', 'are', 'may', 'hi', 'hello', 'hey', 'comment', 'quelle', 'quel', 'puis', 'peut', 'livrez', 'avez', 'acceptez', 'proposez', 'bonjour', 'est', 'a', 'quand', 'ou']);

export interface ComplaintCues {
  /** Words of a problem, how many, and the first. */
  problems: number;
  first?: string;
  /** French words naming what customers complain about, up to two. */
  topics: string[];
  /** Praise opening a sentence about a problem, or a stock sarcastic phrase. */
  sarcasm?: string;
  /** Praise, "but", then a problem. */
  contrast?: string;
  /** A photo shown as the evidence. */
  photo?: string;
  /** Asks customer service how to do something, and names no problem. */
  question: boolean;
  /** Ordinary service words that hold a problem word ("opening hours", "open late"). */
  service: boolean;
}

/** What the complaint rules read in a text, the same way in French and English, in one pass over its words. */
export function complaintCues(raw: string, plain: string, tokens: Token[], lang: Lang, found: TermHit<ComplaintCue>[]): ComplaintCues {
  const cues: ComplaintCues = { problems: 0, topics: [], question: false, service: false };
  const praise = lang === 'fr' ? 'praise-fr' : 'praise-en';
  let praiseAt: string | undefined;
  let contrastAt = -1;
  let problemAfterContrast = false;
  let problemAfterPraise = false;
  // Hits come in the order of their first word, a phrase before the single words at its start.
  let serviceEnd = -1;
  for (const h of found) {
    if (h.value === 'service') {
      serviceEnd = Math.max(serviceEnd, h.end);
      cues.service = true;
    }
    else if (h.value === 'problem' && h.start < serviceEnd) continue;
    else if (h.value === 'problem') {
      if (cues.problems++ === 0) cues.first = h.term;
      if (contrastAt >= 0 && h.start > contrastAt) problemAfterContrast = true;
      if (praiseAt) problemAfterPraise = true;
    } else if (h.value === 'topic') {
      if (cues.topics.length < 2) cues.topics.push(h.term);
    } else if (h.value === 'sarcasm') cues.sarcasm ??= h.term;
    else if (h.value === 'contrast') {
      if (contrastAt < 0) { contrastAt = h.start; cues.contrast = h.term; }
    } else if (h.value === praise && (opensSentence(tokens, h.start) || saidByMe(tokens, h.start))) praiseAt ??= h.term;
  }
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].text === 'depuis' && tokens[i + 1].kind === 'number' && DURATION_UNITS.has(tokens[i + 2].text)) {
      if (cues.problems++ === 0) cues.first = `depuis ${tokens[i + 1].text} ${tokens[i + 2].text}`;
    }
  }
  if (!problemAfterContrast) cues.contrast = undefined;
  // Praise before the problem is sarcasm ("Great, another delay", "I love waiting 20 minutes"); thanks after it close
  // an ordinary message ("the late service starts when? Cheers!", "no more issues, thanks for the help").
  if (problemAfterPraise) cues.sarcasm ??= praiseAt;
  const hasPhoto = POINTING.test(raw) || tokens.some((t) => t.kind === 'url' && PHOTO_URL.test(t.text));
  if (hasPhoto) cues.photo = first(SHOWING_RE, plain) ?? cues.first;
  if (cues.problems === 0 && !cues.sarcasm && !cues.photo && (raw.includes('?') || ASKING_START.has(firstWord(tokens)))) {
    HOW_TO.lastIndex = 0;
    HOW_TO_OPEN.lastIndex = 0;
    cues.question = HOW_TO.test(plain) || (mayAskOpening(plain) && HOW_TO_OPEN.test(plain));
  }
  return cues;
}

// "open", "clos…" or "stil on" (the skeleton of "still on") after a space: what every form of HOW_TO_OPEN holds.
function mayAskOpening(plain: string): boolean {
  return plain.includes(' open') || plain.includes(' clos') || plain.includes(' stil on');
}

// At the start of the text or of a sentence, after mentions and "oh", "wow", "so"…
function opensSentence(tokens: Token[], at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.kind === 'punct') return t.text !== ',';
    if (t.kind === 'mention' || t.kind === 'emoji' || FILLERS.has(t.text)) continue;
    return false;
  }
  return true;
}

// "I love …", "I just love …", "gotta love …": praise said by the writer, the other way sarcasm starts.
const ME = new Set(['i', 'just', 'really', 'so', 'absolutely', 'gotta', 'got', 'to', 'dont', 'you']);
function saidByMe(tokens: Token[], at: number): boolean {
  const w = tokens[at]?.text;
  if (w !== 'love' && w !== 'loving') return false;
  const before = tokens[at - 1]?.text;
  return before === 'i' || before === 'gotta' || (before !== undefined && ME.has(before) && tokens[at - 2]?.text === 'i');
}

function firstWord(tokens: Token[]): string {
  for (const t of tokens) if (t.kind === 'word') return t.text;
  return '';
}

function first(re: RegExp, text: string): string | undefined {
  re.lastIndex = 0;
  return re.exec(text)?.[0].trim();
}
