import os from 'node:os';
import { Charter } from '../src/shared/charter/charter.js';
import { checkMessage } from '../src/shared/charter/check.js';
import type { CheckInput } from '../src/shared/charter/findings.js';

// The charter checker runs in the composer on every keystroke: one check of a 500-character message, French and
// English, against a large charter (200 vocabulary entries, 20 names, 30 banned hashtags). The target is 2 ms.
const ITERATIONS = 5_000;
const WARM_UP = 500;

const FRENCH_WORDS = `usager consommateur breuvage tarif promo remise rabais soldes offre bon cadeau carte fidélité abonnement forfait
livraison expédition colis retour échange remboursement garantie service assistance conseiller vendeur boutique
magasin enseigne produit article gamme collection nouveauté édition série stock rupture précommande réservation
paiement facture devis commande panier compte profil identifiant courriel message appel rappel rendez-vous atelier
dégustation torréfaction grain mouture arôme saveur parfum tasse mug gobelet couvercle paille sachet capsule dosette
filtre cafetière machine moulin bouilloire théière infusion tisane miel confiture biscuit gâteau viennoiserie
croissant brioche sandwich salade boisson jus smoothie limonade sirop lait crème chocolat cacao caramel vanille
cannelle gingembre citron orange fraise framboise myrtille pomme poire abricot pêche cerise prune figue datte
amande noisette noix pistache sésame avoine seigle épeautre sarrasin quinoa lentille pois haricot courge carotte`.split(/\s+/);

const ENGLISH_WORDS = `customer user consumer beverage price deal discount sale voucher gift card loyalty subscription plan delivery
shipping parcel return exchange refund warranty support agent seller shop store brand product item range collection
release batch stock preorder booking payment invoice quote order basket account profile login email message call
workshop tasting roast bean grind aroma flavour scent cup mug lid straw pouch capsule pod filter brewer grinder kettle
teapot infusion honey jam biscuit cake pastry croissant sandwich salad drink juice smoothie lemonade syrup milk cream
chocolate cocoa caramel vanilla cinnamon ginger lemon orange strawberry raspberry blueberry apple pear apricot peach
cherry plum fig date almond hazelnut walnut pistachio sesame oat rye spelt buckwheat quinoa lentil pea bean squash`.split(/\s+/);

function bigCharter(): Charter {
  const prefer = [];
  const forbidden = [];
  for (let i = 0; i < 100; i++) {
    const frWord = FRENCH_WORDS[i % FRENCH_WORDS.length];
    const enWord = ENGLISH_WORDS[i % ENGLISH_WORDS.length];
    if (i % 2 === 0) {
      prefer.push({ use: `${frWord} maison`, insteadOf: [frWord, `${frWord} standard`], language: 'fr' as const, reason: 'Nos mots.' });
      forbidden.push({ term: `${enWord} guaranteed`, language: 'en' as const, reason: 'A claim.', action: 'legal_review' as const });
    } else {
      forbidden.push({ term: `super ${frWord}`, language: 'fr' as const, reason: 'Superlatif.', action: i % 3 === 0 ? ('block' as const) : ('warn' as const) });
      prefer.push({ use: `house ${enWord}`, insteadOf: [enWord], language: 'en' as const, reason: 'Our words.' });
    }
  }
  forbidden.push({ term: 'gratuit', language: 'fr' as const, reason: 'Rien n’est gratuit.', action: 'block' as const });
  forbidden.push({ term: '100 % naturel', language: 'fr' as const, reason: 'Juridique.', action: 'legal_review' as const });
  forbidden.push({ term: 'free', language: 'en' as const, reason: 'Nothing is free.', action: 'block' as const });
  const names = Array.from({ length: 20 }, (_, i) => ({ name: `Ruche Produit${i}™`, variants: [`RucheProduit${i}`, `Ruche P${i}`] }));
  const banned = Array.from({ length: 30 }, (_, i) => ({ tag: `#Interdit${i}`, reason: 'Détourné.' }));
  return Charter.parse({
    voice: { address: 'tu', englishRegister: 'formal', maxExclamations: 1 },
    languages: ['fr', 'en'],
    emoji: 'few',
    emojiMax: 2,
    signature: { text: '— {first_name}, équipe Ruche', on: ['reply'] },
    frenchTypography: true,
    names,
    vocabulary: { prefer, forbidden },
    hashtags: { key: ['#Ruche', '#RucheCafé'], banned, perCampaign: [{ campaignId: 'c1', required: ['#Printemps'] }] },
    networks: { bluesky: { maxLength: 300, maxLinks: 1, maxMentions: 3, maxHashtags: 3, visualRequired: true, altTextRequired: true }, default: { maxLength: 500 } },
  });
}

