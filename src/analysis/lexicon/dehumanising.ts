import { TermList, words } from './terms.js';

// Words that liken people to animals, vermin, dirt or disease. Said of a group they dehumanise it; said of mosquitoes
// or of the weather they do not, which is why they are a feature and a rule ingredient, not a verdict.
export const DEHUMANISING_WORDS = words(`
animal, animals, beast, beasts, vermin, rat, rats, rodent, rodents, cockroach, cockroaches, roaches, parasite, parasites,
leech, leeches, maggot, maggots, lice, louse, pest, pests, insect, insects, worm, worms, ape, apes, monkey, monkeys,
gorilla, gorillas, baboon, baboons, pig, pigs, swine, dog, dogs, mutt, mutts, cattle, livestock, snake, snakes,
savage, savages, subhuman, subhumans, sub human, untermensch, filth, dirt, trash, garbage, rubbish, scum, waste,
sewage, sewer rats, disease, diseases, plague, plagues, cancer, virus, infection, tumour, tumor, pox, vermin filth,
creatures, breed like, infest, infesting, infestation, swarm, swarms, horde, hordes,
animal, animaux, bete, betes, bestiole, bestioles, vermine, rat, rats, rongeur, rongeurs, cafard, cafards, blatte,
blattes, parasite, parasites, sangsue, sangsues, asticot, asticots, poux, pou, nuisible, nuisibles, insecte, insectes,
singe, singes, macaque, macaques, gorille, gorilles, babouin, babouins, porc, porcs, cochon, cochons, chien,
chiens, betail, serpent, serpents, sauvage, sauvages, sous homme, sous hommes, sous humain, sous humains, crasse,
ordure, ordures, dechet, dechets, saloperie, raclure, raclures, fange, egout, egouts, maladie, maladies, peste,
cancer, virus, gangrene, fleau, microbe, microbes, tumeur, lepre, vermines, envahisseurs, invasion, grouillent,
grouiller, pullulent, pulluler, se reproduisent comme, hordes, horde
`);

export const DEHUMANISING_TERMS = new TermList<true>(DEHUMANISING_WORDS.map((w): [string, true] => [w, true]));
