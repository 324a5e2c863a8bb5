/**
 * The second person of French verbs, singular (tu) and plural (vous), for switching a message between tutoiement
 * and vouvoiement: present, imperative, future, conditional, imperfect and subjunctive (the passé composé only
 * changes its auxiliary, "as"/"avez", "es"/"êtes"). Irregular verbs and the stem-changing ones are listed; regular
 * verbs follow rules, so a verb nobody listed ("tu bosses") still switches. A full conjugation library ships
 * megabytes of tables to the browser; this is a few kilobytes.
 */

export type Tense = 'present' | 'imperative' | 'future' | 'conditional' | 'imperfect' | 'subjunctive';

interface Entry {
  tense: Tense;
  sg: string;
  pl: string;
}

// infinitive: pres 2sg | pres 2pl | future stem | imperfect stem [| imperative 2sg | imperative 2pl | subj 2sg | subj 2pl] [; prefixes]
const IRREGULAR = `
être:es|êtes|ser|ét|sois|soyez|sois|soyez
avoir:as|avez|aur|av|aie|ayez|aies|ayez
aller:vas|allez|ir|all|va|allez|ailles|alliez
faire:fais|faites|fer|fais|fais|faites|fasses|fassiez;re,dé,satis,contre
dire:dis|dites|dir|dis|dis|dites|dises|disiez;re
interdire:interdis|interdisez|interdir|interdis;
prédire:prédis|prédisez|prédir|prédis;
contredire:contredis|contredisez|contredir|contredis;
pouvoir:peux|pouvez|pourr|pouv|||puisses|puissiez
vouloir:veux|voulez|voudr|voul|veuille|veuillez|veuilles|vouliez
devoir:dois|devez|devr|dev|dois|devez|doives|deviez
savoir:sais|savez|saur|sav|sache|sachez|saches|sachiez
voir:vois|voyez|verr|voy|vois|voyez|voies|voyiez;re,entre
prévoir:prévois|prévoyez|prévoir|prévoy|prévois|prévoyez|prévoies|prévoyiez
venir:viens|venez|viendr|ven|viens|venez|viennes|veniez;de,re,pré,par,inter,con,sou,sur,circon
tenir:tiens|tenez|tiendr|ten|tiens|tenez|tiennes|teniez;ob,re,con,main,sou,appar,dé,abs,entre
prendre:prends|prenez|prendr|pren|prends|prenez|prennes|preniez;ap,com,re,sur,entre,dé,mé
mettre:mets|mettez|mettr|mett|mets|mettez|mettes|mettiez;per,pro,re,ad,com,sou,trans,dé,entre
partir:pars|partez|partir|part;re
sortir:sors|sortez|sortir|sort;res
sentir:sens|sentez|sentir|sent;res,con,pres
dormir:dors|dormez|dormir|dorm;en,ren
servir:sers|servez|servir|serv;des,res
mentir:mens|mentez|mentir|ment;dé
ouvrir:ouvres|ouvrez|ouvrir|ouvr;r,entr
offrir:offres|offrez|offrir|offr
couvrir:couvres|couvrez|couvrir|couvr;dé,re,redé
souffrir:souffres|souffrez|souffrir|souffr
cueillir:cueilles|cueillez|cueiller|cueill;ac,re
lire:lis|lisez|lir|lis;re,é,réé
écrire:écris|écrivez|écrir|écriv;ré
crire:cris|crivez|crir|criv;ins,sous,pres,trans,dé,désins,réins,circons
croire:crois|croyez|croir|croy
boire:bois|buvez|boir|buv|bois|buvez|boives|buviez
cevoir:çois|cevez|cevr|cev|çois|cevez|çoives|ceviez;re,aper,dé,con,per
connaître:connais|connaissez|connaîtr|connaiss;re
paraître:parais|paraissez|paraîtr|paraiss;ap,dis,re,com
suivre:suis|suivez|suivr|suiv;pour
vivre:vis|vivez|vivr|viv;re,sur
joindre:joins|joignez|joindr|joign;re,ad
peindre:peins|peignez|peindr|peign;re,dé
craindre:crains|craignez|craindr|craign
plaindre:plains|plaignez|plaindr|plaign
teindre:teins|teignez|teindr|teign;é,at,dé
duire:duis|duisez|duir|duis;con,pro,ré,tra,intro,sé,dé,in,recon,repro
struire:struis|struisez|struir|struis;con,in,recon
détruire:détruis|détruisez|détruir|détruis
plaire:plais|plaisez|plair|plais;dé,com
taire:tais|taisez|tair|tais
rire:ris|riez|rir|ri;sou
courir:cours|courez|courr|cour;par,re,se,ac,con,en
mourir:meurs|mourez|mourr|mour
valoir:vaux|valez|vaudr|val
battre:bats|battez|battr|batt;com,dé,a,re
clure:clus|cluez|clur|clu;con,ex,in
résoudre:résous|résolvez|résoudr|résolv
rompre:romps|rompez|rompr|romp;inter,cor
vaincre:vaincs|vainquez|vaincr|vainqu;con
asseoir:assieds|asseyez|assiér|assey
envoyer:envoies|envoyez|enverr|envoy|envoie|envoyez|envoies|envoyiez;r
quérir:quiers|quérez|querr|quér;ac,con,re
fuir:fuis|fuyez|fuir|fuy;en
haïr:hais|haïssez|haïr|haïss
naître:nais|naissez|naîtr|naiss;re
suffire:suffis|suffisez|suffir|suffis
nuire:nuis|nuisez|nuir|nuis
cuire:cuis|cuisez|cuir|cuis
`;

