import type { Example } from './data.js';

// Ordinary and friendly sentences that name a protected group, as non-toxic training examples. The public sets
// name groups mostly in hateful texts (the French ones nearly only), so without these a model learns that naming
// women or Muslims is itself a sign of hate (Dixon et al., 2018, balance identity terms the same way). They are
// written for training and differ from the functional suites of test/analysis/suites, which judge the result.

interface Forms {
  /** with the definite article: "women", "les femmes" */
  les: string;
  /** indefinite plural: "some women", "des femmes" */
  des: string;
  /** French "aux femmes"; English: same as `les` */
  aux: string;
  /** one person: "a woman", "une femme" */
  un: string;
  /** after "I am" / "je suis" */
  adj: string;
}

const EN_GROUPS: Forms[] = [
  ['women', 'a woman', 'a woman'], ['Muslims', 'a Muslim', 'Muslim'], ['Jews', 'a Jew', 'Jewish'], ['black people', 'a black person', 'black'],
  ['Arabs', 'an Arab', 'Arab'], ['immigrants', 'an immigrant', 'an immigrant'], ['refugees', 'a refugee', 'a refugee'],
  ['gay people', 'a gay man', 'gay'], ['lesbians', 'a lesbian', 'a lesbian'], ['trans people', 'a trans woman', 'trans'],
  ['disabled people', 'a disabled person', 'disabled'], ['Roma', 'a Roma person', 'Roma'], ['Asians', 'an Asian person', 'Asian'],
  ['Christians', 'a Christian', 'Christian'], ['migrants', 'a migrant', 'a migrant'], ['feminists', 'a feminist', 'a feminist'],
  ['queer people', 'a queer person', 'queer'], ['Africans', 'an African', 'African'],
].map(([les, un, adj]) => ({ les, des: `some ${les}`, aux: les, un, adj }));

const FR_GROUPS: Forms[] = [
  ['femmes', 'une femme', 'une femme'], ['musulmans', 'un musulman', 'musulman'], ['juifs', 'un juif', 'juif'], ['Noirs', 'un Noir', 'noir'],
  ['Arabes', 'un Arabe', 'arabe'], ['immigrés', 'un immigré', 'immigré'], ['réfugiés', 'un réfugié', 'réfugié'],
  ['homosexuels', 'un homosexuel', 'homosexuel'], ['gays', 'un gay', 'gay'], ['lesbiennes', 'une lesbienne', 'lesbienne'],
  ['personnes trans', 'une personne trans', 'trans'], ['handicapés', 'un handicapé', 'handicapé'], ['Roms', 'un Rom', 'rom'],
  ['Asiatiques', 'un Asiatique', 'asiatique'], ['chrétiens', 'un chrétien', 'chrétien'], ['migrants', 'un migrant', 'migrant'],
  ['féministes', 'une féministe', 'féministe'], ['musulmanes', 'une musulmane', 'musulmane'], ['Africains', 'un Africain', 'africain'],
].map(([g, un, adj]) => ({ les: `les ${g}`, des: `des ${g}`, aux: `aux ${g}`, un, adj }));

const EN_TEMPLATES = `
{Les} gathered in the park for the summer festival.
A new study on {les} and employment was published today.
The museum opens an exhibition about the history of {les}.
{Les} are part of our community.
We stand with {les}.
My neighbour is {adj} and a great cook.
Happy to see more {les} in politics.
{Les} have the same rights as everyone else.
The charity helps {les} find housing.
Thank you to all the {les} who volunteered this weekend.
{Les} are welcome here.
As {un}, I think the new policy is a good start.
I am {adj} and I am happy.
Our team includes {les} from many backgrounds.
The conference will give a voice to {les}.
{Les} and their families joined the march.
What do {les} think about the election?
{Des} voted for the first time this year.
{Les} deserve to feel safe at work.
I admire the courage of {les}.
Love and solidarity to {les} everywhere.
{Les} are strong and resilient.
How can we make the city better for {les}?
There was a debate about {les} on TV last night.
The survey asked {les} about their working hours.
A fascinating book written by {un}.
I have worked with {les} for years and it has been great.
She is {adj} and proud of it.
The mayor met {des} from the neighbourhood association.
Today is a day to celebrate {les}.
So happy and proud to be {adj}!
Being {adj} has made me who I am.
Our new colleague is {adj}, welcome to the team!
The documentary follows three {les} through their first year at university.
`;

const FR_TEMPLATES = `
{Les} se sont retrouvés au parc pour le festival d’été.
Une nouvelle étude sur l’emploi {des} vient de paraître.
Le musée consacre une exposition à l’histoire {des}.
{Les} font partie de notre quartier.
Nous sommes solidaires {des}.
Mon voisin est {adj} et il cuisine très bien.
On voit enfin {des} en politique, tant mieux.
{Les} ont les mêmes droits que tout le monde.
L’association aide {les} à trouver un logement.
Merci {aux} bénévoles qui ont aidé ce week-end.
{Les} sont les bienvenus ici.
En tant que {un}, je trouve cette réforme plutôt juste.
Je suis {adj} et heureux.
Notre équipe compte {des} de tous horizons.
La conférence donnera la parole {aux}.
{Les} et leurs familles ont rejoint la marche.
Que pensent {les} de l’élection ?
{Des} ont voté pour la première fois cette année.
{Les} ont le droit de se sentir en sécurité au travail.
J’admire le courage {des}.
Amour et solidarité {aux} du monde entier.
{Les} sont forts et courageux.
Comment rendre la ville plus agréable pour {les} ?
Il y a eu un débat sur {les} à la télé hier soir.
L’enquête a interrogé {des} sur leurs horaires de travail.
Un livre passionnant écrit par {un}.
Je travaille avec {des} depuis des années, super ambiance.
Elle est {adj} et fière de l’être.
Le maire a rencontré {des} de l’association du quartier.
Aujourd’hui on célèbre {les}.
Fier d’être {adj}, et heureux de le dire !
Être {adj}, c’est ma force.
Notre nouveau collègue est {adj}, bienvenue dans l’équipe !
Le documentaire suit {des} pendant leur première année à la fac.
Les droits {des} avancent enfin.
{Les} manifestent aujourd’hui pour l’égalité.
`;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function fill(templates: string, groups: Forms[]): Example[] {
  const out: Example[] = [];
  for (const t of templates.split('\n').map((l) => l.trim()).filter(Boolean)) {
    for (const g of groups) {
      // French "des"/"aux" after "de"/"à" contract; the templates are written with them ("histoire {des}").
      const text = t.replace(/\{(\w+)\}/g, (_, slot: string) => {
        const v = g[slot.toLowerCase() as keyof Forms];
        return slot === slot.toLowerCase() ? v : cap(v);
      });
      out.push({ text, label: 0 });
    }
  }
  return out;
}

/** Non-toxic sentences naming groups, English or French, labelled 0. */
export function identityExamples(lang: 'en' | 'fr'): Example[] {
  return lang === 'en' ? fill(EN_TEMPLATES, EN_GROUPS) : fill(FR_TEMPLATES, FR_GROUPS);
}
