import { expand, type Suite } from './cases.js';

// The label a community manager would give; the case's kind names it ("positive", "negated-positive" → negative…).
const LABEL_OF: Record<string, string> = {
  positive: 'positive', negative: 'negative', neutral: 'neutral', 'negated-positive': 'negative', 'short-positive': 'positive',
  'short-negative': 'negative', 'emoji-positive': 'positive', 'emoji-negative': 'negative', sarcasm: 'negative',
  'warm-words': 'positive', 'service-question': 'neutral', 'question-then-grievance': 'negative',
};

const says = (a: { sentiment: { label: string } }, c: { kind: string }) => a.sentiment.label === LABEL_OF[c.kind];

export const SENTIMENT_EN: Suite = {
  name: 'sentiment (English)',
  lang: 'en',
  says,
  cases: [
    ...expand('positive', true, [], [], [
      'I love this phone, best purchase ever!',
      'The concert last night was absolutely amazing.',
      'Great job team, really proud of you all.',
      'Finally got my package and it looks fantastic.',
      'So happy with the new update, everything runs smoothly.',
      'What a beautiful morning in Paris.',
      'Thank you for the quick answer, very helpful.',
      'Congrats on the new job, you deserve it!',
      'The staff were friendly and the food was delicious.',
      'Really enjoying the new season of the show.',
    ]),
    ...expand('negative', true, [], [], [
      'Worst service ever, I am so disappointed.',
      'My flight got cancelled again, this is a nightmare.',
      'The app keeps crashing and nobody helps.',
      'I feel terrible today, everything went wrong.',
      'Such a waste of money, it broke after two days.',
      'The traffic this morning was awful.',
      'Sad news about the factory closing.',
      'I hate waiting on hold for an hour.',
      'The food was cold and the waiter was rude.',
      'Another delay, I am so tired of this.',
    ]),
    ...expand('neutral', true, [], [], [
      'The meeting is scheduled for Tuesday at 3pm.',
      'The store opens at 9 on Sundays.',
      'New episode airs tomorrow night on channel 4.',
      'The council will vote on the budget next week.',
      'Flight AF123 departs from terminal 2.',
      'The report is available on our website.',
      'Temperatures will be around 15 degrees today.',
      'The conference takes place in Berlin in May.',
    ]),
    ...expand('negated-positive', true, [], [], [
      'The film was not good at all.',
      'I am not happy with this purchase.',
      'Not impressed by the new design.',
      'This is not what I would call a great experience.',
    ]),
    ...expand('short-positive', true, [], [], ['Excellent!', 'Love it!', 'Amazing 😍', 'So good', 'Thank you!!']),
    ...expand('short-negative', true, [], [], ['Awful.', 'So disappointed', 'Terrible 😡', 'Worst ever', 'Ugh, broken again']),
    // A plain question to customer service is neutral; one that goes on to a grievance is not.
    ...expand('service-question', true, [], [], [
      'How do I reset my password on the app?',
      'What are your opening hours on Saturday?',
      'Do you ship to Canada?',
      'Is the store open on Sunday?',
      'How do I cancel my subscription?',
      'How do I change my username?',
    ]),
    ...expand('question-then-grievance', true, [], [], [
      'How can I get a refund? This is the worst service I have ever had.',
    ]),
  ],
};

export const SENTIMENT_FR: Suite = {
  name: 'sentiment (français)',
  lang: 'fr',
  says,
  cases: [
    ...expand('positive', true, [], [], [
      "J'adore ce film, il est magnifique !",
      'Le concert d’hier soir était génial.',
      'Bravo à toute l’équipe, vous êtes au top.',
      'Colis reçu, tout est parfait, merci !',
      'Très contente de la mise à jour, tout marche bien.',
      'Quelle belle matinée à Lyon.',
      'Merci pour la réponse rapide, très utile.',
      'Félicitations pour ton nouveau poste, tu le mérites !',
      'Personnel adorable et repas délicieux.',
      'Je me régale avec la nouvelle saison de la série.',
    ]),
    // Warm words the tweets rarely use, known to the polarity lexicon.
    ...expand('warm-words', true, [], [], [
      'Un concert inoubliable, vous êtes talentueux !',
      'Quelle pépite ce film, magique du début à la fin',
      'Votre message est tellement touchant',
      'Une cérémonie émouvante et chaleureuse',
      'Des artistes talentueux et un public chaleureux',
      'Ce livre est une merveille',
    ]),
    ...expand('negative', true, [], [], [
      'Quelle déception, service nul et personnel désagréable.',
      'Mon vol est encore annulé, c’est un cauchemar.',
      "L'appli plante sans arrêt et personne ne nous aide.",
      'Journée horrible, tout est allé de travers.',
      "Quel gâchis d'argent, cassé au bout de deux jours.",
      'Les bouchons ce matin étaient infernaux.',
      "Triste nouvelle, l'usine ferme.",
      "Je déteste attendre une heure au téléphone.",
      'Plat froid et serveur impoli.',
      'Encore un retard, j’en ai marre.',
    ]),
    ...expand('neutral', true, [], [], [
      'Le conseil municipal se réunira mardi à 18h.',
      'Le magasin ouvre à 9h le dimanche.',
      'Le nouvel épisode sera diffusé demain soir.',
      'Le vote du budget aura lieu la semaine prochaine.',
      'Le vol AF123 part du terminal 2.',
      'Le rapport est disponible sur notre site.',
      'Il fera environ 15 degrés aujourd’hui.',
      'La conférence a lieu à Berlin en mai.',
    ]),
    ...expand('negated-positive', true, [], [], [
      "Le film n'était pas bon du tout.",
      'Je ne suis pas satisfait de cet achat.',
      'Pas convaincu par le nouveau design.',
      "Ce n'est vraiment pas une expérience agréable.",
    ]),
    ...expand('short-positive', true, [], [], ['Excellent !', 'Trop bien !', 'Génial 😍', 'Super', 'Merci beaucoup !!']),
    ...expand('short-negative', true, [], [], ['Nul.', 'Très déçu', 'Horrible 😡', 'La pire expérience', 'Encore en panne, pff']),
    ...expand('service-question', true, [], [], [
      'Livrez-vous au Canada ?',
      'Quels sont vos horaires le samedi ?',
      'Êtes-vous ouverts le 1er mai ?',
      'Le magasin de Lyon est-il ouvert dimanche ?',
      'Comment réinitialiser mon mot de passe sur l’appli ?',
      'Comment annuler mon abonnement ?',
      'Comment changer mon adresse de livraison ?',
    ]),
    ...expand('question-then-grievance', true, [], [], [
      'Comment peut-on vous faire confiance ? Service nul, plus jamais.',
    ]),
  ],
};