// -dre verbs conjugated like "attendre": tu attends, vous attendez.
const DRE = 'attendre entendre vendre rendre répondre perdre descendre défendre tendre étendre prétendre confondre fondre mordre correspondre dépendre suspendre revendre tordre pondre fendre détendre surprendre'.split(' ');

// Second group: tu finis, vous finissez.
const SECOND_GROUP = `finir choisir réussir remplir agir bâtir réfléchir saisir grandir investir fournir garantir établir obéir
enrichir définir unir réunir réagir applaudir accomplir nourrir guérir rougir ralentir avertir convertir divertir élargir
franchir punir ravir subir trahir vieillir embellir éblouir épanouir rafraîchir approfondir affranchir jaillir bondir
fleurir salir munir démolir atterrir aboutir anéantir assouplir adoucir durcir éclaircir noircir blanchir jaunir verdir
grossir maigrir mincir pâlir resplendir retentir surgir envahir répartir assortir compatir réjouir jouir gravir polir
chérir ternir frémir gémir rôtir moisir mûrir pourrir désobéir ressaisir appauvrir arrondir raccourcir rétrécir
reconvertir alourdir ébahir enfouir intervertir rebondir rétablir resurgir`.split(/\s+/);

// Verbs in -er whose e becomes è before a mute ending (tu lèves, tu lèveras), and those that double their consonant.
const E_GRAVE = 'lever mener amener emmener promener ramener acheter peser achever relever soulever enlever élever semer geler peler congeler dégeler modeler harceler crever parsemer surmener racheter prélever'.split(' ');
const DOUBLING = 'appeler rappeler jeter rejeter épeler renouveler feuilleter projeter interpeller'.split(' ');
// -er verbs listed so that they are recognised as verbs at the start of a clause ("Découvre", "Profite") and so
// that "oubliez" (present of oublier) is not read as an imperfect.
const FIRST_GROUP = `aimer adorer parler donner trouver chercher commander contacter découvrir profiter hésiter essayer
cliquer partager réserver tester visiter retrouver laisser regarder écouter penser rester passer arriver entrer
rentrer monter tomber montrer raconter demander expliquer indiquer préciser signaler noter abonner inscrire télécharger
installer utiliser consulter comparer économiser gagner jouer participer voter commenter liker suivre rejoindre
imaginer oser rêver goûter déguster savourer commencer continuer lancer envoyer payer régler valider confirmer
modifier vérifier oublier remercier apprécier copier publier étudier confier simplifier identifier planifier prier
associer négocier bénéficier privilégier expédier crier marier varier trier lier relier plier multiplier spécifier
manger changer partager bouger nager voyager ranger charger protéger corriger diriger exiger engager encourager
préférer espérer compléter répéter considérer gérer récupérer célébrer libérer accélérer régénérer opérer générer
inquiéter sécher posséder rassurer assurer mesurer préparer déclarer adopter accepter refuser annuler rembourser
livrer appeler jeter rappeler acheter lever mener amener emmener promener peser enlever nettoyer employer appuyer
essuyer ennuyer tutoyer vouvoyer aider fêter souhaiter saluer créer agréer améliorer explorer inviter accompagner
patienter écrire excuser pardonner rassembler retourner ajouter enregistrer connecter déconnecter suivre chanter
danser cuisiner respirer admirer désirer inspirer attirer tirer virer soupirer compter raconter conter recommander
proposer poser déposer imposer exposer disposer composer reposer garder regarder sauvegarder chercher rechercher
toucher approcher marcher cacher fâcher lâcher boucher brancher débrancher pencher accrocher attacher détacher
fermer ouvrir allumer éteindre démarrer arrêter lâcher glisser casser passer presser adresser intéresser pousser
baisser laisser embrasser dresser renseigner soigner signer gagner éloigner témoigner accorder aborder border
foncer craquer filer bosser tenter rejouer retenter cocher remplir noter taguer mentionner abonner relayer`.split(/\s+/);

