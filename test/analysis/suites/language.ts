import { expand, type Suite } from './cases.js';

// Short texts, texts in capitals and texts whose link was cut to a bare "http" still read as their language.
const says = (a: { lang: string }, c: { kind: string }) => a.lang === (c.kind.endsWith('-fr') ? 'fr' : 'en');

export const LANGUAGE: Suite = {
  name: 'language',
  lang: 'en',
  says,
  cases: [
    ...expand('link-remnant-en', true, [], [], [
      'check out the new video http',
      'new blog post is up http',
      'great article on climate change http',
      'Watch our live stream tonight https',
      'my latest photos http http',
      'join us for the launch party http',
    ]),
    ...expand('capitals-en', true, [], [], [
      'THIS IS THE BEST DAY OF MY LIFE',
      'WORST SERVICE EVER',
      'I CANNOT BELIEVE YOU DID THIS',
      'OMG THANK YOU SO MUCH',
      'WHERE IS MY ORDER',
      'GO TEAM GO',
    ]),
    ...expand('short-fr', true, [], [], [
      'excellent !',
      'trop bien',
      'merci beaucoup',
      'bravo !',
      'génial',
      "c'est nul",
      'je valide',
      'magnifique 😍',
      'pas mal du tout',
      'bonne journée',
      'oui, carrément',
      'super soirée',
    ]),
    ...expand('short-en', true, [], [], [
      'excellent work!',
      'so cool',
      'thanks a lot',
      'well done!',
      'awesome',
      'this sucks',
      'love it',
      'good morning',
    ]),
    ...expand('capitals-fr', true, [], [], [
      "C'EST LA MEILLEURE JOURNÉE DE MA VIE",
      'SERVICE NUL À CHIER',
      'MERCI BEAUCOUP',
      'OÙ EST MA COMMANDE',
    ]),
    ...expand('link-remnant-fr', true, [], [], [
      'nouvelle vidéo sur la chaîne http',
      'un bel article sur le climat http',
      'notre direct commence ce soir https',
    ]),
  ],
};