function toLength(text: string, length: number): string {
  let out = text;
  while (out.length < length) out += ' ' + text;
  return out.slice(0, length);
}

const FRENCH = toLength(
  'Bonjour Camille ! Merci pour votre message: votre commande de croissants et de miel 100% naturel est partie ce matin. ' +
    'Vous pouvez suivre le colis sur https://ruche.example/suivi?id=12 et n’hésitez pas à nous écrire si l’usager du compte change. ' +
    'Le breuvage du jour est gratuit pour les 10 premiers 😀☕️🐝 #RucheCafé #Interdit7 @lea.bsky.social. ',
  500,
);
const ENGLISH = toLength(
  "Hello Sam! Thank you for your message: we're sorry your order of croissants and honey is late. It's on its way and you " +
    "can't miss it, the customer service team will check https://hive.example/track?id=12 today. Don't hesitate to write " +
    'again; the beverage of the day is free for the first ten members 😀☕️🐝 #HiveCoop #Interdit3 @sam.bsky.social. ',
  500,
);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

interface Figures {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** CPU time per check: what the check costs when the machine is shared (wall-clock figures include waiting). */
  cpuMeanMs: number;
  findings: number;
}

function measure(charter: Charter, input: CheckInput): Figures {
  let findings = 0;
  for (let i = 0; i < WARM_UP; i++) findings = checkMessage(charter, input).findings.length;
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < ITERATIONS; i++) {
    // A keystroke changes the text: a new string each time, the same charter object (as the composer does).
    const text = input.text.slice(0, input.text.length - (i % 3)) + 'x'.repeat(i % 3);
    const t0 = performance.now();
    checkMessage(charter, { ...input, text });
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return {
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
    meanMs: round(mean),
    maxMs: round(times[times.length - 1]),
    cpuMeanMs: round((cpu.user + cpu.system) / 1000 / ITERATIONS),
    findings,
  };
}

export default async function bench(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const charter = bigCharter();
  checkMessage(charter, { text: '', kind: 'post' });
  const compileMs = round(performance.now() - t0);
  const base = { kind: 'post' as const, network: 'bluesky', campaignId: 'c1', media: { count: 1, withAltText: 0 } };
  const french = measure(charter, { ...base, text: FRENCH, language: null });
  const english = measure(charter, { ...base, text: ENGLISH, language: null });
  const figures = {
    vocabularyEntries: charter.vocabulary.prefer.length + charter.vocabulary.forbidden.length,
    names: charter.names.length,
    bannedHashtags: charter.hashtags.banned.length,
    messageChars: FRENCH.length,
    iterations: ITERATIONS,
    compileMs,
    french,
    english,
    loadAverage: os.loadavg()[0],
  };
  for (const [lang, r] of [['French', french], ['English', english]] as const) {
    console.log(`charter: ${lang} ${FRENCH.length} chars, ${r.findings} findings: p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, mean ${r.meanMs} ms, max ${r.maxMs} ms, CPU ${r.cpuMeanMs} ms per check`);
  }
  console.log(
    `charter: ${figures.vocabularyEntries} vocabulary entries, ${figures.names} names, ${figures.bannedHashtags} banned hashtags; ` +
      `compiled in ${compileMs} ms; ${ITERATIONS} checks each; load average ${figures.loadAverage.toFixed(1)}`,
  );
  return figures;
}
