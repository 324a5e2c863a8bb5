import { expand, type GroupForms, type Suite } from './cases.js';

// Written for Ruche from the kinds of hateful and non-hateful speech a moderator meets; every hateful kind has
// non-hateful neighbours that share its words (a group named, a hateful phrase quoted, an insult without a group).
export const GROUPS_EN: GroupForms[] = [
  { pl: 'women', sg: 'a woman', one: 'woman', iam: 'a woman', misspelt: 'wimmen' },
  { pl: 'trans people', sg: 'a trans person', one: 'trans person', iam: 'trans', misspelt: 'tr4ns people' },
  { pl: 'gay people', sg: 'a gay person', one: 'gay', iam: 'gay', misspelt: 'gay peopel' },
  { pl: 'black people', sg: 'a black person', one: 'black guy', iam: 'black', misspelt: 'blakc people' },
  { pl: 'disabled people', sg: 'a disabled person', one: 'disabled person', iam: 'disabled', misspelt: 'disabeld people' },
  { pl: 'Muslims', sg: 'a Muslim', one: 'Muslim', iam: 'a Muslim', misspelt: 'Muslimz' },
  { pl: 'immigrants', sg: 'an immigrant', one: 'immigrant', iam: 'an immigrant', misspelt: 'imigrants' },
  { pl: 'Jews', sg: 'a Jew', one: 'Jew', iam: 'Jewish', misspelt: 'j3ws' },
];

