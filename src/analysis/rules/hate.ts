import { matches, rule } from './plain.js';
import { RuleGate } from './phrases.js';

// The plain text these rules read has group names as GRP, and the words of the hate vocabulary as their class
// (lexicon/derogatory.ts): DEROG, DEHUM, PRAISE, CONTEMPT, REVULSION, HURT. "GRP are DEHUM" is short to match.
const BAD = '(?:DEROG|DEHUM)';
// Quantifiers and articles between a verb and the group: "all the", "every", "tous les", "ces".
const Q = '(?:(?:all|the|those|these|every|any|each|some|of|fucking|filthy|dirty|les|ces|tous|toutes|des|de|ses|ce|cette|sale|sales|aux|a|au|un|une|next|prochain|prochaine|chaque|chacun|chacune|every single|each and every|a few|a couple of|quelques|plusieurs|le prochain|la prochaine|les prochains) )*';
// Words between the group and what is said of it, checked for a negation ("… are not vermin").
const GAP = (n: number, name: string) => `(?<${name}>(?: \\w+){0,${n}}?)`;
const COPULA_EN = '(?:are|r|is|were|remain|will always be|will be|have always been|are always|become|became|are nothing more than|are no more than|are nothing but|are little more than)';
const COPULA_FR = '(?:sont|est|etaient|restent|resteront|seront|ne sont que|sont que|ne seront jamais que|deviennent|soient|seraient|valent pas mieux que|ne valent pas mieux que|ne valent guere mieux que|ne sont rien de plus que|sont rien de plus que|ne sont rien d autre que|sont rien d autre que|ne sont guere plus que)';
const SUBJ_EN = '\\b(?:i|we|i m|im|i am|we are|we re|everyone|everybody|people|honestly i|personally i|me and (?:my|the) \\w+|my (?:\\w+ )?(?:friends|mates|boys|brothers|crew|guys) and i|us)';
const SUBJ_FR = '\\b(?:je|j|moi je|on|nous|perso je)';
const SENT_END = '(?: \\.)?';
// What follows a verb of harm when nobody is harmed: "kill it", "shoot some photos of …".
const NOT_HARMED = '(?! (?:it|this|that)\\b)(?! (?:some |a |the |a few |few |our |more )?(?:photos|photo|pics|pictures|picture|video|videos|film|footage|scenes|scene|hoops|portraits|shots)\\b)';
// Places a group is kept out of for its own good: "out of detention", "loin de la misère".
const SHELTER = '(?! (?:of|from|du|des|de) (?:the |la |le |l )?(?:detention|prison|prisons|jail|poverty|danger|dangers|harm|trouble|the cold|the rain|camps|camp|rue|misere|violence|violences)\\b)';

// A place taken for a day, to march, pray or celebrate ("… took over the streets to demand equal pay", "… ont envahi
// la ville pour la marche des fiertés"): no takeover.
const FOR_A_DAY = '(?!(?: \\w+){0,12}? (?:protest|protests|protesting|demand|demanding|march|marching|pride|celebrate|celebrating|celebration|festival|parade|party|prayer|prayers|pray|eid|dance|dancing|demonstrate|demonstration|strike|rally|vigil|weekend|manifester|manifestation|manifestations|reclamer|celebrer|feter|fete|fiertes|defile|defiler|priere|prieres|prier|greve|rassemblement|exiger|protester|denoncer|carnaval|week end)\\b)';

// Each pattern is only tried on a text holding one of its key words (classes as written, other words as
// skeletons): most texts that name a group hold none.
const keys = (words: string): Set<string> => new Set(words.split(' ').map((w) => (/^[A-Z]+$/.test(w) ? w : rule(w).source)));

// Marks a pattern whose negation words are rhetorical ("nothing is more vile than …"), never a denial.
const ASSERTED = true;