function regularEr(inf: string): { sg: Record<Tense, string>; pl: Record<Tense, string> } {
  const stem = inf.slice(0, -2);
  let mute = stem; // the stem before a mute e (tu lèves, tu appelles, tu préfères, tu nettoies)
  let future = inf; // the future stem (tu lèveras, tu appelleras, tu nettoieras; tu préféreras keeps é)
  if (DOUBLING.includes(inf)) {
    mute = stem + stem.slice(-1);
    future = mute + 'er';
  } else if (E_GRAVE.includes(inf)) {
    mute = stem.replace(/e([^aeiouyéèê]+)$/, 'è$1');
    future = mute + 'er';
  } else if (/é[^aeiouyéèê]+$/.test(stem)) {
    mute = stem.replace(/é([^aeiouyéèê]+)$/, 'è$1');
  } else if (/[ou]y$/.test(stem)) {
    mute = stem.slice(0, -1) + 'i';
    future = mute + 'er';
  }
  const soft = stem.endsWith('c') ? stem.slice(0, -1) + 'ç' : stem.endsWith('g') ? stem + 'e' : stem;
  return {
    sg: {
      present: mute + 'es', imperative: mute + 'e', future: future + 'as', conditional: future + 'ais',
      imperfect: soft + 'ais', subjunctive: mute + 'es',
    },
    pl: {
      present: stem + 'ez', imperative: stem + 'ez', future: future + 'ez', conditional: future + 'iez',
      imperfect: stem + 'iez', subjunctive: stem + 'iez',
    },
  };
}

interface Index {
  bySg: Map<string, Entry[]>;
  byPl: Map<string, Entry[]>;
  /** Imperative 2sg forms of listed verbs (tu side), for a clause that starts with a verb. */
  imperativeSg: Set<string>;
}

let index: Index | null = null;

function build(): Index {
  const bySg = new Map<string, Entry[]>();
  const byPl = new Map<string, Entry[]>();
  const imperativeSg = new Set<string>();
  const add = (tense: Tense, sg: string | undefined, pl: string | undefined) => {
    if (!sg || !pl) return;
    const e: Entry = { tense, sg, pl };
    const s = bySg.get(sg);
    if (s) s.some((x) => x.tense === tense && x.pl === pl) || s.push(e);
    else bySg.set(sg, [e]);
    const p = byPl.get(pl);
    if (p) p.some((x) => x.tense === tense && x.sg === sg) || p.push(e);
    else byPl.set(pl, [e]);
    if (tense === 'imperative') imperativeSg.add(sg);
  };
  const addAll = (sg: Partial<Record<Tense, string>>, pl: Partial<Record<Tense, string>>) => {
    for (const t of ['present', 'imperative', 'future', 'conditional', 'imperfect', 'subjunctive'] as Tense[]) add(t, sg[t], pl[t]);
  };
  for (const line of IRREGULAR.trim().split('\n')) {
    const [head, prefixList = ''] = line.split(';');
    const [, fields] = head.split(':');
    const [p2sg, p2pl, fut, imp, i2sg, i2pl, s2sg, s2pl] = fields.split('|');
    const prefixes = ['', ...prefixList.split(',').filter(Boolean)];
    // A verb whose only forms come with a prefix ("cevoir" → recevoir, "duire" → conduire).
    const bare = /^(?:cevoir|duire|struire|clure|quérir|crire)$/.test(head.split(':')[0]);
    for (const pre of bare ? prefixes.slice(1) : prefixes) {
      const x = (s: string | undefined) => (s ? pre + s : undefined);
      const imperative2sg = i2sg === undefined ? p2sg.replace(/es$/, 'e') : i2sg === '' ? undefined : i2sg;
      addAll(
        { present: x(p2sg), imperative: x(imperative2sg), future: x(fut + 'as'), conditional: x(fut + 'ais'), imperfect: x(imp + 'ais'), subjunctive: x(s2sg) },
        { present: x(p2pl), imperative: i2pl === '' ? undefined : x(i2pl ?? p2pl), future: x(fut + 'ez'), conditional: x(fut + 'iez'), imperfect: x(imp + 'iez'), subjunctive: x(s2pl) },
      );
    }
  }
  for (const inf of DRE) {
    const stem = inf.slice(0, -3);
    addAll(
      { present: stem + 'ds', imperative: stem + 'ds', future: stem + 'dras', conditional: stem + 'drais', imperfect: stem + 'dais', subjunctive: stem + 'des' },
      { present: stem + 'dez', imperative: stem + 'dez', future: stem + 'drez', conditional: stem + 'driez', imperfect: stem + 'diez', subjunctive: stem + 'diez' },
    );
  }
  for (const inf of SECOND_GROUP) {
    const stem = inf.slice(0, -2);
    const ss = inf === 'haïr' ? 'ïss' : 'iss';
    addAll(
      { present: stem + 'is', imperative: stem + 'is', future: inf + 'as', conditional: inf + 'ais', imperfect: stem + ss + 'ais', subjunctive: stem + ss + 'es' },
      { present: stem + ss + 'ez', imperative: stem + ss + 'ez', future: inf + 'ez', conditional: inf + 'iez', imperfect: stem + ss + 'iez', subjunctive: stem + ss + 'iez' },
    );
  }
  for (const inf of FIRST_GROUP) {
    if (!inf.endsWith('er') || bySg.has(inf)) continue;
    const { sg, pl } = regularEr(inf);
    addAll(sg, pl);
  }
  return { bySg, byPl, imperativeSg };
}

