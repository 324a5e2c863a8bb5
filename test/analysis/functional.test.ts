import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer } from '../../src/analysis/index.js';

// Hand-written cases in the spirit of HateCheck: each hateful text has a non-hateful twin (counter-speech,
// negation, quotes, neutral mentions of a group, reclaimed use) that must stay below the line.
let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await createAnalyzer();
});

const hateful: [string, string][] = [
  ['I hate all muslims.', 'muslims'],
  ['Muslims are vermin and should be deported.', 'muslims'],
  ['Kill all the jews', 'jews'],
  ['Women are inferior and belong in the kitchen', 'women'],
  ['No gays allowed in my house', 'lgbt'],
  ['you fucking n1gg3r', 'black_people'],
  ['Je déteste les musulmans.', 'muslims'],
  ['Les juifs sont des parasites.', 'jews'],
  ['Il faut expulser tous les migrants.', 'migrants'],
  ['Les Arabes dehors !', 'arabs'],
  ['Sales p.é.d.é.s', 'lgbt'],
  ['Les femmes sont inférieures aux hommes, point.', 'women'],
  ['les n o i r s sont des singes', 'black_people'],
  ['Mort aux juifs', 'jews'],
];

const notHateful: string[] = [
  'Saying that muslims are vermin is disgusting and racist.',
  'I don\'t hate muslims at all.',
  'Statements like "jews are parasites" are antisemitic and unacceptable.',
  'My neighbours are muslims and they are lovely people.',
  'As a proud dyke, I love my community.',
  'Je ne déteste pas les musulmans.',
  'Dire que "les juifs sont des parasites" est antisémite et inacceptable.',
  'Les migrants arrivés cet été ont trouvé un logement à Lyon.',
  'Arrêtez de traiter les homosexuels de malades, c\'est homophobe.',
  'Mon colis est en retard depuis une semaine.',
  'What a great game last night, we destroyed them!',
];

describe('hate: named groups, dehumanisation, slurs and obfuscation', () => {
  for (const [text, target] of hateful) {
    it(`flags "${text}"`, () => {
      const a = analyzer.analyze(text);
      expect(a.toxicity.categories.hate).toBeGreaterThanOrEqual(0.5);
      expect(a.toxicity.flagged).toBe(true);
      expect(a.toxicity.target).toBe(target);
      expect(a.reasons.some((r) => r.category === 'hate')).toBe(true);
    });
  }
});

describe('hate: counter-speech, negation, quotes, neutral mentions and reclaimed use', () => {
  for (const text of notHateful) {
    it(`does not flag "${text}" as hate`, () => {
      expect(analyzer.analyze(text).toxicity.categories.hate).toBeLessThan(0.5);
    });
  }
});

describe('threats', () => {
  const threats = ['I am going to kill you', "I'll find you and hurt you", 'you will pay for this', 'Je vais te tuer', 'On va te retrouver et te défoncer', 'Tu vas crever', 'Il faut les pendre', 'j3 v4is t3 tu3r'];
  const safe = ['I would never hurt you', 'This movie is going to kill it at the box office', 'Je ne vais pas te tuer, calme-toi', 'On va retrouver nos amis ce soir', 'Tu vas adorer ce film'];
  for (const text of threats) it(`flags "${text}"`, () => expect(analyzer.analyze(text).toxicity.categories.threat).toBeGreaterThanOrEqual(0.5));
  for (const text of safe) it(`does not flag "${text}"`, () => expect(analyzer.analyze(text).toxicity.categories.threat).toBeLessThan(0.5));
});

describe('insults, with obfuscated spellings', () => {
  const insults = ['T\'es un connard', 'Espèce de c.o.n.n.a.r.d', 'ferme ta gueule sale abruti', 'you are a stupid idiot', 'shut up you f*cking moron', 'Tu es une s4l0pe', 'conaaaard va'];
  const safe = ['Ce film est vraiment bien fait', 'You are not an idiot, you made a mistake', 'Putain, quelle belle journée !'];
  for (const text of insults) it(`flags "${text}"`, () => expect(analyzer.analyze(text).toxicity.categories.insult).toBeGreaterThanOrEqual(0.5));
  for (const text of safe) it(`does not flag "${text}"`, () => expect(analyzer.analyze(text).toxicity.categories.insult).toBeLessThan(0.5));
  // Warm texts are kept under the line only while they hold no abusive word: praise does not excuse an insult.
  const warmButInsulting = ["Bravo, t'es vraiment un connard !", "Merci beaucoup, espèce d'idiot", 'Great job, you moron!'];
  for (const text of warmButInsulting) it(`flags "${text}" despite its warm words`, () => expect(analyzer.analyze(text).toxicity.categories.insult).toBeGreaterThanOrEqual(0.5));
  // A grievance lowers the abuse model's score only when it names what went wrong: an attack the complaint model
  // scores as one ("you lie…", "go away") stays an insult, a customer's "the app crashed again" does not become one.
  const attacks = ['@user You lie every time you open your mouth.', '@user Go crawl back under your rock.', '@user You lie and lie and lie, and your fans swallow it.'];
  for (const text of attacks) it(`flags "${text}" though it reads as a grievance`, () => {
    const a = analyzer.analyze(text);
    expect(a.complaint.score).toBeGreaterThanOrEqual(0.5);
    expect(a.toxicity.categories.insult).toBeGreaterThanOrEqual(0.5);
  });
});