const PATTERNS: [name: string, re: RegExp, needs: Set<string>, asserted?: boolean][] = [
  // Contempt and disgust, in the first person or said of what the group does to the speaker.
  ['hate-verb', rule(`${SUBJ_EN}${GAP(2, 'g1')} CONTEMPT${GAP(3, 'g2')} ${Q}GRP`), keys('CONTEMPT')],
  ['contempt', rule(`GRP(?: \\.)?${GAP(2, 'g1')} REVULSION\\b`), keys('REVULSION')],
  ['contempt', rule(`\\b(?:nothing|no one|noone|nobody|nothing on earth|nothing in the world)(?: \\w+){0,3} (?:more|as|worse|lower|less)(?: \\w+)? (?:than|as) ${Q}GRP`), keys('nothing noone nobody one')],
  // What is said of the group: demeaning words, likened to animals, dirt or disease, denied a quality.
  ['derogation', rule(`GRP${SENT_END} ${COPULA_EN}${GAP(3, 'g1')} ${BAD}\\b`), keys('DEROG DEHUM')],
  // A sentence without a verb after the one naming the group: "… on the bus. Filthy animals." "Des animaux."
  ['derogation', rule(`GRP(?: \\w+){0,8} \\. (?:(?:des|de la|du|such|what|a bunch of|bunch of|filthy|dirty|just|all|que|juste|tous|toutes|sales|sale|bande de|these|those|les|ces) )*${BAD}\\b`), keys('DEROG DEHUM')],
  ['derogation', rule(`\\btypical GRP(?: \\w+| \\.){0,5}? DEROG\\b`), keys('typical')],
  ['dehumanisation', rule(`GRP (?:breed|multiply|swarm|infest|are infesting|are swarming|spread|act|behave|live)(?: like)?${GAP(2, 'g1')} DEHUM\\b`), keys('DEHUM')],
  ['dehumanisation', rule(`GRP (?:breed|multiply|swarm) like\\b`), keys('breed multiply swarm')],
  ['denied-quality', rule(`GRP${SENT_END} (?:are|is|were|will|can|could|would)(?: \\w+)? (?:not|never|no|hardly|nowhere near|far from)(?: be| ever be| even)?${GAP(2, 'g1')} PRAISE\\b`), keys('PRAISE')],
  ['denied-quality', rule(`\\b(?:no such thing as|never met|never seen|never known) (?:a |an )?(?:good|honest|smart|decent|intelligent|nice|normal|trustworthy|clean|kind|hardworking) GRP`), keys('good honest smart decent intelligent nice normal trustworthy clean kind hardworking')],
  ['denied-quality', rule(`\\bno GRP (?:is|can be|are|will ever be|has ever been)(?: \\w+)? PRAISE\\b`), keys('PRAISE')],
  // Less of a quality than others, said of the group as a whole: "… are less intelligent", "… sont moins capables".
  ['denied-quality', rule(`GRP${SENT_END} ${COPULA_EN}(?: much| far| way| a lot| so much)? less PRAISE\\b`), keys('PRAISE')],
  // Denied an ability: "… can't think", "… ne savent pas conduire".
  ['denied-quality', rule(`GRP (?:can not|cannot|cant|could never|will never be able to|are unable to|are incapable of|ne savent pas|ne savent meme pas|savent pas|ne peuvent pas|peuvent pas|sont incapables de|ne sauront jamais|ne pourront jamais)(?: even| meme)? (?:think|drive|learn|lead|understand|reason|behave|integrate|be trusted|control themselves|do anything right|do math|do maths|write|read|work|compete|be educated|conduire|penser|reflechir|apprendre|diriger|comprendre|raisonner|se comporter|s integrer|travailler|se controler|rien faire de bien|etre eduques)\\b`), keys('think drive learn lead understand reason behave integrate trusted control math maths write read work compete educated conduire penser reflechir apprendre diriger comprendre raisoner comporter integrer travailer controler rien eduques')],
  ['hate-question', rule(`\\bwhy (?:are|do|does|is|should|must|would|can not|cant|do not)(?: \\w+)? ${Q}GRP${GAP(5, 'g1')} (?:${BAD}|REVULSION|ruin|stink|smell|lie|steal|whine)\\b`), keys('why')],
  ['hate-question', rule(`\\b(?:are not|arent|is not|isnt)(?: \\w+)? ${Q}GRP${GAP(3, 'g1')} ${BAD}\\b`), keys('DEROG DEHUM')],
  // Doubt cast on the group's humanity, worth or rights: "are … even human?", "should … really be allowed to vote?".
  // ("human" is read as PRAISE.)
  ['hate-question', rule(`\\b(?:are|is|were) ${Q}GRP (?:even|really|actually|truly) (?:PRAISE|capable|able|fit)\\b`), keys('PRAISE capable able fit'), ASSERTED],
  ['hate-question', rule(`\\b(?:should|do|does|can|must|could)(?: we)? ${Q}GRP (?:even |really |actually |truly |seriously )+(?:be allowed|be trusted|be given|be PRAISE|deserve|have the right|get to)\\b`), keys('allowed trusted given PRAISE deserve right get'), ASSERTED],
  ['hate-question', rule(`GRP (?:sont|est|seraient|etaient) (?:ils|eles|il|elle|GRP) (?:vraiment|reellement|seulement|meme|au moins|tous)(?: des| de| d)? PRAISE\\b`), keys('PRAISE'), ASSERTED],
  ['hate-question', rule(`\\b(?:faut il|faudrait il|doit on|devrait on|peut on|est ce qu il faut|est ce qu on doit)(?: vraiment| reellement| encore| seulement| meme)+ (?:laisser|accepter|autoriser|donner|tolerer|garder|respecter) ${Q}GRP`), keys('laisser accepter autoriser donner tolerer garder respecter'), ASSERTED],
  ['hate-question', rule(`GRP (?:meritent|merite|deserve|deserves)(?: ils| eles| il| elle| GRP)? (?:vraiment|reellement|seulement|meme|really|actually|even|truly) (?:les memes droits|le droit|des droits|nos droits|the same rights|equal rights|rights|any rights|our respect|respect|le respect|PRAISE)`), keys('meritent merite deserve deserves'), ASSERTED],
  ['distrust', rule(`\\b(?:never trust|do not trust|dont trust|beware of|watch out for|keep away from|stay away from|keep your kids away from|keep your daughters away from) ${Q}GRP`), keys('trust beware watch away')],
  // The group said to have stayed too long, or to live off others, as a whole: "… have lived here far too long",
  // "… always live off benefits".
  ['overstay', rule(`GRP(?: \\w+)? (?:(?:have lived|have stayed|lived|live|stay|have hung around)(?: here| over here| in (?:this|our|the|my) (?:country|town|city|neighbourhood|neighborhood|street|area|region|building|school|west|uk|us))?|(?:have been|are|have been living)(?: here| over here| in (?:this|our|the|my) (?:country|town|city|neighbourhood|neighborhood|street|area|region|building|school|west|uk|us))) (?:for )?(?:far |way |much |a lot |already )?too long\\b`), keys('long')],
  ['scrounging', rule(`GRP(?: \\w+)? (?:always|only|just|all|still)+ (?:live off|live on|sponge off|scrounge off|scrounge|milk|abuse|leech off|feed off|bleed)(?: the)? (?:benefits|welfare|system|state|taxpayer|taxpayers|nhs|handouts|us|our taxes)\\b`), keys('live sponge scrounge milk abuse leech feed bleed')],
  // ("Can not trust", "never trust" are words of contempt already.)
  ['distrust', rule(`\\b(?:you cannot trust|you should not trust|you shouldnt trust|no one can trust|nobody can trust|noone can trust|one cannot trust) ${Q}GRP`), keys('trust')],
  // The group said to have taken a place over or to be invading it: "… took over the neighbourhood", "the invasion of …".
  ['takeover', rule(`GRP(?: \\w+)? (?:took|have taken|has taken|are taking|is taking|will take|want to take|are trying to take|slowly took) over(?: (?:the|our|this|my|whole|entire|all|of|every))* (?:neighbourhood|neighborhood|neighbourhoods|neighborhoods|city|cities|town|towns|country|countries|street|streets|area|areas|school|schools|place|west|europe|america|britain|england|france|london|paris|everything)\\b${FOR_A_DAY}`), keys('took taken taking take')],
  ['better-before', rule(`\\b(?:better|nicer|safer|quieter|cleaner|lovely|lovelier|great|greater|happier)(?: \\w+)? before ${Q}GRP (?:came|arrived|moved in|showed up|got here|took over|were let in|started coming|started moving in|flooded in|poured in)\\b`), keys('before')],
  ['takeover', rule(`\\b(?:invasion|invaded by|overrun by|overrun with|flooded by|flooded with|swamped by|swamped with|taken over by|colonised by|colonized by) (?:of |by )?${Q}GRP`), keys('invasion invaded overrun flooded swamped taken colonised colonized')],
  // Questions that presume the group cannot be trusted or borne, or should not have been let in: "How can anyone
  // trust …?", "Why should we tolerate …?", "Who let all these … in?", "When will … stop …?".
  ['hate-question', rule(`\\b(?:how can|how could|who would|who could|who can|why would|why should|why do|why must) (?:(?:anyone|anybody|you|we|one|i|people|they|any sane person)(?: ever| still| even| possibly| keep| continue to| have to)* (?:trust|tolerate|put up with|stand|believe)|(?:anyone|anybody|any sane person)(?: ever| still| even| possibly)* (?:accept|respect|hire|like|love|date|marry))(?: a| an| any)? ${Q}GRP`), keys('trust tolerate put stand believe accept respect hire like love date marry')],
  ['hate-question', rule(`\\b(?:who let|who allowed|who invited|why did we let|why do we let|why are we letting|why did they let|why do they let)(?: all| so many| more)? ${Q}GRP (?:in|into|here|through|come|over)\\b`), keys('let allowed invited letting')],
  ['hate-question', rule(`\\bwhen (?:will|are|do|does|is)(?: all)? ${Q}GRP(?: \\w+)? (?:stop|quit|learn|leave|go home|go back|get out|be gone)\\b`), keys('stop quit learn leave go get gone')],
  // Harm: calls for it, wishes, and first-person threats against the group.
  ['exclusion-call', rule(`GRP${SENT_END} (?:should|must|need to|needs to|ought to|deserve to|deserves to|have to|has to|are going to|will|shall|better)(?: all| be| just| simply| really| finally| get| got| to)* HURT\\b`), keys('HURT')],
  ['exclusion-call', rule(`\\b(?:someone|somebody|people|we|they|the government|you|they all) (?:should|must|need to|ought to|has to|have to|better)(?: \\w+)? HURT(?: \\w+){0,2}? ${Q}GRP`), keys('HURT')],
  ['exclusion-call', rule(`\\b(?:put|wipe|round|lock|send|kick|throw|hunt|gun|mow) ${Q}GRP (?:down|out|up|away|back|off)\\b`), keys('put wipe round lock send kick throw hunt gun mow')],
  ['violence-call', rule(`\\b(?:kill|exterminate|gas|deport|lynch|hang|shoot|get rid of|round up|wipe out|ban|eradicate|purge|send back|death to|burn|nuke|bomb) ${Q}GRP`), keys('kill exterminate gas deport lynch hang shoot rid round wipe ban eradicate purge send death burn nuke bomb')],
  ['group-threat', rule(`${SUBJ_EN}${GAP(2, 'g1')} (?:will|l|ll|d|going to|gonna|want to|wanna|would love to|cant wait to|can not wait to|am going to|m going to|shall|plan to|intend to|am gonna|m gonna|re going to|are going to)(?: \\w+)? HURT${NOT_HARMED}(?: \\w+){0,5}? ${Q}GRP`), keys('HURT')],
  ['group-threat', rule(`${SUBJ_EN}${GAP(3, 'g1')} (?:make|watch|see|let) ${Q}GRP (?:suffer|burn|die|bleed|hang|scream|pay|beg)\\b`), keys('suffer burn die bleed hang scream pay beg')],
  ['slur-adjective', rule(`\\b(?:filthy|dirty|disgusting|stupid|fucking|typical|damn|bloody|lazy|greedy|smelly|sale|sales|salete de|saloperie de|bande de|espece de|putain de|ces putains de|sous) GRP`), keys('filthy dirty disgusting stupid fucking typical damn bloody lazy greedy smelly sale sales salete saloperie bande espece putain putains sous')],
  ['no-group-allowed', rule(`\\bno GRP (?:allowed|welcome|wanted)\\b|\\bGRP (?:not welcome|go home|out)\\b${SHELTER}|\\bGRP get out\\b`), keys('allowed welcome wanted home out')],
  // Hatred as a noun, owned by the speaker: "my hatred for …", "I have nothing but disgust for …".
  ['contempt', rule(`\\b(?:my|our|i have|i feel|i have nothing but|i feel nothing but|i ve got)(?: \\w+){0,2}? (?:hatred|hate|contempt|disgust|loathing|rage|anger|revulsion|aversion)(?: \\w+)? (?:for|of|towards|toward|against|at) ${Q}GRP`), keys('hatred hate contempt disgust loathing rage anger revulsion aversion')],
  // Compared with the worst: "is there anything more pathetic than …", "nobody is dirtier than …".
  ['contempt', rule(`\\b(?:more|less|any more|anything more|nothing more|plus|moins)(?: de)? ${BAD}(?: \\w+){0,2}? (?:than|que|qu) ${Q}GRP`), keys('DEROG DEHUM'), ASSERTED],
  ['contempt', rule(`\\b(?:makes me|make me|gets me|get me|me rend|me rendent|me met)(?: \\w+)? (?:angrier|madder|sicker|more angry|more disgusted|more sick|plus malade|plus en colere|plus en rage) (?:than|que|qu) ${Q}GRP`), keys('angrier madder sicker angry disgusted sick malade colere rage'), ASSERTED],
  // Called names in a bunch: "…, bande de merdes", "… are a pack of animals".
  ['derogation', rule(`GRP(?: \\.)?(?: c est| ce sont| are| r| sont)? (?:une |a |just a )?(?:bande de|bande d|espece de|tas de|bunch of|pack of|load of|herd of|troupeau de) (?:\\w+ )?${BAD}\\b`), keys('bande espece tas bunch pack load herd troupeau')],
  // Better off without the group: "the world would be better without …", "le pays irait mieux sans …".
  ['exclusion-call', rule(`\\b(?:better|better off|safer|cleaner|nicer|happier|great again|mieux|meilleur|meilleure|plus sur|plus sure|plus propre|plus belle|plus beau)(?: \\w+){0,3}? (?:without|sans) ${Q}GRP`), keys('better safer cleaner nicer happier great mieux meilleur meilleure sur sure propre belle beau')],
  // Where the group belongs: "… belong in a zoo", "la place des … est en prison".
  ['exclusion-call', rule(`GRP (?:belong|belongs|should be kept|should stay|should live|should be locked) (?:in|at|on|behind) (?:a |the |an )?(?:zoo|zoos|cage|cages|jail|prison|prisons|camp|camps|gutter|trash|bin|dumpster|sewer|ghetto|ghettos|grave|graves|ground|bars)\\b`), keys('belong belongs kept stay live locked')],
  ['exclusion-call', rule(`\\bplace (?:des|de la|du|de|d) ${Q}GRP (?:est|c est|serait|sera)(?: \\w+)? (?:au|a la|en|dans|derriere|sous)(?: \\w+){0,2}? (?:zoo|cage|cages|prison|camp|camps|poubelle|ghetto|tombe|cimetiere|four|egout|egouts|enclos|barreaux|terre)\\b`), keys('place')],
  // Sent or locked somewhere by those who should: "we need to lock … up", "il faut mettre … dans des camps".
  ['exclusion-call', rule(`\\b(?:should|must|need to|needs to|ought to|have to|has to|gotta|let s|lets|time to)(?: \\w+){0,2}? (?:put|lock|throw|send|ship|kick|round|lock up|round up|herd) ${Q}GRP (?:in|into|out|back|away|up|behind)\\b`), keys('put lock throw send ship kick round herd')],
  ['appel-exclusion', rule(`\\b(?:faut|il faut|faudrait|il faudrait|on doit|on devrait|devrait|faudra|il faudra|il est temps de)(?: \\w+){0,2}? (?:mettre|enfermer|parquer|jeter|foutre|envoyer|renvoyer|remettre|virer|chasser|bouter|reexpedier|rapatrier) ${Q}GRP (?:dans|en|au|aux|a la|hors|dehors|chez)\\b`), keys('mettre enfermer parquer jeter foutre envoyer renvoyer remettre virer chasser bouter reexpedier rapatrier')],
  // Harm as the thing to do: "the best thing to do with … is to kill them", "le mieux serait de tuer …".
  ['violence-call', rule(`\\b(?:is to|are to|would be to|be to|serait de|est de|c est de|serait d|est d|let s|lets|we must|we should|we need to|we have to|time to|il est temps de|il faut|faut|faudrait|il faudrait|on doit|on devrait|reste plus qu a|reste qu a|plus qu a|y a plus qu a|n y a qu a|y a qu a|all we need is to|all that s left is to|all that is left is to)(?: just| simply| all| tous| juste| simplement)? HURT ${Q}GRP`), keys('HURT')],
  ['violence-call', rule(`(?:^| \\.) (?:(?:just|please|go|simply|juste|now|then|so|and|alors|maintenant|et|donc) )*HURT (?:all |every |tous |toutes )${Q}GRP`), keys('HURT')],
  // Denied a human quality: "… have nothing human about them", "… n'ont rien d'humain".
  ['denied-quality', rule(`GRP (?:have|has) (?:nothing|no|zero|not a single) (?:\\w+ )?(?:PRAISE)\\b`), keys('PRAISE')],
  // Kept away, denied rights: "keep … away from", "… should not be allowed to vote".
  ['exclusion-call', rule(`\\b(?:keep|kept|keeping|gardez|garder|tenez|tenir|tenons) ${Q}GRP (?:away|out|far|loin|a l ecart|dehors|hors)\\b${SHELTER}`), keys('keep kept keeping gardez garder tenez tenir tenons')],
  ['exclusion-call', rule(`GRP (?:should|must|shall) (?:not|never|no longer) be (?:allowed|permitted|let) to\\b`), keys('allowed permitted let'), ASSERTED],
  ['exclusion-fr', rule(`GRP (?:ne |n )?(?:devraient|doivent|devrait|doit) (?:pas|jamais|plus) (?:avoir le droit|etre autorises|etre autorisees|pouvoir)\\b`), keys('droit autorises autorisees pouvoir'), ASSERTED],
  // Denied respect or rights: "… ne méritent pas le droit de vote", "… ne devraient avoir aucun droit", "… don't deserve rights".
  ['denied-rights', rule(`GRP (?:ne |n )?(?:meritent|merite|meriteraient|meriterait|devraient avoir|doivent avoir|devraient recevoir|deserve|deserves|should have|should get|should be given) (?:pas|aucun|aucune|jamais|plus|no|not|never|zero)(?: \\w+){0,2}? (?:respect|droit|droits|rights|right|dignite|dignity|egalite|equality|vote|protection)\\b`), keys('meritent merite meriteraient meriterait devraient doivent deserve deserves should'), ASSERTED],
  ['denied-rights', rule(`GRP (?:do not|dont|don t|does not|doesnt|should not|shouldnt|should never|must not|will never|never) (?:deserve|get|be given|be granted)(?: \\w+){0,3}? (?:respect|rights|right|dignity|equality|vote|protection)\\b`), keys('deserve get given granted'), ASSERTED],
  // Driven out: "kicking out …", and the writer glad of it ("finally got rid of …", "enfin une ville qui chasse …").
  ['exclusion-call', rule(`\\b(?:kick|kicking|kicked|kicks|throw|throwing|threw|thrown|throws|drive|driving|drove|driven|boot|booting|booted|chuck|chucking|chucked|force|forcing|forced) (?:out|away) ${Q}GRP`), keys('kick kicking kicked kicks throw throwing threw thrown throws drive driving drove driven boot booting booted chuck chucking chucked force forcing forced')],
  ['exclusion-approval', rule(`\\b(?:finally|glad|happy|proud|great|good riddance|thank god|about time|enfin|bravo|genial|super|bon debarras|tant mieux|heureux|heureuse|fier|fiere|ravi|ravie)(?: \\w+){0,6}? (?:deporting|deported|deports|expelling|expelled|expels|banning|banned|bans|getting rid of|got rid of|gets rid of|chasse|chassent|expulse|expulsent|vire|virent|renvoie|renvoient|deporte|deportent|se debarrasse|se debarrassent|s est debarrasse|degage|degagent|bannit|bannissent) ${Q}GRP`), keys('finally glad happy proud great riddance god time enfin bravo genial super debarras mieux heureux heureuse fier fiere ravi ravie')],
  // Refused as equals: "I will never accept … as equals", "jamais je n'accepterai … comme mes égaux".
  ['denied-quality', rule(`\\b(?:never|not|refuse to|wont|ne|n|jamais je n|refuse d|refuse de) (?:accept|see|treat|consider|regard|respect|accepterai|accepterais|accepterons|accepte|considererai|considere|verrai|traiterai|respecterai) ${Q}GRP (?:as|comme)(?: my| our| mes| nos| des| de)? PRAISE\\b`), keys('accept see treat consider regard respect accepterai accepterais accepterons accepte considererai considere verrai traiterai respecterai'), ASSERTED],
  // French.
  // A problem put on the whole group, or the group to be kept out: "… because … take everything", "if … were kept
  // off the staff".
  ['blame', rule(`\\bbecause (?:of )?${Q}GRP(?: \\w+){0,2}? (?:(?:take|took|taking) (?:everything|all|our|us|away)|steal|stole|stealing|bleed|bleeding|drain|draining|ruin|ruined|ruining|destroy|destroyed|destroying|milk|milking|sponge|sponging|leech|leeching|flood|flooding|grab|grabbing)\\b`), keys('because')],
  ['blame', rule(`\\bif ${Q}GRP (?:were|was|are|got|had been) (?:kept|thrown|kicked|banned|sent|driven|barred) (?:off|out|away)\\b`), keys('kept thrown kicked banned sent driven barred')],
  ['haine-verbe', rule(`${SUBJ_FR}${GAP(2, 'g1')} CONTEMPT${GAP(3, 'g2')} ${Q}GRP`), keys('CONTEMPT')],
  // The group named first, then taken up by "les": "… , je ne les supporte pas", "… . Je les hais."
  ['haine-verbe', rule(`GRP(?: \\w+| \\.){0,12}? ${SUBJ_FR}(?<g1> ne| n)?(?: les| l)? CONTEMPT(?<g2> pas| plus| jamais)?`), keys('CONTEMPT')],
  ['contempt', rule(`\\b(?:ma|mon|notre|j ai une|j ai un|j ai|je ressens une|je ressens un|je n ai que|j ai que)(?: \\w+){0,2}? (?:haine|mepris|degout|colere|rage|aversion|repulsion|degoutt)(?: \\w+){0,2}? (?:pour|envers|contre|a l egard des|a l egard de|vis a vis des|vis a vis de|des|de) ${Q}GRP`), keys('haine mepris degout colere rage aversion repulsion')],
  ['denied-quality', rule(`GRP (?:ne |n )?(?:ont|a) (?:rien|aucune|aucun|pas une|pas un)(?: \\w+)? (?:d |de )?PRAISE\\b`), keys('PRAISE')],
  ['contempt', rule(`GRP${GAP(2, 'g1')} REVULSION\\b`), keys('REVULSION')],
  ['contempt', rule(`\\brien (?:ne |n )?(?:est|de)? ?(?:plus|pire|aussi|moins)(?: \\w+){0,2} que ${Q}GRP`), keys('rien')],
  ['derogation-fr', rule(`GRP${SENT_END}(?: c| ce| ne| n)? ${COPULA_FR}${GAP(3, 'g1')} ${BAD}\\b`), keys('DEROG DEHUM')],
  ['derogation-fr', rule(`GRP${SENT_END} c est${GAP(2, 'g1')} ${BAD}\\b`), keys('DEROG DEHUM')],
  ['dehumanisation', rule(`GRP (?:se reproduisent|se comportent|vivent|grouillent|pullulent|se multiplient)(?: comme)?${GAP(2, 'g1')} DEHUM\\b`), keys('DEHUM')],
  ['dehumanisation', rule(`GRP (?:grouillent|pullulent|infestent|se reproduisent comme)\\b`), keys('grouillent pullulent infestent reproduisent')],
  ['denied-quality', rule(`GRP${SENT_END} (?:ne |n )?(?:sont|seront|etaient|est|peuvent etre|pourront etre|pourront jamais etre|seront jamais)(?: \\w+)? (?:pas|jamais|plus|point|guere)${GAP(2, 'g1')} PRAISE\\b`), keys('PRAISE')],
  ['denied-quality', rule(`\\b(?:aucun|aucune|pas un|pas une|pas un seul|pas une seule) GRP (?:n est|n a jamais ete|ne sera jamais|ne sera|ne peut etre|n est jamais)(?: \\w+)? PRAISE\\b`), keys('PRAISE'), ASSERTED],
  ['denied-quality', rule(`\\b(?:pas de|pas un|pas une|aucun|aucune|existe pas de|jamais (?:vu|rencontre|connu|croise) (?:de|d|un|une)) GRP (?:honnete|intelligent|intelligente|gentil|gentille|bien|fiable|propre|normal|normale|bon|bonne)\\b`), keys('honnete intelligent intelligente gentil gentille bien fiable propre normal normale bon bonne')],
  ['denied-quality', rule(`GRP${SENT_END} ${COPULA_FR}(?: bien| beaucoup| tellement| nettement)? moins PRAISE\\b`), keys('PRAISE')],
  ['hate-question', rule(`\\bpourquoi ${Q}GRP${GAP(5, 'g1')} (?:${BAD}|REVULSION|gachent|detruisent|pourrissent|volent|mentent|puent|salissent)\\b`), keys('pourquoi')],
  ['hate-question', rule(`\\best ce (?:que|qu) ${Q}GRP (?:ne |n )?(?:sont|est|seraient)(?: pas)?${GAP(2, 'g1')} ${BAD}\\b`), keys('DEROG DEHUM')],
  ['distrust', rule(`\\b(?:mefiez vous|mefie toi|mefions nous|ne faites pas confiance|faites pas confiance|faites jamais confiance|ne faites jamais confiance|jamais confiance|gardez vos enfants loin) (?:a |aux |des |de |les )?${Q}GRP`), keys('mefiez mefie mefions confiance gardez')],
  // Le groupe dit de trop ici, ou vivre aux dépens des autres, en bloc : « … vivent dans ce pays depuis trop
  // longtemps », « … profitent toujours des aides ».
  ['overstay', rule(`GRP(?: \\w+)? (?:(?:vivent|restent|habitent|squattent|trainent|ont vecu|sont restes)(?: ici| la| chez nous| en france| en europe| dans (?:ce|notre|cette|nos|nos|le|la) (?:pays|quartier|ville|rue|region|immeuble|ecole|quartiers|villes|rues))?|(?:sont|sont deja)(?: ici| la| chez nous| en france| en europe| dans (?:ce|notre|cette|nos|nos|le|la) (?:pays|quartier|ville|rue|region|immeuble|ecole|quartiers|villes|rues))) depuis (?:bien |beaucoup |deja )?trop longtemps\\b`), keys('longtemps')],
  ['scrounging', rule(`GRP(?: \\w+)? (?:ne )?(?:profitent|abusent|vivent|se gavent|s engraissent)(?: toujours| tous| que| qu| encore| juste| seulement| sans cesse)+ (?:des |du |de la |de |d |aux |sur |les )?(?:aides|aide|allocations|allocs|alloc|systeme|chomage|rsa|caf|securite sociale|services sociaux|contribuables|dos|notre dos|nos impots|impots)\\b`), keys('profitent abusent vivent gavent engraissent')],
  ['distrust', rule(`\\b(?:on ne peut pas|on peut pas|on ne peut jamais|on peut jamais|on ne peut plus|on peut plus|il ne faut pas|il faut pas|il ne faut jamais|il faut jamais|faut jamais|faut pas|ne jamais|ne faites pas|faites pas) faire confiance (?:a |aux |en )?${Q}GRP`), keys('confiance')],
  // Le groupe dit s'emparer d'un lieu ou l'envahir : « … ont pris le contrôle du quartier », « l'invasion des … ».
  ['takeover', rule(`GRP(?: \\w+)? (?:ont pris le controle|prennent le controle|ont pris possession|prennent possession|ont envahi|envahissent|vont envahir|veulent envahir|ont colonise|colonisent|ont conquis|s emparent|se sont empares)(?: (?:de|du|des|d|le|la|les|l|notre|nos|ce|cette|ces|tout|toute|tous|toutes|nos))* (?:quartier|quartiers|ville|villes|pays|rue|rues|cite|cites|banlieue|banlieues|ecole|ecoles|france|europe|occident|paris|tout)\\b${FOR_A_DAY}`), keys('controle possession envahi envahissent envahir colonise colonisent conquis emparent empares')],
  ['takeover', rule(`GRP (?:en |y )(?:ont pris|prennent|prendront|ont pris tout|prennent tout) le controle\\b${FOR_A_DAY}`), keys('controle')],
  ['better-before', rule(`\\b(?:mieux|meilleur|meilleure|plus sur|plus sure|plus calme|plus propre|plus agreable|plus tranquille|plus beau|plus belle) avant (?:que |qu |l arrivee des |l arrivee de |l arrivee d |l arrivee du )?${Q}GRP\\b`), keys('avant')],
  ['takeover', rule(`\\b(?:invasion|envahis par|envahi par|envahie par|envahies par|submerges par|submerge par|submergee par|submergees par|colonises par|colonise par|colonisee par|grand remplacement par)(?: massive)? (?:de |des |d |par )?${Q}GRP`), keys('invasion envahis envahi envahie envahies submerges submerge submergee submergees colonises colonise colonisee remplacement')],
  ['hate-question', rule(`\\b(?:comment|pourquoi|qui)(?: est ce qu)? (?:peut on|pourrait on|devrait on|doit on|on peut|on pourrait|on devrait|on doit|voudrait|pourrait|peut|irait|faudrait il|faut il)(?: encore| toujours| vraiment)? (?:faire confiance|croire|tolerer|supporter)(?: a| aux| en)? ${Q}GRP`), keys('confiance croire tolerer supporter')],
  ['hate-question', rule(`\\b(?:qui a laisse entrer|qui a fait entrer|qui a fait venir|pourquoi on laisse entrer|pourquoi laisse t on entrer|pourquoi on a laisse entrer|qui laisse entrer)(?: tous| toutes)? ${Q}GRP`), keys('entrer venir')],
  ['hate-question', rule(`\\bquand (?:est ce que |est ce qu )?${Q}GRP(?: \\w+)? (?:arreteront|vont arreter|cesseront|vont cesser|partiront|vont partir|rentreront|vont rentrer|degageront|vont degager)\\b`), keys('arreteront arreter cesseront cesser partiront partir rentreront rentrer degageront degager')],
  ['appel-exclusion', rule(`\\b(?:faut|il faut|on doit|on devrait|faudrait|il faudrait|faudra|il faudra|quelqu un devrait|quelqu un doit|on va|il est temps de)(?: \\w+){0,2}? HURT(?: \\w+){0,2}? ${Q}GRP`), keys('HURT')],
  ['exclusion-fr', rule(`GRP(?: \\w+)? (?:devraient|doivent|meritent de|meriteraient de|meritent d|merite de|merite d|meriterait de|devrait|doit|vont|iront|faut qu ils|faudrait qu ils|peuvent aller|n ont qu a|ont qu a|n ont plus qu a)(?: tous| toutes| etre| se faire| bien| juste| y)* HURT\\b`), keys('HURT')],
  ['exclusion-fr', rule(`GRP (?:dehors|hors de france|rentrez chez vous|au four|a la mer|a la porte|degagez|n ont rien a faire)\\b`), keys('dehors france rentrez four mer porte degagez rien')],
  // The group named, then taken up by "les": "on va attraper les … et les faire souffrir".
  ['menace-groupe', rule(`${SUBJ_FR}${GAP(2, 'g1')} (?:vais|va|allons|veux|voudrais|compte|aimerais)(?: \\w+){0,3}? ${Q}GRP(?: \\w+){0,4}? (?:les|leur|l) (?:faire )?HURT\\b`), keys('HURT')],
  ['menace-groupe', rule(`${SUBJ_FR}${GAP(2, 'g1')} (?:vais|va|allons|veux|voudrais|compte|aimerais|reve de|vas|rêve d)(?: \\w+)?(?: tous| toutes| aller)? HURT(?: \\w+){0,3}? ${Q}GRP`), keys('HURT')],
  // Un problème mis sur le dos du groupe entier, ou le groupe à chasser : « … parce que les … prennent tout »,
  // « c'est la faute des … », « la mairie devrait chasser les … », « typique d'un … ».
  ['blame', rule(`\\b(?:parce que|parce qu|a cause des|a cause de|a cause d|a cause du|la faute aux|la faute des|la faute de) ${Q}GRP(?: \\w+){0,2}? (?:prennent|volent|pillent|profitent|ruinent|detruisent|pourrissent|gachent|envahissent|squattent|abusent|piquent|raflent|coulent)\\b`), keys('cause faute parce')],
  ['blame', rule(`\\b(?:c est|tout est|tout ca c est|c est encore) (?:de )?la faute (?:des|aux|de ces|de|d) ${Q}GRP`), keys('faute')],
  ['exclusion-fr', rule(`\\b(?:devrait|devraient|doit|doivent|faudrait|faut|il faut|il faudrait)(?: \\w+){0,2}? (?:HURT|chasser|virer|expulser|renvoyer|degager|jeter dehors|mettre dehors|foutre dehors) ${Q}GRP`), keys('HURT chasser virer expulser renvoyer degager dehors')],
  ['stereotype', rule(`\\b(?:typique|typiquement|bien typique|c est typique) (?:d un|d une|des|de ces|de|d) ${Q}GRP`), keys('typique typiquement')],
  ['slogan-fr', rule(`\\b(?:dehors|mort aux|a mort|a bas|a la porte|renvoyez|virez|expulsez|chassez|crevez|nique|niquez|nik) ${Q}GRP`), keys('dehors mort bas porte renvoyez virez expulsez chassez crevez nique niquez nik')],
];