function lexicon(): Index {
  index ??= build();
  return index;
}

const pick = (entries: Entry[] | undefined, prefer: Tense[]): Entry | undefined => {
  if (!entries) return undefined;
  for (const t of prefer) {
    const e = entries.find((x) => x.tense === t);
    if (e) return e;
  }
  return entries[0];
};

export type Mood = 'indicative' | 'imperative' | 'subjunctive';

const ORDER: Record<Mood, Tense[]> = {
  indicative: ['present', 'future', 'conditional', 'imperfect', 'subjunctive', 'imperative'],
  imperative: ['imperative', 'present'],
  subjunctive: ['subjunctive', 'present', 'future', 'conditional', 'imperfect'],
};

/** Words ending in -ez that are not verbs. */
const NOT_VERBS = new Set(['chez', 'nez', 'assez', 'rez', 'lez', 'raz']);

/** A listed verb's vous form: no guess from the ending. */
export function isKnownPluralForm(lower: string): boolean {
  return lexicon().byPl.has(lower);
}

/** A vous form (pouvez, venez, êtes, faites, dites…): a verb in the second person plural. */
export function isPluralForm(lower: string): boolean {
  if (NOT_VERBS.has(lower)) return false;
  return lower.endsWith('ez') || lexicon().byPl.has(lower);
}

/** vous → tu: "pouvez" → "peux", "venez" (imperative) → "viens", "parlerez" → "parleras". */
export function toSingular(lower: string, mood: Mood): string | null {
  const known = pick(lexicon().byPl.get(lower), ORDER[mood]);
  if (known) return mood === 'imperative' && known.tense !== 'imperative' ? imperativeOf(known) : known.sg;
  if (!lower.endsWith('ez') || NOT_VERBS.has(lower)) return null;
  const stem = lower.slice(0, -2);
  if (lower.endsWith('iez')) {
    // parliez → parlais (imperfect), parleriez → parlerais; after "que": parliez → parles (subjunctive).
    const base = lower.slice(0, -3);
    if (mood === 'subjunctive' && !base.endsWith('r')) return base + 'es';
    return base + 'ais';
  }
  if (stem.endsWith('er') && stem.length > 3) return stem + 'as'; // parlerez → parleras
  return mood === 'imperative' ? stem + 'e' : stem + 'es';
}

function imperativeOf(e: Entry): string {
  return e.sg.length > 2 && e.sg.endsWith('es') ? e.sg.slice(0, -1) : e.sg;
}

/** tu → vous: "peux" → "pouvez", "viens" → "venez", "parleras" → "parlerez", "parle" (imperative) → "parlez". */
export function toPlural(lower: string, mood: Mood): string | null {
  const known = pick(lexicon().bySg.get(lower), ORDER[mood]);
  if (known) return known.pl;
  if (mood === 'imperative') {
    if (lower.endsWith('e')) return lower + 'z';
    if (lower.endsWith('is')) return lower.slice(0, -1) + 'ssez';
    return null;
  }
  if (lower.endsWith('rais')) return lower.slice(0, -3) + 'iez';
  if (lower.endsWith('ais')) return lower.slice(0, -3) + 'iez';
  if (lower.endsWith('ras')) return lower.slice(0, -2) + 'ez';
  if (lower.endsWith('es')) return lower.slice(0, -1) + 'z';
  if (lower.endsWith('is')) return lower.slice(0, -1) + 'ssez';
  return null;
}

/** A listed verb's imperative in the singular (viens, découvre, profite, n'hésite): a tu form at a clause's start. */
export function isSingularImperative(lower: string): boolean {
  return lexicon().imperativeSg.has(lower);
}

/** A listed verb's singular form (tu peux, tu parles, tu es), for the word after "tu". */
export function isSingularForm(lower: string): boolean {
  return lexicon().bySg.has(lower);
}
