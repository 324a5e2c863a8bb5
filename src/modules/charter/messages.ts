/**
 * A finding in words, in English or French, from its rule and params, with the charter's own reason after it.
 * French texts keep French typography: a no-break space before « : », a narrow one before « ; », « ! » and « ? »,
 * and no-break spaces inside guillemets.
 */
import type { Finding, Rule } from '../../shared/charter/findings.js';
import { networkName } from '../../shared/networks.js';
import type { Locale } from './locale.js';

const NB = '\u00a0';
const NNB = '\u202f';

type Params = Finding['params'];
type Words = (p: Params, f: Finding) => string;

const str = (v: string | number | undefined) => (v === undefined ? '' : String(v));
const num = (v: string | number | undefined) => (typeof v === 'number' ? v : Number(v ?? 0) || 0);

// `default` is the charter's rules for every network: no name to show.
const networkOf = (p: Params) => {
  const n = str(p.network);
  return n === 'default' ? '' : networkName(n);
};

const en = {
  q: (s: string | number | undefined) => `“${str(s)}”`,
  on: (p: Params) => (networkOf(p) ? ` on ${networkOf(p)}` : ''),
  n: (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`,
  language: (code: string) => ({ fr: 'French', en: 'English' })[code] ?? code,
};

const fr = {
  q: (s: string | number | undefined) => `«${NB}${str(s)}${NB}»`,
  on: (p: Params) => (networkOf(p) ? ` sur ${networkOf(p)}` : ''),
  n: (count: number, one: string, many: string) => `${count} ${count < 2 ? one : many}`,
  language: (code: string) => ({ fr: 'français', en: 'anglais' })[code] ?? code,
};

/** The form of address the charter wants: from the params, else from the fix offered. */
const wanted = (p: Params, f: Finding) => {
  const said = str(p.use);
  if (said === 'tu' || said === 'vous') return said;
  return f.fix?.kind === 'switch_to_tu' ? 'tu' : 'vous';
};

const tags = (p: Params) => str(p.tags ?? p.tag ?? p.required);

const ENGLISH: Record<Rule, Words> = {
  'voice.address': (p, f) => {
    const w = wanted(p, f);
    return `The charter addresses readers as “${w}”: ${en.q(p.found)} is the “${w === 'vous' ? 'tu' : 'vous'}” form.`;
  },
  'voice.contraction': (p) =>
    (p.expanded ?? p.use) ? `The charter's English is formal: write ${en.q(p.expanded ?? p.use)} rather than ${en.q(p.found)}.` : `The charter's English is formal: ${en.q(p.found)} is a contraction.`,
  'voice.exclamations': (p) =>
    `${en.n(num(p.count), 'exclamation mark', 'exclamation marks')}: the charter allows ${num(p.max) === 0 ? 'none' : num(p.max)}.`,
  'language.not_allowed': (p) => `The brand does not write in ${en.language(str(p.language))}.`,
  'emoji.none': (p) => (p.found ? `The charter allows no emoji: remove ${en.q(p.found)}.` : 'The charter allows no emoji.'),
  'emoji.too_many': (p) => `${en.n(num(p.count), 'emoji', 'emoji')}: the charter allows ${num(p.max)} at most.`,
  'signature.missing': (p) => (p.signature ? `End with the signature ${en.q(p.signature)}.` : 'End with the charter’s signature.'),
  'typography.nbsp': (p) =>
    str(p.mark) === '«' ? 'French typography: a non-breaking space after “«”.' : `French typography: a non-breaking space before ${en.q(p.mark)}.`,
  'name.spelling': (p) => `Write the name ${en.q(p.name ?? p.use)}, not ${en.q(p.found)}.`,
  'vocabulary.prefer': (p) => `Write ${en.q(p.use)} rather than ${en.q(p.found)}.`,
  'vocabulary.forbidden': (p) => `The charter forbids ${en.q(p.found ?? p.term)}.`,
  'vocabulary.legal_review': (p) => `${en.q(p.found ?? p.term)} needs a legal review before the message goes out.`,
  'hashtag.banned': (p) => `The charter bans the hashtag ${str(p.tag)}.`,
  'hashtag.key_missing': (p) => (tags(p) ? `Add one of the brand's hashtags: ${tags(p)}.` : "Add one of the brand's hashtags."),
  'hashtag.campaign_missing': (p) => (tags(p) ? `The campaign's posts carry ${tags(p)}.` : "Add the campaign's hashtags."),
  'hashtag.too_many': (p) => `${en.n(num(p.count), 'hashtag', 'hashtags')}: the charter allows ${num(p.max)}${en.on(p)}.`,
  'network.length': (p) => `${en.n(num(p.count), 'character', 'characters')}: the charter allows ${num(p.max)}${en.on(p)}.`,
  'network.links': (p) => `${en.n(num(p.count), 'link', 'links')}: the charter allows ${num(p.max)}${en.on(p)}.`,
  'network.mentions': (p) => `${en.n(num(p.count), 'mention', 'mentions')}: the charter allows ${num(p.max)}${en.on(p)}.`,
  'network.visual': (p) => `The charter asks for a picture or a video with every post${en.on(p)}.`,
  'network.alt_text': (p) =>
    `${en.n(num(p.count), 'picture has', 'pictures have')} no text alternative: the charter asks for one${en.on(p)}.`,
};

const FRENCH: Record<Rule, Words> = {
  'voice.address': (p, f) =>
    wanted(p, f) === 'vous'
      ? `La charte vouvoie les lecteurs${NB}: ${fr.q(p.found)} les tutoie.`
      : `La charte tutoie les lecteurs${NB}: ${fr.q(p.found)} les vouvoie.`,
  'voice.contraction': (p) =>
    (p.expanded ?? p.use)
      ? `La charte veut un anglais soutenu${NB}: écrivez ${fr.q(p.expanded ?? p.use)} plutôt que ${fr.q(p.found)}.`
      : `La charte veut un anglais soutenu${NB}: ${fr.q(p.found)} est une contraction.`,
  'voice.exclamations': (p) =>
    `${fr.n(num(p.count), 'point d’exclamation', 'points d’exclamation')}${NNB}; la charte ${num(p.max) === 0 ? 'n’en permet aucun' : `en permet ${num(p.max)}`}.`,
  'language.not_allowed': (p) => `La marque n’écrit pas en ${fr.language(str(p.language))}.`,
  'emoji.none': (p) => (p.found ? `La charte n’autorise aucun émoji${NB}: retirez ${fr.q(p.found)}.` : 'La charte n’autorise aucun émoji.'),
  'emoji.too_many': (p) => `${fr.n(num(p.count), 'émoji', 'émojis')}${NNB}; la charte en autorise ${num(p.max)} au plus.`,
  'signature.missing': (p) => (p.signature ? `Terminez par la signature ${fr.q(p.signature)}.` : 'Terminez par la signature de la charte.'),
  'typography.nbsp': (p) =>
    str(p.mark) === '«'
      ? `Typographie française${NB}: une espace insécable après le guillemet ouvrant.`
      : str(p.mark) === '»'
        ? `Typographie française${NB}: une espace insécable avant le guillemet fermant.`
        : `Typographie française${NB}: une espace insécable avant ${fr.q(p.mark)}.`,
  'name.spelling': (p) => `Écrivez le nom ${fr.q(p.name ?? p.use)}, pas ${fr.q(p.found)}.`,
  'vocabulary.prefer': (p) => `Écrivez ${fr.q(p.use)} plutôt que ${fr.q(p.found)}.`,
  'vocabulary.forbidden': (p) => `La charte interdit ${fr.q(p.found ?? p.term)}.`,
  'vocabulary.legal_review': (p) => `${fr.q(p.found ?? p.term)} demande une relecture juridique avant publication.`,
  'hashtag.banned': (p) => `La charte bannit le hashtag ${str(p.tag)}.`,
  'hashtag.key_missing': (p) => (tags(p) ? `Ajoutez un des hashtags de la marque${NB}: ${tags(p)}.` : 'Ajoutez un des hashtags de la marque.'),
  'hashtag.campaign_missing': (p) => (tags(p) ? `Les publications de la campagne portent ${tags(p)}.` : 'Ajoutez les hashtags de la campagne.'),
  'hashtag.too_many': (p) => `${fr.n(num(p.count), 'hashtag', 'hashtags')}${NNB}; la charte en permet ${num(p.max)}${fr.on(p)}.`,
  'network.length': (p) => `${fr.n(num(p.count), 'caractère', 'caractères')}${NNB}; la charte en permet ${num(p.max)}${fr.on(p)}.`,
  'network.links': (p) => `${fr.n(num(p.count), 'lien', 'liens')}${NNB}; la charte en permet ${num(p.max)}${fr.on(p)}.`,
  'network.mentions': (p) => `${fr.n(num(p.count), 'mention', 'mentions')}${NNB}; la charte en permet ${num(p.max)}${fr.on(p)}.`,
  'network.visual': (p) => `La charte demande une image ou une vidéo avec chaque publication${fr.on(p)}.`,
  'network.alt_text': (p) =>
    `${fr.n(num(p.count), 'image n’a', 'images n’ont')} pas de texte alternatif${NB}: la charte en demande un${fr.on(p)}.`,
};

export function findingMessage(f: Finding, locale: Locale): string {
  const words = (locale === 'fr' ? FRENCH : ENGLISH)[f.rule];
  const text = words ? words(f.params, f) : f.rule;
  const reason = f.reason.trim();
  return reason ? `${text} ${locale === 'fr' ? `Motif${NB}:` : 'Why:'} ${reason}` : text;
}

/** The message of a refusal: what stops it, first. */
export function blockedMessage(blocking: ReadonlyArray<{ message: string }>, locale: Locale): string {
  const first = blocking[0]?.message ?? '';
  const more = blocking.length - 1;
  if (locale === 'fr') {
    const rest = more > 0 ? ` (et ${more} autre${more > 1 ? 's' : ''} point${more > 1 ? 's' : ''} bloquant${more > 1 ? 's' : ''})` : '';
    return `La charte éditoriale bloque ce message${rest}${NB}: ${first}`;
  }
  const rest = more > 0 ? ` (and ${more} more blocking ${more > 1 ? 'problems' : 'problem'})` : '';
  return `The editorial charter stops this message${rest}: ${first}`;
}