const GATE = new RuleGate(PATTERNS.map(([, , needs]) => needs));

// Told to go back to "their" country, or "you people" to be deported: aimed at origin, with no group named.
const SENT_AWAY = rule(String.raw`\b(?:(?:you people|your kind|people like you|you lot|your lot|all of you|vous autres|les gens comme vous|les gens comme toi|vous et vos semblables|toi et tes semblables|ceux de ton espece|ceux de votre espece)(?: \w+){0,4}? (?:deported|sent back|shipped back|expulses|expulsees|renvoyes|renvoyees|deportes|deportees|reexpedies)|(?:go|get|fuck off|piss off|run|crawl|swim|head|going|move) back (?:to|where) (?:your|you|ur) (?:own )?(?:country|countries|came from|come from|country of origin|homeland|jungle|desert|cave)|(?:rentre|rentrez|retourne|retournez|repars|repartez|casse toi|cassez vous|degage|degagez|barre toi|barrez vous)(?: donc)? (?:dans|en|au|a) (?:ton|votre|ta|tes|vos) (?:pays|bled|brousse|jungle|desert|afrique|patelin)|(?:sent|shipped|deported|kicked|packed off|send|ship|deport|kick) (?:them |you |u )?back (?:to )?(?:where (?:they|you|u) (?:came|come) from|(?:their|your|ur) (?:own )?(?:country|countries|homeland|jungle|desert|cave))|renvoyes dans (?:votre|ton|leur) pays)\b`);
const SENT_AWAY_KEYS = /deport|back|expuls|renvoy|reexpedi|pays|bled|brousse|jungl|desert|afriq|patelin|homeland|countr/;

