// Hand-made polarity words, French and English, accent-folded. Small on purpose: the trained weights do the
// heavy lifting; these give the models a prior that carries to words the training tweets never used.
const POSITIVE = `
good great excellent amazing awesome love loved loving lovely like liked best better nice happy glad wonderful
fantastic perfect beautiful brilliant cool fun enjoy enjoyed thanks thank thx grateful congrats congratulations
win won winner success proud super superb incredible impressive excited exciting favorite favourite fav yay wow
recommend helpful kind sweet cute adorable delighted pleased glorious hope hopeful fabulous outstanding
masterpiece fast solved fixed reliable smooth easy friendly
bon bonne bien super genial excellent excellente parfait parfaite magnifique merveilleux merveilleuse
adore adorer aime aimer j'adore heureux heureuse content contente ravi ravie merci bravo felicitations top
formidable incroyable sublime beau belle jolie joli chouette cool sympa gentil gentille agreable plaisir
reussi reussite victoire gagne fier fiere bonheur joie espoir genie efficace rapide recommande meilleur
meilleure extra enfin felicite chapeau youpi trop bien hate vivement soutien soutiens solidaire
awesome amazing beautiful gorgeous stunning lovely pleasant enjoyable fantastic terrific marvelous marvellous splendid
excited thrilled grateful thankful blessed lucky fortunate inspiring inspired inspiration brave courage courageous
pride respect respected admire admired admirable proud honour honor honored honoured celebrate celebrating celebration
joy joyful cheerful smile smiles smiling laugh laughing fun funny hilarious delicious tasty yummy comfy cozy cosy
peaceful calm relaxing relaxed safe secure healthy strong winning victory champion champions best recommended
impressed impressive remarkable wonderful welcome welcomed support supported supportive helpful useful valuable
generous kind kindness caring care loving love hugs hug friends friendship together hope hoping optimistic bright
perfect perfectly flawless brilliant clever smart genius legend legendary epic incredible unbelievable fabulous
satisfied satisfying pleased glad happy happiest happier excellent superb nice nicer nicest cool
fierte fierement respecte respecter admire admirer admirable honneur honore celebrer celebration fete feter
joyeux joyeuse sourire sourires rire rigoler drole marrant delicieux delicieuse savoureux bon appetit confortable
paisible calme reposant detendu serein sereine sante fort forte gagnant gagnante champion championne
recommande recommandee impressionnant impressionnante remarquable bienvenue bienvenu accueil accueillant accueillante
soutenir utile precieux precieuse genereux genereuse bienveillant bienveillante attentionne amour amoureux amoureuse
amitie ami amie amis ensemble espoir optimiste lumineux lumineuse parfaitement impeccable brillant brillante
intelligent intelligente legende legendaire epique incroyable fabuleux fabuleuse satisfait satisfaite ravi ravie
contente heureuse enchante enchantee emerveille emerveillee agreablement plaisir regal regale regaler bravo bravos
felicitation felicitations merci mercii remercie remercier remerciements reconnaissant reconnaissante chanceux
chanceuse beaute splendide superbe genialissime top cool coolos kiffe kiffer kif trop bien tres bien nickel
parfait parfaite excellent excellente magnifique merveilleux merveilleuse sublime formidable extraordinaire
adorable mignon mignonne chouette sympa sympathique gentil gentille doux douce agreable rapide efficace fiable
reussi reussie reussite victoire gagne gagner vainqueur vive hourra youpi chapeau respect classe valide je valide
geniaux talentueux talentueuse pepite pepites merveille merveilles magique magiques inoubliable emouvant emouvante
touchant touchante chaleureux chaleureuse bravissimo adorons adorez aimons aimez remercions remercierai felicitons
`;
const NEGATIVE = `
awful dreadful terrible horrible horrid horrendous atrocious appalling disgusting gross nasty vile revolting
miserable depressed depressing depression lonely alone heartbroken devastated crushed hurt hurting painful
angry furious mad pissed annoyed irritated frustrated frustrating outraged outrageous livid fuming
sad sadly unhappy upset crying tears cried mourn mourning grief tragic tragedy disaster disastrous catastrophe
broken broke crashed crashing crash bug buggy glitch error errors fails failing failed failure fault faulty
scared afraid fear fearful terrified anxious worried worry nervous stress stressed stressful panic
hate hated hates hating loathe despise dislike disliked annoying boring bored dull mediocre lousy crappy
waste wasted useless worthless pointless hopeless helpless pathetic ridiculous absurd stupid dumb idiotic
rude unfriendly unhelpful incompetent unprofessional slow late delayed delay cancelled canceled missing lost
stolen scam scammed fraud ripoff overpriced expensive dirty filthy smelly cold stale wrong mistake mess messy
sick ill pain ache headache injured injury dead death died dying die kill killed murder war attack attacked
shame ashamed embarrassing embarrassed regret regrets sorry unfortunately unfortunate poor worst worse bad
affreux affreuse horrible atroce epouvantable abominable degoutant degoutante degueu degueulasse immonde ignoble
malheureux malheureuse deprime deprimee depression seul seule triste tristesse chagrin decu decue decevant
decevante deception colere furieux furieuse enerve enervee enervant agace agacee agacant frustre frustrant
pleurer pleure pleurs larmes deuil tragique tragedie drame desastre desastreux catastrophe catastrophique
casse cassee panne plante bug bugge erreur echec echoue rate ratee defaut defectueux defectueuse
peur effraye effrayee terrifie terrifiant inquiet inquiete inquietude angoisse angoisse stress stresse
deteste detester haine hais meprise ennuyeux ennuyeuse ennui chiant chiante mediocre nul nulle naze pourri
pourrie gachis inutile pitoyable ridicule absurde stupide debile idiot con conne impoli impolie desagreable
incompetent incompetents lent lente retard retarde annule annulee perdu perdue arnaque escroc
crade froid froide faux fausse erreur bordel galere galerer malade souffrance souffrir douleur
mal blesse blessee mort morte mourir tue guerre attaque honte honteux honteuse regret regrette dommage
malheureusement pire pires mauvais mauvaise inadmissible inacceptable scandaleux scandaleuse revoltant revoltante
lamentable deplorable minable naze relou saoule soule gonfle marre ras le bol insupportable infernal infernaux
bad worse worst awful terrible horrible hate hated hating sucks suck sucked poor disappointing disappointed
disappointment angry annoyed annoying sad upset fail failed failure broken wrong problem issue useless
disgusting pathetic stupid ridiculous waste wasted scam fraud never worst slow late lost crap shit damn fuck
unacceptable rude horrible nightmare ugly boring hell kill killed dead death die sick hurt pain cry crying
delay delayed cancelled canceled refund complaint complain ruined lie lies liar shame shameful outrage
nul nulle mauvais mauvaise pire horrible affreux affreuse deteste detester hais triste decu decue decevant
decevante colere enerve enervee enervant marre honte honteux honteuse scandale scandaleux scandaleuse
inadmissible inacceptable arnaque arnaqueur escroc escroquerie probleme panne retard perdu catastrophe
catastrophique galere lamentable pitoyable inutile lent lente chiant chiante merde degoute degoutant
degueulasse mort morts tue tuer peur danger dangereux menace pollution crise grave pleure pleurer malheureux
malheur souffre souffrance injuste injustice mensonge menteur rate echec fiasco desastre desastreux
`;

