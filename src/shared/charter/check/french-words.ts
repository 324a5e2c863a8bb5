/**
 * What a fix needs to know of French words to keep a sentence grammatical: does a word start with a vowel sound
 * (elision: "l'usager", "ton adresse"), and is a noun feminine ("ta commande", "ton compte"). A guess from endings
 * and a short list of common exceptions: no dictionary ships to the browser.
 */
import { fold } from './text.js';

// An aspirated h takes no elision ("le héros", "ta hausse").
const ASPIRATED_H = new Set([
  'haine', 'hache', 'hall', 'hamac', 'hamburger', 'hameau', 'hanche', 'handicap', 'hangar', 'hareng', 'haricot', 'harcelement',
  'hasard', 'hate', 'hausse', 'haut', 'haute', 'hauteur', 'hero', 'heros', 'hibou', 'hiérarchie', 'hierarchie', 'hockey',
  'homard', 'honte', 'hors', 'hotte', 'houx', 'huit', 'huitieme', 'hurler', 'hutte', 'halte', 'hareng', 'harpe', 'hublot',
]);

export function startsWithVowelSound(word: string): boolean {
  const f = fold(word);
  if (/^[aeiouy]/.test(f)) return !/^(?:yaourt|yoga|yacht|ye)/.test(f) || /^y[^aeiou]/.test(f);
  if (f.startsWith('h')) return !ASPIRATED_H.has(f.replace(/[^a-z].*$/, ''));
  return false;
}

const FEMININE = new Set([
  'boutique', 'boisson', 'carte', 'commande', 'demande', 'question', 'reponse', 'livraison', 'maison', 'raison', 'facture', 'photo',
  'voiture', 'famille', 'vie', 'page', 'plage', 'cage', 'image', 'nage', 'rage', 'place', 'date', 'taille', 'couleur',
  'valeur', 'fleur', 'peur', 'soeur', 'semaine', 'journee', 'soiree', 'annee', 'idee', 'cle', 'peau', 'eau', 'main',
  'fin', 'faim', 'nuit', 'part', 'mer', 'mere', 'chair', 'cuiller', 'dent', 'foret', 'fois', 'voix', 'croix', 'paix',
  'noix', 'souris', 'brebis', 'video', 'radio', 'moto', 'auto', 'dynamo', 'story', 'newsletter', 'box', 'team', 'app',
  'application', 'equipe', 'offre', 'adresse', 'envie', 'experience', 'attente', 'annonce', 'boite', 'tasse', 'biere',
  'recette', 'publication', 'candidature', 'reservation', 'inscription', 'participation', 'contribution', 'commune',
  'region', 'ville', 'rue', 'route', 'porte', 'chambre', 'table', 'chaise', 'liste', 'note', 'musique', 'langue', 'ligne',
  'marque', 'mode', 'tenue', 'robe', 'veste', 'chemise', 'jupe', 'paire', 'piece', 'pointure', 'categorie', 'fidelite',
  'securite', 'sante', 'qualite', 'confiance', 'patience', 'comprehension', 'attention', 'satisfaction', 'garantie',
  'remise', 'promo', 'promotion', 'reduction', 'livraison', 'solution', 'aide', 'assistance', 'formule', 'caisse',
  'salle', 'classe', 'course', 'cause', 'chose', 'pause', 'phrase', 'base', 'case', 'crise', 'surprise', 'entreprise',
  'societe', 'association', 'region', 'voix', 'loi', 'foi', 'croyance', 'tete', 'fete', 'bete', 'planete', 'terre',
  'guerre', 'pierre', 'chaleur', 'douleur', 'odeur', 'saveur', 'humeur', 'largeur', 'longueur', 'hauteur',
  'profondeur', 'epaisseur', 'grandeur', 'lueur', 'rumeur', 'sueur', 'vapeur', 'candeur', 'ardeur',
]);

const MASCULINE = new Set([
  'compte', 'code', 'service', 'site', 'message', 'mot', 'numero', 'abonnement', 'achat', 'avis', 'colis', 'panier',
  'produit', 'dossier', 'profil', 'retour', 'remboursement', 'paiement', 'probleme', 'systeme', 'theme', 'programme',
  'nom', 'prenom', 'mail', 'email', 'telephone', 'portable', 'choix', 'cadeau', 'prix', 'magasin', 'temps', 'jour',
  'projet', 'parcours', 'coeur', 'corps', 'cafe', 'the', 'lycee', 'musee', 'trophee', 'bonheur', 'honneur', 'malheur',
  'serveur', 'ordinateur', 'moteur', 'secteur', 'acteur', 'auteur', 'createur', 'visiteur', 'lecteur', 'conseiller',
  'conseil', 'modele', 'groupe', 'monde', 'livre', 'stylo', 'article', 'compte', 'contrat', 'echange', 'espace', 'exemple',
  'domaine', 'capitalisme', 'style', 'genre', 'rythme', 'reve', 'souvenir', 'plaisir', 'avenir', 'sourire', 'rire',
  'commentaire', 'formulaire', 'horaire', 'salaire', 'anniversaire', 'partenaire', 'inventaire', 'questionnaire',
  'calendrier', 'centre', 'silence', 'magazine', 'caractere', 'chiffre', 'nombre', 'titre', 'ordre', 'membre', 'cercle',
  'vehicule', 'manque', 'risque', 'casque', 'masque', 'disque', 'parking', 'week', 'weekend', 'post', 'tweet',
  'lien', 'fil', 'ticket', 'bon', 'coupon', 'devis', 'tarif', 'forfait', 'rendez', 'rdv', 'comite', 'peigne', 'signe',
  'verre', 'beurre', 'lycee', 'genie', 'incendie', 'parapluie', 'foie', 'pied', 'velo', 'sac', 'animal', 'quartier',
]);

/**
 * Feminine or not, from the word (a noun, or an adjective before it: "ta nouvelle adresse"). Unknown words ending in
 * a mute e lean feminine, as most French nouns that do, except the masculine endings (-age, -isme, -ème, -aire…).
 */
export function isFeminine(word: string): boolean {
  const f = fold(word).replace(/s$/, '');
  if (FEMININE.has(f)) return true;
  if (MASCULINE.has(f)) return false;
  if (/(?:tion|sion|aison|te|tie|ure|ade|ette|ance|ence|iere|ie|ise|esse|ode|ude|ee|elle|euse|ive|enne|onne|ienne|ine|ique|oire|eure)$/.test(f)) {
    return !/(?:ege|ome|isme|eme|aire|ste|ice)$/.test(f);
  }
  if (/(?:age|isme|eme|ment|eau|oir|et|ier|on|in|ain|at|ot|ail|eil|eur|teur|al|el|ou|is|us|ent|ant)$/.test(f)) return false;
  return f.endsWith('e');
}

/** Adjectives that stand before a noun ("ta nouvelle commande"): the noun after them decides the gender. */
export const PRENOMINAL = new Set([
  'petit', 'grand', 'gros', 'bon', 'beau', 'nouveau', 'vieux', 'jeune', 'joli', 'premier', 'dernier', 'prochain',
  'meilleur', 'propre', 'seul', 'vrai', 'cher', 'long', 'haut', 'mauvais', 'court', 'unique', 'double', 'super', 'autre',
  'moindre', 'simple',
]);