// Every way SENT_AWAY can match holds one of these words after a space ("… back to your country", "… dans ton pays",
// "… deported"), as skeletons. A text without one, nearly every text, is told so by one pass over its characters,
// before the two expressions.
const SENT_AWAY_WORDS = new Map<number, string[]>();
for (const w of ['back', 'bled', 'brouse', 'deported', 'deportes', 'desert', 'expulses', 'renvoyes', 'rexpedies', 'pays', 'patelin', 'jungle', 'afrique']) {
  const list = SENT_AWAY_WORDS.get(w.charCodeAt(0)) ?? [];
  list.push(w);
  SENT_AWAY_WORDS.set(w.charCodeAt(0), list);
}

function endsSendingAway(plain: string): boolean {
  for (let i = plain.indexOf(' '); i >= 0 && i + 1 < plain.length; i = plain.indexOf(' ', i + 1)) {
    const words = SENT_AWAY_WORDS.get(plain.charCodeAt(i + 1));
    if (words) for (const w of words) if (plain.startsWith(w, i + 1)) return true;
  }
  return false;
}

/** The words that send someone back where they came from ("go back to your country"), if the text holds them. */
export function sentAway(plain: string): string | undefined {
  if (!endsSendingAway(plain) || !SENT_AWAY_KEYS.test(plain)) return undefined;
  SENT_AWAY.lastIndex = 0;
  const m = SENT_AWAY.exec(plain);
  if (!m) return undefined;
  NEGATION_RE.lastIndex = 0;
  const before = plain.slice(Math.max(0, m.index - 40), m.index).trim().split(' ').slice(-3).join(' ');
  return NEGATION_RE.test(` ${before} `) ? undefined : m[0].trim();
}

