import { TermList, words } from './terms.js';

/** What a word says about a complaint. */
export type ComplaintCue = 'problem' | 'topic' | 'praise-en' | 'praise-fr' | 'contrast' | 'sarcasm' | 'service';

// Words that say something went wrong with a product or a service, in both languages.
const PROBLEM = words(`
delay, delayed, delays, late, cancelled, canceled, cancellation, waiting, waited, on hold, still waiting, still no,
still not, never arrived, never received, not arrived, not received, has not arrived, hasnt arrived, didnt arrive,
did not arrive, missing, lost, broken, broke, damaged, fell apart, falling apart, wrong, cold, dirty, filthy, rude,
ignored, charged twice, double charged, overcharged, no signal, no service, no internet, no wifi, outage, down again,
not working, doesnt work, does not work, wont work, will not work, stopped working, crash, crashes, crashed, crashing,
keeps crashing, freezes, bug, glitch, error, a joke, terrible, awful, horrible, worst, disgusting, unacceptable,
ridiculous, useless, nobody answers, no one answers, no answer, no response, no reply, took days, took weeks,
hours, two hours, an hour, days, weeks, again, deleted, disappeared, stuck, leaking, mouldy, moldy, stale, burnt,
expired, refund, refunded, compensation, complaint, queue, rip off, ripoff, scam, outages, ruined, ruining, ruins,
let down, drained, stranded, died, dies, cut off, shocking,
retard, en retard, annule, annulee, annulation, attente, d attente, toujours pas, toujours rien, jamais recu,
jamais recue, pas recu, pas recue, rien recu, perdu, perdue, casse, cassee, cassees, casses, decousu, decousue,
decousues, abime, abimee, endommage, endommagee, faux, fausse, froid, froide, sale, sales, impoli, impolie,
personne ne, ne repond, aucune reponse, pas de reponse, injoignable, deux fois, panne, en panne, ne marche pas,
marche plus, fonctionne pas, fonctionne plus, plante, bugge, erreur, bloque, bloquee, une blague, nul, nulle,
inadmissible, inacceptable, honteux, scandaleux, scandaleuse, arnaque, plus jamais, encore une fois, encore un,
file d attente, rembourse, remboursement, remboursez, rembourse moi, remboursez moi, pas de reseau,
plus de reseau, plus d internet, pas d internet, coupure, supprime, supprimee, disparu, j attends, attends toujours,
reclamation, plainte, litige, mecontent, mecontente, decu, decue, lamentable, catastrophique, impossible de, vole,
volee
`);
// What French customers complain about, for the French rules (no public French complaint set exists).
const TOPIC_FR = words(`
livraison, livre, livree, livreur, colis, commande, commandee, remboursement, rembourser, facture, facturation,
abonnement, service client, sav, conseiller, conseillere, hotline, compte, carte, paiement, debite, debitee,
prelevement, preleve, retour, echange, garantie, reparation, technicien, installation, box, reseau, connexion,
internet, fibre, train, vol, bagage, valise, reservation, billet, appli, application, produit, article, client,
cliente, caisse, magasin, guichet, chambre, hotel, commande, pizza, repas, plat
`);
// Praise opening a sentence ("Great, another delay", "Génial, encore un retard"): how sarcasm usually starts.
const PRAISE_EN = words(`thanks, thank you, great, wow, perfect, love, loving, so glad, glad, brilliant, amazing, fantastic, awesome, nothing like, nothing beats, cheers, lovely, nice, excellent, super`);
const PRAISE_FR = words(`genial, parfait, bravo, merci, content, contente, j adore, super, top, magnifique, felicitations, trop bien, excellent, chapeau, bien joue, que du bonheur`);
// Praise, then "but" and the grievance.
const CONTRAST = words(`but, however, though, although, except, yet, sadly, unfortunately, mais, par contre, cependant, sauf que, pourtant, en revanche, malheureusement, dommage que`);
// Said through clenched teeth whatever follows.
const SARCASM = words(`thanks for nothing, thank you for nothing, thanks a lot for nothing, merci pour rien, merci de rien faire, bravo pour rien, way to go, quel service, what a service, what an amazing service, what a great service`);

// Ordinary service words holding a problem word ("opening hours", "open late"): the problem word inside them is not one.
const SERVICE = words(`opening hours, business hours, store hours, shop hours, office hours, holiday hours, opening times, open late,
late opening, late night opening, late checkout, late check out, hours of operation, heures d ouverture, ouvert tard,
nocturne, days a week, hours a day`);

/** The complaint rules' words, in one list (read in the same pass as the other word lists). */
export const COMPLAINT_WORDS = new TermList<ComplaintCue>([
  ...PROBLEM.map((w): [string, ComplaintCue] => [w, 'problem']),
  ...TOPIC_FR.map((w): [string, ComplaintCue] => [w, 'topic']),
  ...PRAISE_EN.map((w): [string, ComplaintCue] => [w, 'praise-en']),
  ...PRAISE_FR.map((w): [string, ComplaintCue] => [w, 'praise-fr']),
  ...CONTRAST.map((w): [string, ComplaintCue] => [w, 'contrast']),
  ...SARCASM.map((w): [string, ComplaintCue] => [w, 'sarcasm']),
  ...SERVICE.map((w): [string, ComplaintCue] => [w, 'service']),
]);
