import { expand, type Suite } from './cases.js';
import { GROUPS_EN } from './hate-en.js';
import { GROUPS_FR } from './hate-fr.js';

// Naming a group is never an insult; insults aimed at someone are, however they are spelt.
export const INSULT_EN: Suite = {
  name: 'insult (English)',
  lang: 'en',
  says: (a) => a.toxicity.categories.insult >= 0.5,
  cases: [
    ...expand('identity-mention', false, GROUPS_EN, [
      "I'm proud to be {iam}.",
      '{Pl} are celebrating tonight.',
      'My best friends are {pl}.',
      'A documentary about {pl} in the workplace.',
      'Being {iam} is part of who I am.',
      'The new law protects {pl} from discrimination.',
    ], ['I am a gay man and I love my husband.', 'Trans women are women.', 'Muslims around the world are breaking their fast tonight.', 'Black lives matter.', 'Proud to be a lesbian!', 'As a disabled woman, I need ramps, not pity.']),
    ...expand('ordinary', false, [], [], [
      'What a great game last night!',
      'Thanks so much for your help today.',
      'The meeting is moved to Thursday.',
      'Can you send me the file again?',
      'This pizza is killer, seriously.',
      'Fuck yeah, we won the cup!',
      'That exam was a bitch but I passed.',
      "You're not an idiot, you just made a mistake.",
    ]),
    ...expand('aimed-insult', true, [], [], [
      'You are a stupid idiot.',
      'Shut up, you moron.',
      "You're a pathetic loser.",
      'What a clown you are.',
      'You absolute waste of oxygen.',
      '@mike you are a lying piece of shit',
      'Nobody asked you, dumbass.',
      'You are so ugly and dumb.',
      'Go away, you worthless scumbag.',
      'Your brain is the size of a pea, idiot.',
      'You are an embarrassment, you imbecile.',
      'Listen here you little rat.',
    ]),
    ...expand('obfuscated-insult', true, [], [], [
      'shut up you f*cking moron',
      'you are a st00pid 1diot',
      'what an a$$hole',
      'you d u m b a s s',
      'you are such an idoit',
      'go away l0ser',
    ]),
  ],
};

export const INSULT_FR: Suite = {
  name: 'insulte (français)',
  lang: 'fr',
  says: (a) => a.toxicity.categories.insult >= 0.5,
  cases: [
    ...expand('identity-mention', false, GROUPS_FR, [
      'Être {iam}, c’est une fierté pour moi.',
      '{Pl} font la fête ce soir.',
      'Mes meilleurs amis sont {pl}.',
      'Un documentaire sur {pl} au travail.',
      'La nouvelle loi protège {pl} des discriminations.',
      'Les droits {des} progressent enfin.',
    ], ['Je suis homosexuel et j’aime mon mari.', 'Les femmes trans sont des femmes.', 'Les musulmans du monde entier rompent le jeûne ce soir.', 'Les femmes gagnent encore 15 % de moins que les hommes.', 'Fière d’être lesbienne !', 'Handicapée, j’ai besoin de rampes, pas de pitié.']),
    ...expand('ordinary', false, [], [], [
      'Quel beau match hier soir !',
      'Merci beaucoup pour ton aide aujourd’hui.',
      'La réunion est déplacée à jeudi.',
      'Tu peux me renvoyer le fichier ?',
      'Putain, quelle belle journée !',
      'Ce film est vraiment bien fait.',
      "Tu n'es pas un idiot, tu t'es juste trompé.",
      'Bordel, on a gagné la coupe !',
    ]),
    ...expand('aimed-insult', true, [], [], [
      "T'es un connard.",
      'Ferme ta gueule, abruti.',
      'Tu es un pauvre minable.',
      'Quel clown tu fais.',
      'Espèce de déchet.',
      '@paul t’es vraiment une ordure',
      'Personne ne t’a rien demandé, crétin.',
      'Tu es moche et débile.',
      'Dégage, sale raclure.',
      'Tu as un pois chiche à la place du cerveau, imbécile.',
      'Tu es une honte, pauvre tache.',
      'Écoute-moi bien, petite merde.',
    ]),
    ...expand('obfuscated-insult', true, [], [], [
      'Espèce de c.o.n.n.a.r.d',
      'Tu es une s4l0pe',
      'conaaaard va',
      't es un abruit',
      'ferme ta g u e u l e',
      'pauvre c0n',
    ]),
  ],
};