// Respect, rights or dignity said to be the group's due ("… méritent le respect et l'égalité des droits", "… ont droit
// à la dignité", "… deserve equal rights"): a warm statement about the group, whatever tone the models read in it.
const AFFIRMED = rule(String.raw`GRP (?:(?:\w+) )?(?:meritent|merite|deserve|deserves|ont droit|ont le droit|a droit|a le droit|have the right|have a right|has the right|are entitled|is entitled|doivent etre|devraient etre|doivent avoir|devraient avoir|should be|should have|must be|must have|need|ont besoin|ont toute leur place|have their place|are welcome|sont les bienvenus|sont les bienvenues)(?: \w+){0,5}? (?:respect|respectes|respectees|respected|dignite|dignity|egalite|equality|droits|rights|protection|proteges|protegees|protected|welcome|bienvenus|bienvenues|place|soutien|support|consideration|equal|egaux|egales|memes droits|same rights)\b`);
// The group said to be as human and ordinary as anyone ("… sont des êtres humains comme les autres", "… are people
// just like us"), or to be the speaker's own neighbours and friends: the twin of dehumanisation, which the models
// read as it (they learnt "êtres humains" and "people" from texts denying it). Those words are PRAISE in the plain text.
const EQUAL = rule(String.raw`GRP (?:are|sont)(?: just| simply| all| tout simplement| simplement| juste| aussi)? (?:(?:des|de|our|nos) )?(?:(?:ordinary|normal|regular|simples|ordinaires|normales) )?(?:PRAISE|human beings|humans|people|persons|citizens|individuals|etres humains|humains|humaines|gens|personnes|citoyens|citoyennes|individus)(?: \w+){0,3}? (?:like|as|comme)(?: \w+){0,2}? (?:everyone|everybody|anyone|anybody|us|you|others|the rest|les autres|tout le monde|nous|vous|toi|n importe qui|chacun)\b|GRP (?:are|sont)(?: just| simply| every bit| tout| tout aussi)? (?:(?:as|aussi) PRAISE (?:as|que)|PRAISE)(?: \w+){0,2}? (?:everyone|everybody|anyone|anybody|men|women|us|others|the rest|les autres|tout le monde|nous|vous|les hommes|les femmes|n importe qui|quiconque)\b|GRP (?:are|sont) (?:our|nos) (?:neighbours|neighbors|colleagues|friends|family|brothers|sisters|fellow citizens|voisins|voisines|collegues|amis|amies|freres|soeurs|concitoyens|concitoyennes|famille)\b`);
const NOT_AFFIRMED = / (?:ne|n|pas|plus|aucun|aucune|jamais|rien|not|no|never|dont|don t|nothing|without|sans|vraiment|really|even|actually|meme|reellement|seulement|que|qu|but|mais)(?= )/;