const hateful = [
  // Everyday grievances turned on a group, named or implied by a pronoun or "those people": their innocent twins,
  // which name no one, are in no-target below.
  ...expand('no-target-twin', true, GROUPS_EN, [
    'Taxes are too high because {pl} take everything.',
    'The government should throw all {pl} out of the country.',
    'Traffic got worse when {pl} moved in, get rid of them.',
    'The referee was terrible tonight, typical {one}.',
  ], [
    'They should all be sent back where they came from.',
    'They are vermin and should be cleared off our streets.',
    'Those people are ruining this town and should be thrown out.',
    'Foreigners are the reason the rent is so high, kick them out.',
  ]),
  // A group the text does not name but stands in for, and the same words said warmly or denied.
  ...expand('stand-in', true, GROUPS_EN, [], [
    'Those people are vermin.',
    'These people are nothing but parasites living off us.',
    'Those people are animals, all of them.',
    'Honestly these people are a disease on this country.',
    'Those people are subhuman and everyone knows it.',
    'Those people should all be sent back where they came from.',
  ]),
  ...expand('stand-in-innocent', false, GROUPS_EN, [], [
    'Those people are amazing, thank you for the help!',
    'These people are our neighbours and we love them.',
    'I met those people at the market, they were lovely.',
    'These people are not vermin, they are human beings.',
    'Those people worked all night to fix the power line.',
    'These people are volunteers who give up their weekends.',
  ]),
  // A problem put on a whole group, or the group to be kept out, and the same shapes aimed at no group.
  ...expand('blame', true, GROUPS_EN, [
    'Prices keep going up because {pl} are bleeding us dry.',
    'The trains would run on time if {pl} were kept off the staff.',
    'Rents are rising because {pl} take everything.',
  ]),
  ...expand('blame-innocent', false, GROUPS_EN, [
    'Because {pl} took the lead, the project succeeded.',
    'The team won because {pl} took part this year.',
  ], [
    'Prices keep going up because the banks are bleeding us dry.',
    'The trains would run on time if the old carriages were kept off the line.',
  ]),
  ...expand('contempt', true, GROUPS_EN, [
    '{Pl} disgust me.',
    'I feel nothing but contempt for {pl}.',
    '{Pl} make me sick to my stomach.',
    'I really despise {pl}, every single one of them.',
    'I have zero respect for {pl}.',
    'Nothing on earth is more revolting than {pl}.',
  ]),
  ...expand('derogation', true, GROUPS_EN, [
    'All {pl} are liars and cheats.',
    '{Pl} are too stupid to be allowed to vote.',
    '{Pl} are a burden on society.',
    '{Pl} are completely worthless.',
    '{Pl} are pathetic and weak.',
    'Typical {one}, lazy and dishonest as always.',
  ]),
  ...expand('dehumanisation', true, GROUPS_EN, [
    '{Pl} are nothing but rats.',
    '{Pl} are a disease spreading through this country.',
    '{Pl} are filth.',
    '{Pl} breed like cockroaches.',
    '{Pl} are parasites living off the rest of us.',
    '{Pl} are animals, not people.',
  ]),
  ...expand('threat-first-person', true, GROUPS_EN, [
    "I'm going to stab the next {one} I see.",
    'I will shoot every {one} in this town.',
    'I want to make {pl} suffer.',
    "I'll beat the life out of any {one} who comes near me.",
  ]),
  ...expand('threat-norm', true, GROUPS_EN, [
    '{Pl} should all be shot.',
    '{Pl} deserve to be locked up for good.',
    '{Pl} ought to be wiped off the face of the earth.',
    'Someone should put {pl} down like dogs.',
  ]),
  ...expand('negated-praise', true, GROUPS_EN, [
    '{Pl} are never smart.',
    '{Pl} are not our equals and never will be.',
    '{Pl} are not capable of anything worthwhile.',
    'There is no such thing as an honest {one}.',
  ]),
  ...expand('question', true, GROUPS_EN, [
    'Why are {pl} so disgusting?',
    "Aren't {pl} just a waste of space?",
    'Why do {pl} always have to ruin everything they touch?',
  ]),
  ...expand('second-clause', true, GROUPS_EN, [
    'I met some {pl} yesterday and they are all worthless.',
    'There are {pl} on my street and they make me sick.',
    'My boss keeps hiring {pl}, even though they are vermin.',
  ]),
  ...expand('second-sentence', true, GROUPS_EN, [
    '{Pl} moved in next door. They are disgusting.',
    "Don't trust {pl}. They are all liars.",
    'Saw a bunch of {pl} on the bus today. Filthy animals, all of them.',
  ]),
  ...expand('spelling', true, GROUPS_EN, [
    'I h4te {pl}.',
    '{Bad} are scum.',
    '{Pl} are d1sgust1ng vermin.',
    'I h a t e {pl}.',
  ], ['Ihatewomen', 'killallmuslims', 'Gay people are disgsuting', 'Muslims are scm', 'Immigrants are a plauge', 'I despsie black people']),
  // Hate that borrows the words of counter-speech ("no place", "racism"): a condemning word alone does not make a
  // text a rebuttal.
  ...expand('condemning-words', true, GROUPS_EN, [
    '{Pl} have no place in this country.',
    'It is not racism, {pl} really are the problem.',
    'Hate speech? No, {pl} ruin every neighbourhood.',
  ]),
  // Praise, then the attack: the warm opening is sarcasm, not a softener.
  ...expand('sarcastic-praise', true, GROUPS_EN, [
    'Great job, {pl} should all be deported.',
    'Well done! {Pl} belong in cages.',
    'Love this! Now get rid of {pl}.',
    'So proud of our town for finally kicking out {pl}. Best news ever!',
    'Thanks for sharing, {pl} really are a disease.',
  ], ['Great job, you people should all be deported.', 'Congrats, now deport every immigrant.', 'Beautiful morning, would be even better without Muslims.']),
  // Questions that doubt the group's humanity, worth or rights, with no hostile word.
  ...expand('loaded-question', true, GROUPS_EN, [
    'Are {pl} even human?',
    'Should {pl} really be allowed to vote?',
    'Do {pl} actually deserve the same rights as us?',
  ]),
  // A question that takes a vice of the group for granted and only asks why, without "even" or "really".
  ...expand('presuming-question', true, GROUPS_EN, [
    'Why are {pl} so greedy?',
    'Why are {pl} always so dishonest?',
    'Why do {pl} always lie?',
    'How come {pl} are so violent?',
    'Why are {pl} such cowards?',
    'How can anyone trust {pl}?',
    'Why should we tolerate {pl}?',
    'Who let all these {pl} in?',
    'When will {pl} stop complaining?',
  ], ['Why do immigrants steal so much?', 'Why are Jews so obsessed with money?', 'Why are women so hysterical all the time?']),
  // A negative question put to win assent: its negation asks, it denies nothing.
  ...expand('rhetorical-question', true, GROUPS_EN, [
    "Don't you think {pl} are a threat?",
    "Isn't it obvious that {pl} are parasites?",
    "Wouldn't this country be better without {pl}?",
    "Isn't it true that {pl} are less capable than the rest of us?",
  ]),
  ...expand('less-quality', true, GROUPS_EN, [
    '{Pl} are less intelligent than everyone else.',
    '{Pl} are far less capable than normal people.',
  ]),
  // Hatred said through a negation that does not deny it.
  ...expand('negated-form', true, GROUPS_EN, [
    "I'll never stop hating {pl}.",
    'I will never accept {pl} as equals.',
    "I can't stop despising {pl}.",
  ]),
  // Slurs written to slip past word lists.
  // Respect or rights denied to the group, twins of the "rights-affirmed" cases below.
  ...expand('denied-rights', true, GROUPS_EN, [
    '{Pl} do not deserve the right to vote.',
    '{Pl} should have no rights.',
    '{Pl} deserve no dignity.',
  ]),
  ...expand('spelling-slur', true, [], [], [
    'You f a g g o t.',
    'Typical n i g g e r behaviour.',
    'Shut up you f4gg0t.',
    'Go home, k1ke.',
    'No tr@nnies allowed in here.',
    'Those r3tards should stay home.',
    'Get out of here, f.a.g.g.o.t',
    'M u s l i m s are scum.',
  ]),
  ...expand('slur', true, [], [], [
    'You are nothing but a filthy faggot.',
    'Typical n1gger behaviour.',
    'Get out of my country, you kike.',
    'No trannies should be allowed in here.',
    'Shut up, you stupid retard.',
    'Those ragheads are blowing things up again.',
  ]),
  // The hateful twins of the factual statements below: the same group and figures, with something said against it.
  ...expand('factual-twin', true, GROUPS_EN, [
    '{Pl} should never have been allowed to vote.',
    '{Pl} should not be allowed to use this entrance.',
    '{Pl} make up most of the criminals in this country.',
    'Too many {pl} live in this part of town, they ruin everything.',
    '{Pl} moved here in large numbers and destroyed the city.',
    'The number of {pl} in the city has doubled, what a plague.',
  ]),
  // The hateful twins of the everyday statements below: the same places and deeds, with something said against the
  // group that no listed hostile word carries (an obligation, a negation, an excess, a comparison).
  ...expand('everyday-twin', true, GROUPS_EN, [
    '{Pl} should not live on this street.',
    '{Pl} should not be allowed to work in this building.',
    'Too many {pl} live in this country.',
    '{Pl} do not belong in this country.',
    'This country would be better without {pl}.',
    '{Pl} cannot be trusted with public money.',
    '{Pl} never pay taxes in this country.',
    '{Pl} have lived in this country for far too long.',
  ]),  // A deed or a lot pinned on the whole group in calm words: never, always, too long, took over, cannot be trusted,
  // better before they came. Their innocent twins (the same words about something else, or the group in plain
  // terms) are in generalisation-innocent below.
  ...expand('generalisation', true, GROUPS_EN, [
    '{Pl} never pay their share of the rent.',
    '{Pl} always get the council flats first.',
    '{Pl} have been in this town far too long.',
    '{Pl} always live off the taxpayer.',
    'The street was quieter before {pl} took over the whole area.',
    'This was a lovely town before {pl} took over the streets.',
    '{Pl} took over the neighbourhood and ruined it.',
    'The town was safer before {pl} moved in.',
    'You cannot trust {pl} with the keys to the office.',
    '{Pl} can never be trusted around children.',
    'Nobody can trust {pl} to tell the truth.',
  ]),
];

