import { expand, type Suite } from './cases.js';

// Complaints say something went wrong; a question to customer service, praise or a cheerful exclamation does not.
export const COMPLAINT_EN: Suite = {
  name: 'complaint (English)',
  lang: 'en',
  says: (a) => a.complaint.flagged,
  cases: [
    ...expand('plain-complaint', true, [], [], [
      '@AmazonHelp my package never arrived and nobody answers, I want a refund',
      '@Comcast my internet has been down for two days, fix it',
      'Three weeks and still no refund. Unacceptable.',
      '@united you lost my bag again',
      'Ordered a large pizza, got a small cold one. Never again @Dominos',
      'The shoes I bought fell apart after a week @Nike',
      '@Tesco your self checkout charged me twice',
      'Waited 40 minutes at the counter and the staff just ignored me',
    ]),
    ...expand('sarcasm', true, [], [], [
      'Thanks for nothing @Verizon, still no signal',
      'Great, another delay. Love spending my life at this airport @Delta',
      'Wow @Walmart, two hours in line, what amazing service',
      'Oh perfect, the app deleted my order again. Brilliant work',
      'So glad I paid extra for express shipping that took 10 days. Thanks @FedEx',
      'Nothing like a cold burger to start the day, thanks @McDonalds',
    ]),
    ...expand('praise-then-grievance', true, [], [], [
      'Love your app but it crashes every time I try to pay',
      'Usually great service @Starbucks but today my order was wrong twice',
      'I really like this store, but the checkout queue is a joke',
      'The staff were nice, however my room was dirty and the shower broken',
    ]),
    ...expand('points-to-photo', true, [], [], [
      '@IKEA look at what arrived 👇 pic.twitter.com/abc123',
      'This is how my parcel was delivered @UPS pic.twitter.com/xyz789',
      'Is this what you call a salad @Subway? pic.twitter.com/q1w2e3',
    ]),
    ...expand('service-question', false, [], [], [
      '@AmazonHelp how can I track my order?',
      'What is the procedure to ask for a refund?',
      '@Zara do you ship to Canada?',
      'Hi, can I change the delivery address on my order?',
      'What time does the store on Main Street open on Sunday?',
      '@Apple how do I transfer my photos to a new phone?',
      'Is the new menu available in every restaurant?',
      'Can I return an item bought online in a store?',
    ]),
    ...expand('chatty', false, [], [], [
      'OMG I love you guys!!!',
      'Best coffee in town, see you tomorrow @Starbucks',
      'Thanks @Delta, the crew was amazing',
      'Can not wait for the new season!!!',
      'Happy Friday everyone 🎉',
      'Wow what a game tonight',
    ]),
  ],
};

export const COMPLAINT_FR: Suite = {
  name: 'réclamation (français)',
  lang: 'fr',
  says: (a) => a.complaint.flagged,
  cases: [
    ...expand('plain-complaint', true, [], [], [
      '@SNCF mon train est encore annulé, remboursez-moi !',
      'Commande jamais reçue depuis 3 semaines, aucune réponse du service client',
      '@Orange plus d’internet depuis deux jours, c’est inadmissible',
      'Toujours pas remboursé après un mois',
      'Pizza froide et en retard d’une heure, plus jamais',
      'Les chaussures achetées se sont décousues au bout d’une semaine',
      'La caisse automatique m’a débité deux fois',
      '40 minutes d’attente au guichet et personne ne s’occupe de nous',
    ]),
    ...expand('sarcasm', true, [], [], [
      'Merci pour rien @SFR, toujours pas de réseau',
      'Génial, encore un retard. J’adore passer ma vie en gare @SNCF',
      'Bravo @Fnac, deux heures de queue, quel service',
      'Parfait, l’appli a encore supprimé ma commande. Du beau travail',
      'Trop contente d’avoir payé la livraison express pour 10 jours d’attente. Merci @Chronopost',
    ]),
    ...expand('praise-then-grievance', true, [], [], [
      "J'aime bien votre appli mais elle plante à chaque paiement",
      'Service souvent top, mais aujourd’hui ma commande était fausse deux fois',
      'Magasin sympa, par contre la file d’attente en caisse est une blague',
      'Personnel agréable, mais chambre sale et douche cassée',
    ]),
    ...expand('service-question', false, [], [], [
      '@SNCF comment suivre ma réservation ?',
      'Quelle est la procédure pour demander un remboursement ?',
      'Livrez-vous en Belgique ?',
      'Bonjour, puis-je changer l’adresse de livraison de ma commande ?',
      'À quelle heure ouvre le magasin le dimanche ?',
      'Comment transférer mes photos sur mon nouveau téléphone ?',
      'Le nouveau menu est-il disponible partout ?',
      'Peut-on retourner en magasin un article acheté en ligne ?',
    ]),
    ...expand('chatty', false, [], [], [
      'Je vous adore !!!',
      'Meilleur café de la ville, à demain',
      'Merci @AirFrance, équipage au top',
      "Vivement la nouvelle saison !!!",
      'Bon vendredi à tous 🎉',
      'Quel match ce soir',
    ]),
  ],
};
