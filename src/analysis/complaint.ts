import { topWords } from './explain.js';
import { predictProba, type LinearModel } from './model/linear.js';
import { matches, rule } from './rules/plain.js';
import type { Predict } from './model/bank.js';
import type { FeatureVector } from './text/features.js';
import type { Token } from './text/tokenize.js';
import type { ComplaintResult, Lang, Reason } from './types.js';

// No public French complaint set exists: French texts are judged by what customers complain about (topic) and how
// (problem), with the text's negativity.
const FR_TOPIC = rule(String.raw`\b(?:livraison|livre|livree|livreur|colis|commande|commandee|remboursement|rembourser|rembourse|remboursez|facture|facturation|abonnement|service client|sav|conseiller|conseillere|hotline|compte|carte|paiement|debite|debitee|prelevement|preleve|retour|echange|garantie|reparation|technicien|installation|box|reseau|connexion|internet|fibre|train|vol|bagage|valise|reservation|billet|appli|application|produit|article|client|cliente)\b`);
const FR_PROBLEM = rule(String.raw`\b(?:toujours pas|jamais recu|pas recu|rien recu|en panne|panne|fonctionne pas|fonctionne plus|marche pas|marche plus|bloque|bloquee|bug|bugge|retard|annule|annulee|annulation|perdu|perdue|casse|cassee|abime|endommage|erreur|attente|j attends|attends toujours|aucune reponse|pas de reponse|personne ne repond|injoignable|inadmissible|scandaleux|scandaleuse|honteux|arnaque|reclamation|plainte|litige|depuis \d+ (?:jours|semaines|mois|heures)|encore une fois|toujours rien|inacceptable|mecontent|mecontente|decu|decue|nul|nulle|lamentable|catastrophique|coupure|coupe|impossible de|ne repond|rembourse moi|remboursez moi|vole|volee)\b`);

export function complaintOf(lang: Lang, fv: FeatureVector, tokens: Token[], plain: string, negative: number, model?: LinearModel, predict?: Predict): { result: ComplaintResult; reasons: Reason[] } {
  if (lang !== 'fr' && model) {
    const p = (predict ? predict(model) : predictProba(model, fv))[1];
    const reasons = p >= 0.5 ? topWords(model, fv, tokens, 'complaint', 3, 0, undefined, predict) : [];
    return { result: { score: round(p), flagged: p >= 0.5 }, reasons };
  }
  const reasons: Reason[] = [];
  let topic = 0;
  let problem = 0;
  for (const m of matches(FR_TOPIC, plain)) {
    if (topic++ < 2) reasons.push({ category: 'complaint', rule: 'complaint-topic', text: m[0].trim(), weight: 1 });
  }
  for (const m of matches(FR_PROBLEM, plain)) {
    if (problem++ < 2) reasons.push({ category: 'complaint', rule: 'complaint-problem', text: m[0].trim(), weight: 1.2 });
  }
  const z = -2.6 + 1.1 * Math.min(topic, 2) + 1.3 * Math.min(problem, 2) + 1.6 * negative + (tokens[0]?.kind === 'mention' ? 0.4 : 0);
  const p = topic + problem === 0 ? Math.min(0.3, 1 / (1 + Math.exp(-z))) : 1 / (1 + Math.exp(-z));
  return { result: { score: round(p), flagged: p >= 0.5 }, reasons: p >= 0.5 ? reasons : [] };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