describe('spam and scams', () => {
  const spam = ['FREE iPhone!!! Click now bit.ly/xyz2 win $1000 today only', 'Gagnez 500€ maintenant, cliquez ici : paypa1-secure.xyz/login', 'Earn 3000$ a week with bitcoin trading, DM me on whatsapp'];
  const safe = ['Free delivery on orders over 50 euros', 'Le concert était gratuit, super soirée', 'Check out our new blog post https://example.org/blog/2024'];
  for (const text of spam) it(`flags "${text}"`, () => expect(analyzer.analyze(text).toxicity.categories.spam).toBeGreaterThanOrEqual(0.5));
  for (const text of safe) it(`does not flag "${text}"`, () => expect(analyzer.analyze(text).toxicity.categories.spam).toBeLessThan(0.5));
});

describe('sexual content', () => {
  it('flags explicit text', () => expect(analyzer.analyze('send nudes baby, I am so horny').toxicity.categories.sexual).toBeGreaterThanOrEqual(0.5));
  it('flags explicit French text', () => expect(analyzer.analyze('suce moi salope').toxicity.categories.sexual).toBeGreaterThanOrEqual(0.5));
  it('does not flag education on sexism', () => expect(analyzer.analyze('Le harcèlement sexuel au travail doit être combattu').toxicity.categories.sexual).toBeLessThan(0.5));
});

describe('sentiment', () => {
  const cases: [string, 'positive' | 'negative' | 'neutral'][] = [
    ['I love this phone, best purchase ever!', 'positive'],
    ['Worst service ever, I am so disappointed', 'negative'],
    ["J'adore ce film, il est magnifique !", 'positive'],
    ['Quelle déception, service nul et personnel désagréable', 'negative'],
    ['Le conseil municipal se réunira mardi à 18h.', 'neutral'],
    ['The meeting is scheduled for Tuesday at 3pm.', 'neutral'],
  ];
  for (const [text, label] of cases) it(`"${text}" is ${label}`, () => expect(analyzer.analyze(text).sentiment.label).toBe(label));
  it('gives the words that weighed', () => {
    const a = analyzer.analyze('I love this phone, best purchase ever!');
    expect(a.reasons.some((r) => r.category === 'sentiment' && r.text === 'love')).toBe(true);
  });
});

describe('complaints', () => {
  const complaints = ["@SNCF mon train est encore annulé, remboursez-moi !", "Commande jamais reçue depuis 3 semaines, aucune réponse du service client", "@AmazonHelp my package never arrived and nobody answers, I want a refund", '@Comcast my internet has been down for two days, fix it'];
  const not = ['Merci pour la livraison rapide, parfait !', 'Thanks @Delta, the crew was amazing', "Belle journée à la plage aujourd'hui"];
  for (const text of complaints) it(`flags "${text}"`, () => expect(analyzer.analyze(text).complaint.flagged).toBe(true));
  for (const text of not) it(`does not flag "${text}"`, () => expect(analyzer.analyze(text).complaint.flagged).toBe(false));
  // Praise before the problem is sarcasm, thanks after it close an ordinary message.
  it('reads "I love waiting…" as sarcasm', () => expect(analyzer.analyze('I love waiting 20 minutes for a cold coffee @Starbucks').complaint.flagged).toBe(true));
  const thanked = ['The delayed parcel arrived this morning, all good. Thanks for the help!', 'My refund came through today, thank you so much @ASOS'];
  for (const text of thanked) it(`does not read the thanks closing "${text}" as sarcasm`, () => expect(analyzer.analyze(text).complaint.flagged).toBe(false));
});

describe('language', () => {
  it('tells French, English and other languages apart', () => {
    expect(analyzer.analyze("Je suis vraiment content de ce que j'ai acheté hier").lang).toBe('fr');
    expect(analyzer.analyze('I am really happy with what I bought yesterday').lang).toBe('en');
    expect(analyzer.analyze('Estoy muy contento con lo que compré ayer').lang).toBe('other');
    expect(analyzer.analyze('Ich bin sehr zufrieden mit dem, was ich gestern gekauft habe').language.code).toBe('de');
  });
  it("falls back to the account's language for very short texts", () => {
    expect(analyzer.analyze('ok 👍', { lang: 'fr' }).lang).toBe('fr');
    expect(analyzer.analyze('ok 👍', { lang: 'en' }).lang).toBe('en');
  });
});

// Known weakness, kept visible: the French hate data labels most texts about women as sexist, so the model still
// flags some neutral statements naming a group. These pass while the weakness lasts, and fail once it is fixed.
describe('known weaknesses', () => {
  // The complaint model reads "late" and "service" as a grievance whatever the question asks.
  it.fails('a question about a late train, closed with thanks, is not a complaint', () => {
    expect(analyzer.analyze('What time does the late service to Leeds start on Sunday? Cheers!').complaint.flagged).toBe(false);
  });
  it.fails('a neutral statistic about women is not hate', () => {
    expect(analyzer.analyze('Les femmes gagnent encore 15 % de moins que les hommes.').toxicity.categories.hate).toBeLessThan(0.5);
  });
});