// No less than others: "… are no less capable than …", "… ne sont en rien moins honnêtes que …".
const NO_LESS = rule(String.raw`GRP (?:(?:are|is)(?: \w+)? (?:no|not|in no way|by no means)(?: \w+)? less|(?:sont|est|ne sont|n est)(?: \w+)? (?:pas|en rien|nullement|aucunement)(?: \w+)? moins) PRAISE\b`);
const NEVER = /$^/;
// "Que" is the comparison's own word here ("aussi intelligents que nous"), not the "ne … que" of "only".
const NOT_EQUAL = / (?:ne|n|pas|plus|aucun|aucune|jamais|rien|not|no|never|dont|don t|nothing|without|sans|vraiment|really|even|actually|meme|reellement|seulement|but|mais|less|moins|pire|worse)(?= )/;

/** The words that give a named group its due of respect or rights, or its place among all, unless they deny or doubt it. */
export function affirmsGroup({ plain: plainWithGroups, words }: { plain: string; words: Map<string, string[]> }): string | undefined {
  if (!plainWithGroups.includes('GRP')) return undefined;
  for (const [re, not] of [[AFFIRMED, NOT_AFFIRMED], [EQUAL, NOT_EQUAL], [NO_LESS, NEVER]]) {
    for (const m of matches(re, plainWithGroups)) {
      if (not.test(` ${m[0]} `) || m[0].includes('?')) continue;
      return spelled(m, classPositions(plainWithGroups), words);
    }
  }
  return undefined;
}