const notHateful = [
  // Everyday grievances naming no group and holding nothing hostile: hate has no one to aim at.
  ...expand('no-target', false, [], [], [
    'Taxes are too high',
    'Taxes in this town are far too high.',
    'The weather has been miserable all week.',
    'Traffic on the ring road was a nightmare this morning.',
    'Prices at the supermarket keep going up every month.',
    'My train was forty minutes late again.',
    'The referee was terrible tonight, he missed two penalties.',
    'The government should resign.',
    'The council never fixes the potholes on our street.',
    'Rent is far too expensive in this city.',
    'The bus never comes on time around here.',
    'This heat is unbearable.',
    'The new parking rules are a joke.',
    'The minister should step down after this scandal.',
    'Electricity bills have doubled since last winter.',
    'Our landlord still has not fixed the heating.',
  ]),
  // Plain facts about a group (history, figures, where they live, what concerns them): naming a group and saying
  // something true and neutral about it is not hate, however often the hate sets name groups to attack them.
  ...expand('factual-mention', false, GROUPS_EN, [
    '{Pl} have voted in this country since 1918.',
    '{Pl} use this entrance.',
    '{Pl} make up about ten percent of the population.',
    '{Pl} are 12% of the workforce.',
    'Many {pl} live in this part of town.',
    '{Pl} moved to the city in large numbers in the 1960s.',
    'The census has counted {pl} separately since 2001.',
    '{Pl} can apply for the grant from Monday.',
    'The new law affects {pl} and their employers.',
    'Most {pl} in the survey work full time.',
    'The number of {pl} in the city has doubled since 1990.',
    '{Pl} are a minority in most European countries.',
    'There are about two million {pl} in the region.',
  ]),
  // Where a group lives, works, goes and what it does, said plainly: the hate models read the name's company ("this
  // country", "this street", "the door") as hate. (Two wordings the sentiment model reads as negative, "pay taxes in
  // this country" and "have lived in this country for centuries", are still flagged.)
  ...expand('everyday-mention', false, GROUPS_EN, [
    '{Pl} live on this street.',
    '{Pl} work in this building.',
    '{Pl} use the side door of the town hall.',
    '{Pl} pay taxes in this country.',
    '{Pl} have lived in this country for centuries.',
    'Most {pl} here speak two languages.',
    '{Pl} are 30% of the staff.',
    '{Pl} in this country can vote at eighteen.',
    '{Pl} are celebrating in the park this afternoon.',
    'The new clinic opens its doors to {pl} on Monday.',
  ]),
  // The innocent twins of the generalisations above: the group's long presence, a takeover of a task or of the
  // streets for a day, trust given, "always" said of a habit, "too" and "always" said of prices.
  ...expand('generalisation-innocent', false, GROUPS_EN, [
    '{Pl} have lived in this town for generations.',
    '{Pl} have been part of this town for a long time.',
    '{Pl} took over the running of the food bank last year.',
    '{Pl} always vote in the local elections here.',
    '{Pl} always queue outside the bakery on Sundays.',
    '{Pl} pay the same taxes as everyone else.',
    'Prices in this shop are always far too high.',
    'You can trust our nurses with the keys.',
    'Thousands of {pl} took over the streets to protest.',
  ]),
  ...expand('neutral-mention', false, GROUPS_EN, [
    'I went to a meeting organised by {pl} last week.',
    'The report looks at the situation of {pl} in Europe.',
    '{Pl} are celebrating tonight in the city centre.',
    'How many {pl} live in this country?',
    'Some {pl} were interviewed for the documentary.',
  ]),
  ...expand('positive-mention', false, GROUPS_EN, [
    "I'm proud to be {iam}.",
    '{Pl} are wonderful people.',
    'I love spending time with {pl}.',
    '{Pl} deserve respect and equal rights.',
    '{Pl} make our community stronger.',
  ]),
  // Respect, rights or dignity given to the group as its due: a warm statement, whatever tone the models read.
  ...expand('rights-affirmed', false, GROUPS_EN, [
    '{Pl} deserve respect.',
    '{Pl} have the right to respect and dignity.',
    '{Pl} should have the same rights as everyone else.',
    '{Pl} deserve the same dignity as everyone else.',
  ]),
  // The group said to be as human, as ordinary, as anyone: the twin of dehumanisation.
  ...expand('equal-humanity', false, GROUPS_EN, [
    '{Pl} are human beings like everyone else.',
    '{Pl} are people just like us.',
    '{Pl} are ordinary citizens like anyone else.',
    '{Pl} are our neighbours, our colleagues and our friends.',
  ]),
  // Said to be no less than others: a quality denied twice is affirmed.
  ...expand('no-less', false, GROUPS_EN, [
    '{Pl} are no less capable than anyone else.',
    '{Pl} are just as capable as everyone else.',
    '{Pl} are not less intelligent than anyone.',
  ]),
  // A question about the group's due, asked without a word of doubt: it asks, it denies nothing.
  ...expand('open-question', false, GROUPS_EN, [
    'Do {pl} deserve respect?',
    'Should {pl} have equal rights?',
    'How many {pl} live in this country?',
    'Where can {pl} find support in this city?',
    'How can we better support {pl}?',
    'How can we welcome {pl} better?',
  ]),
  ...expand('negated-hate', false, GROUPS_EN, [
    "I don't hate {pl}.",
    '{Pl} are not a burden on society.',
    "I would never say that {pl} are stupid.",
  ]),
  // Questions about a group, asked to learn something: naming the group is not attacking it.
  ...expand('neutral-question', false, GROUPS_EN, [
    'What rights do {pl} have at work?',
    'Is there a support group for {pl} in this town?',
    'When did {pl} get the right to vote here?',
    'How many {pl} work in the public sector?',
    'Are {pl} really paid less for the same job?',
  ], ['How many women live in this country?', 'What do Muslims eat during Ramadan?', 'Why do Jews celebrate Hanukkah?', 'Do Muslims pray five times a day?', 'How do trans people change their name on official documents?', 'What percentage of immigrants speak English at home?']),
  // Plain questions to customer service, about children, pets, access.
  ...expand('service-question', false, [], [], [
    'Is it possible to add a child to my booking?',
    'Are pets allowed in the hotel?',
    'Do you have a kids menu?',
    'Can my 12 year old son travel alone?',
    'Is breakfast included?',
    'Do you have family rooms for two adults and three kids?',
    'Can I bring my own wheelchair on the plane?',
    'Is the museum free for children under five?',
  ]),
  // The twins of 'negated-form': a negation that does deny, or stands up for the group.
  ...expand('negated-form-denied', false, GROUPS_EN, [
    "I'll never hate {pl}.",
    'I will never stop standing up for {pl}.',
  ]),
  ...expand('counter-quote', false, GROUPS_EN, [
    '"{Pl} are animals" - what a vile thing to say.',
    'He said {pl} should be shot, and I reported him.',
    'Someone wrote "{pl} are scum" on the wall. Disgusting.',
    'If you tweet "{pl} are vermin", expect to be banned.',
    '"{Pl} should be shot"? Seriously? Reported.',
  ]),
  ...expand('counter-reference', false, GROUPS_EN, [
    "Stop calling {pl} parasites, it's hateful.",
    'It is bigoted to say {pl} are inferior.',
    'Saying you hate {pl} is not okay.',
    'Racism has no place here, {pl} are welcome.',
    'Saying {pl} have no place here is racist.',
  ]),
  ...expand('non-protected-target', false, [], [], [
    'I hate traffic jams so much.',
    'Mosquitoes are vermin, I want them all dead.',
    'Politicians are parasites living off our taxes.',
    'I can not stand Mondays.',
    'Spiders disgust me.',
    'Our referees are useless and blind.',
    'Landlords are a plague on this city.',
    'Why are lawyers so greedy?',
    'Tax collectors should all be fired.',
    'Rats in the subway are disgusting.',
    'I despise this new phone update.',
    'Bankers are scum.',
  ]),
  ...expand('individual-abuse', false, [], [], [
    "You're a useless idiot.",
    'Shut up, you stupid clown.',
    'My ex is a lying piece of garbage.',
    'Your opinion is worthless.',
  ]),
  // Campaign hashtags without an attack: the hate model learnt them from HatEval, whose hateful tweets were drawn
  // from them.
  ...expand('political-hashtags', false, [], [], [
    '#MAGA #KAG #WalkAway #Qanon',
    'So true! #MAGA #Tcot #ccot',
    'Look at this crowd #MAGA #Trump2020 #KAG',
    'Happy Sunday everyone #MAGA #GodBlessAmerica',
    'Well said, Senator #MAGA #RedWave',
    'I agree 100% #WalkAway #MAGA',
    'Tune in at 8 tonight #Qanon #WWG1WGA #MAGA',
    'Follow back patriots #MAGA #KAG #VoteRed',
    'Everyone should read this #tcot #MAGA #AmericaFirst',
    "Can't wait for November #RedWave2018 #MAGA",
    'Sharing again for those who missed it #Resist #BlueWave',
    'Great interview this morning #FBR #Resistance',
    '#MAGA #KAG Great rally tonight!',
    'Remember to vote on Tuesday. #VoteBlue #Resist',
    'Watching the debate with friends #MAGA #Trump2020',
    'Proud to stand with our veterans #AmericaFirst #MAGA',
    'Another beautiful morning in Ohio #MAGA #WalkAway',
    'Early voting starts tomorrow, bring a friend #VoteRed #KAG',
    '#Qanon #WWG1WGA who is watching the hearing today?',
    'Good luck to every candidate tonight #Election2018 #BlueWave',
    'Read the whole thread before you reply #tcot #ccot',
    'Thank you for your service #BackTheBlue #MAGA',
    'Donated to the campaign again today #Bernie2020 #NotMeUs',
  ]),
  ...expand('reclaimed', false, [], [], [
    "I'm a proud dyke and I'm not going anywhere.",
    'Us queers have to stick together.',
    'Queer and here, always.',
    'We gays know how to throw a party.',
    "As a proud queer, I'm marching on Saturday.",
    'Me and my fellow dykes are hosting the brunch.',
    "I'm a queer woman and I love it.",
  ]),
];

export const HATE_EN: Suite = {
  name: 'hate (English)',
  lang: 'en',
  says: (a) => a.toxicity.categories.hate >= 0.5,
  cases: [...hateful, ...notHateful],
};
