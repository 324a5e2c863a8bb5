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
`;
const NEGATIVE = `
bad worse worst awful terrible horrible hate hated hating sucks suck sucked poor disappointing disappointed
disappointment angry annoyed annoying sad upset fail failed failure broken wrong problem issue useless
disgusting pathetic stupid ridiculous waste wasted scam fraud never worst slow late lost crap shit damn fuck
unacceptable rude horrible nightmare ugly boring hell kill killed dead death die sick hurt pain cry crying
delay delayed cancelled canceled refund complaint complain ruined lie lies liar shame shameful outrage
nul nulle mauvais mauvaise pire horrible affreux affreuse deteste detester hais triste decu decue decevant
decevante colere enerve enervee enervant marre honte honteux honteuse scandale scandaleux scandaleuse
inadmissible inacceptable arnaque arnaqueur escroc escroquerie probleme panne retard perdu catastrophe
catastrophique galere lamentable pitoyable inutile lent lente chiant chiante merde putain degoute degoutant
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
  const p = table.get(word);
  if (p !== undefined) return p;
  if (word.length > 4 && word.endsWith('s')) return table.get(word.slice(0, -1)) ?? 0;
  return 0;
}