/** The names hate reasons carry (and, prefixed with "negated-", their denials), for those who explain them. */
export const HATE_RULES: readonly string[] = [...new Set(PATTERNS.map(([name]) => name))];

export interface HatePatternHit {
  rule: string;
  text: string;
  negated: boolean;
}

// French negation is read from its second word ("pas", "jamais"): "ne" alone also comes with "que" ("ne … que").
const NEGATION_RE = rule(String.raw`\b(?:not|never|no|nobody|nothing|none|neither|nor|hardly|dont|doesnt|didnt|wont|wouldnt|cant|isnt|arent|pas|jamais|rien|aucun|aucune|nullement|guere)\b`);

/**
 * Hateful statements about a named group (GRP in the plain text): hatred, dehumanisation, calls for harm or
 * exclusion. A hit's text gives back the words its classes stood for ("GRP are vermin").
 */
export function hatePatterns({ plain: plainWithGroups, words }: { plain: string; words: Map<string, string[]> }): HatePatternHit[] {
  const hits: HatePatternHit[] = [];
  if (!plainWithGroups.includes('GRP')) return hits;
  const open = GATE.open(plainWithGroups);
  if (!open) return hits;
  const classes = classPositions(plainWithGroups);
  for (let k = 0; k < PATTERNS.length && hits.length < MAX_HITS; k++) {
    if (open[k] === 0) continue;
    const [name, re, , asserted] = PATTERNS[k];
    for (const m of matches(re, plainWithGroups)) {
      // "No X allowed" is itself the hateful statement, not its negation.
      const negated = (!asserted && name !== 'no-group-allowed' && denied(plainWithGroups, m)) || judgedReport(plainWithGroups, m) || (name === 'denied-quality' && NO_LESS_RE.test(m[0]));
      const text = spelled(m, classes, words);
      if (!hits.some((h) => h.rule === name && h.text === text)) hits.push({ rule: name, text, negated });
      if (hits.length >= MAX_HITS) break;
    }
  }
  return hits;
}