const POSITIVE_EMOJI = '😀😃😄😁😆😊🙂😍🥰😘😗😙😚😋😎🤩🥳👍👏🙏💪🎉🎊❤💕💖💗💓💞💯✨🌟⭐🙌😂🤣☺🤗✅🔥';
const NEGATIVE_EMOJI = '😞😒😔😟😕🙁☹😣😖😫😩😢😭😤😠😡🤬🤮🤢👎💔😱😨😰😥😓🖕💩❌⚠🙄😑😐';

const table = new Map<string, number>();
for (const w of POSITIVE.split(/\s+/)) if (w) table.set(w, 1);
for (const w of NEGATIVE.split(/\s+/)) if (w) table.set(w, -1);
for (const e of POSITIVE_EMOJI) table.set(e, 1);
for (const e of NEGATIVE_EMOJI) table.set(e, -1);
table.set(':)', 1).set(':d', 1).set(';)', 1).set('<3', 1).set(':(', -1).set(":'(", -1);

/** +1, −1 or 0 for a folded word, emoji or emoticon; French plurals and feminines fall back to their stem. */
export function polarityOf(word: string): number {
  return table.get(word) ?? byStem(word);
}

function byStem(word: string): number {
  if (word.length <= 4) return 0;
  // French plurals and feminines: "déçues" → "déçu", "contente" → "content".
  if (word.endsWith('es')) return table.get(word.slice(0, -2)) ?? table.get(word.slice(0, -1)) ?? 0;
  if (word.endsWith('s') || word.endsWith('e')) return table.get(word.slice(0, -1)) ?? 0;
  return 0;
}