// "No less", "pas moins": a quality denied twice is affirmed ("… are no less intelligent than …").
// ("Less" is "les" in the plain text, as the French article: it is only read after an English negation.)
const NO_LESS_RE = new RegExp(rule(String.raw`\b(?:(?:no|not|never|any) (?:\w+ )?less|(?:pas|jamais|point|guere|rien|nullement) (?:\w+ )?moins)\b`).source);

// A long text repeating a statement is said to be hateful as well by a few hits as by thousands.
const MAX_HITS = 12;

const CLASS_RE = /\b(?:CONTEMPT|REVULSION|HURT|PRAISE|DEHUM|DEROG)\b/g;

/** Where each class stands in the text, in order. */
function classPositions(text: string): Map<string, number[]> {
  const at = new Map<string, number[]>();
  for (const c of text.matchAll(CLASS_RE)) {
    const list = at.get(c[0]);
    if (list) list.push(c.index);
    else at.set(c[0], [c.index]);
  }
  return at;
}

// The match with each class replaced by its words: the n-th DEHUM of the text is the n-th dehumanising phrase.
function spelled(m: RegExpExecArray, classes: Map<string, number[]>, words: Map<string, string[]>): string {
  const seen = new Map<string, number>();
  return m[0].trim().replace(CLASS_RE, (cls) => {
    const n = seen.get(cls) ?? before(classes.get(cls) ?? [], m.index);
    seen.set(cls, n + 1);
    return words.get(cls)?.[n] ?? cls;
  });
}

/** How many of the sorted positions come before `index`. */
function before(positions: number[], index: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid] < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Someone else's words reported ("saying …", "the lie that …", "dire que …"), and judged outside them ("… is
// disgusting", "stop …", "c'est faux"): the statement is quoted to be rejected. "I say …" is the speaker's own.
const REPORT_RE = new RegExp(rule(String.raw`\b(?:saying|say that|says that|said that|claim|claims|claiming|claimed|claim that|lies that|lie that|idea that|myth that|notion that|pretending that|pretend that|dire que|dire|disant que|disait que|disent que|pretendre que|pretendent que|pretend que|idee que|mythe que|mensonge que|mensonges que|affirmer que|raconter que|racontent que)(?: \w+){0,2} $`).source);
const SELF_RE = new RegExp(rule(String.raw`\b(?:i|i m|im|i am|i ve|we|we re|je|j|on|nous)(?: \w+)? (?:saying|say|said|claim|dis|disais|dire)\b`).source);
const JUDGED_OUTSIDE = new RegExp(rule(String.raw`\b(?:DEROG|REVULSION|CONTEMPT|wrong|false|untrue|lies|lie|lying|nonsense|bullshit|stop|quit|educate|ashamed|shame|faux|fausse|mensonge|mensonges|arrete|arretez|cessez|honte|ignoble|ignobles|renseigne|renseignez|n importe quoi)\b`).source);

function judgedReport(text: string, m: RegExpExecArray): boolean {
  const sentence = (text.slice(Math.max(0, m.index - 120), m.index).split(' . ').pop() ?? '') + ' ';
  if (!REPORT_RE.test(sentence.replace(/ +$/, ' ')) || SELF_RE.test(sentence)) return false;
  return JUDGED_OUTSIDE.test(`${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`);
}

const NOT_A_DENIAL = new RegExp(rule(String.raw`\b(?:never stop|never stopped|will not stop|wont stop|can not stop|cant stop|nothing but|nothing more than|nothing less than|no more than|little more than|no better than|not much better than|not any better than|no different from|no different than|rien d autre que|pas mieux que|guere mieux que)\b`).source, 'g');
const RELATIVE_RE = new RegExp(rule(String.raw`\b(?:(?:people|those|anyone|anybody|someone|somebody|everyone|everybody|guys|men|folks|ones|person|man|woman|idiots|gens|ceux|celles|personnes|un type|un mec|une femme|un homme) (?:who|qui)|whoever|quiconque)(?: \w+){1,3} (?:that |que |qu )?$`).source);
// A negative question put to win assent ("Don't you think …", "Isn't it obvious that …", "Le monde ne serait-il pas
// meilleur sans …", "Ne trouvez-vous pas que …"): the verb and its subject turned round around the negation say it
// is a question, and what it asks is said, not denied.
const RHETORICAL_RE = new RegExp(rule(String.raw`\b(?:(?:do|does|did|is|are|was|were|would|will|should|could|can|has|have) not (?:you|u|it|they|we|he|she|that|this|the world|everyone|everybody)|(?:ne|n) (?:\w+ )?(?:il|elle|on|vous|tu|ils|elles|ce) pas)\b`).source);
const PERSONNE_RE = new RegExp(rule(String.raw`\b(?:personne|nulle part|aucunement|nullement)\b`).source);

// A negation in the three words before the statement ("I would never say that …"), within its sentence, or in the
// free words inside it ("… are not vermin") denies it; a negation that is part of the phrase itself ("do not
// deserve to live", "ne méritent aucun respect") does not.
function denied(text: string, m: RegExpExecArray): boolean {
  const sentence = text.slice(Math.max(0, m.index - 120), m.index).split(' . ').pop() ?? '';
  const before = sentence.trim().split(' ').slice(-3).join(' ');
  // "nothing but" is "only", not a denial.
  // "nothing but" is "only", "no better than" is "as bad as": neither denies.
  const gaps = m.groups ? Object.values(m.groups).filter((g): g is string => g !== undefined).join(' ').replace(NOT_A_DENIAL, '') : '';
  // A group named as the object of someone else's words or deeds ("anyone who threatens …", "people who claim …
  // are …") is not what the speaker says of it.
  if (RELATIVE_RE.test(sentence.slice(-60))) return true;
  // … or inside a relative clause between the verb and the group ("I'm tired of people who claim …").
  if (/ (?:who|whom|whose|qui|dont) /.test(` ${gaps} `)) return true;
  // French "ne … personne": "… ne sont une menace pour personne".
  if (/(?:^| )(?:ne|n)(?: |$)/.test(` ${before} ${m[0]} `) && PERSONNE_RE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40).split(' . ')[0])) return true;
  NEGATION_RE.lastIndex = 0;
  const inBefore = NEGATION_RE.test(` ${before} `) && !RHETORICAL_RE.test(sentence.slice(-60));
  NEGATION_RE.lastIndex = 0;
  return inBefore || NEGATION_RE.test(` ${gaps} `);
}
