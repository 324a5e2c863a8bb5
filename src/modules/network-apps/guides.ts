/**
 * What an installer must know to create each network's developer app: why each permission is asked and whether the
 * network reviews the app before strangers may use it. A provider's own scopeReasons / review win when it sets them.
 * Facts from the networks' documentation: Meta App Review and Standard/Advanced Access, LinkedIn Community
 * Management API access, X pay-per-use tiers, Google OAuth verification of sensitive scopes, Pinterest Trial/Standard access.
 */
import type { NetworkId } from '../../connectors/types.js';
import { oauthProvider } from '../../connectors/oauth2/providers.js';

type Words = { en: string; fr: string };

/** French typography for the sentences below: curly apostrophes, a non-breaking space before : ; ? ! and inside « ». */
const typeset = (fr: string) =>
  fr.replace(/'/g, '\u2019').replace(/ ([:;?!])/g, '\u00a0$1').replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»');
const french = <T extends Words>(w: T | undefined): T | null => (w ? { ...w, fr: typeset(w.fr) } : null);

const REASONS: Record<string, Words> = {
  pages_show_list: { en: 'List the Pages you manage so you can pick one.', fr: 'Lister les Pages que vous gérez pour en choisir une.' },
  pages_manage_posts: { en: 'Publish and schedule posts on the Page.', fr: 'Publier et programmer des posts sur la Page.' },
  pages_read_engagement: { en: 'Read the Page\'s posts, comments and their counts.', fr: 'Lire les posts de la Page, leurs commentaires et leurs compteurs.' },
  pages_manage_engagement: { en: 'Reply to, hide and delete comments on the Page.', fr: 'Répondre aux commentaires de la Page, les masquer et les supprimer.' },
  pages_read_user_content: { en: 'Read what visitors post on the Page (the inbox).', fr: 'Lire ce que les visiteurs publient sur la Page (la boîte de réception).' },
  pages_messaging: { en: 'Read and answer the Page\'s private messages.', fr: 'Lire les messages privés de la Page et y répondre.' },
  read_insights: { en: 'Read the Page\'s statistics (views, follows).', fr: 'Lire les statistiques de la Page (vues, abonnements).' },
  business_management: { en: 'Reach Pages and accounts owned through a Business portfolio.', fr: 'Atteindre les Pages et comptes détenus par un portefeuille Business.' },
  instagram_basic: { en: 'Read the Instagram professional account\'s profile and media.', fr: 'Lire le profil et les médias du compte Instagram professionnel.' },
  instagram_content_publish: { en: 'Publish photos, videos, carousels and stories.', fr: 'Publier photos, vidéos, carrousels et stories.' },
  instagram_manage_comments: { en: 'Read, reply to, hide and delete comments; see mentions.', fr: 'Lire, répondre, masquer et supprimer les commentaires ; voir les mentions.' },
  instagram_manage_messages: { en: 'Read and answer direct messages.', fr: 'Lire les messages directs et y répondre.' },
  instagram_manage_insights: { en: 'Read the account\'s and posts\' statistics.', fr: 'Lire les statistiques du compte et des publications.' },
  w_organization_social: { en: 'Publish on the organisation page and comment as it.', fr: 'Publier sur la page de l\'organisation et commenter en son nom.' },
  r_organization_social: { en: 'Read the organisation\'s posts and their comments.', fr: 'Lire les posts de l\'organisation et leurs commentaires.' },
  rw_organization_admin: { en: 'Find the organisation pages you administer.', fr: 'Trouver les pages d\'organisation que vous administrez.' },
  r_organization_admin: { en: 'Read the organisation\'s followers and share statistics.', fr: 'Lire les abonnés de l\'organisation et les statistiques de ses posts.' },
  'boards:read': { en: 'List your boards so you can pick one.', fr: 'Lister vos tableaux pour en choisir un.' },
  'pins:read': { en: 'Read your pins and their statistics.', fr: 'Lire vos épingles et leurs statistiques.' },
  'pins:write': { en: 'Create pins on the chosen board.', fr: 'Créer des épingles sur le tableau choisi.' },
  'user_accounts:read': { en: 'Read the account\'s name and statistics.', fr: 'Lire le nom et les statistiques du compte.' },
  'tweet.read': { en: 'Read your posts, replies and mentions.', fr: 'Lire vos posts, les réponses et les mentions.' },
  'tweet.write': { en: 'Publish posts and threads, and reply.', fr: 'Publier des posts et des fils, et répondre.' },
  'users.read': { en: 'Read the account\'s name and handle.', fr: 'Lire le nom et l\'identifiant du compte.' },
  'offline.access': { en: 'Stay connected: renew the token without asking you again.', fr: 'Rester connecté : renouveler le jeton sans vous redemander.' },
  'like.write': { en: 'Like a reply from the inbox.', fr: 'Aimer une réponse depuis la boîte de réception.' },
  'follows.read': { en: 'Read the follower count.', fr: 'Lire le nombre d\'abonnés.' },
  'media.write': { en: 'Upload images and videos.', fr: 'Téléverser images et vidéos.' },
  'mute.write': { en: 'Mute an author (X allows no ban).', fr: 'Masquer un auteur en sourdine (X ne permet pas de bannir).' },
  'tweet.moderate.write': { en: 'Hide replies to your posts.', fr: 'Masquer les réponses à vos posts.' },
  'https://www.googleapis.com/auth/youtube.upload': { en: 'Upload videos to the channel.', fr: 'Mettre en ligne des vidéos sur la chaîne.' },
  'https://www.googleapis.com/auth/youtube.force-ssl': { en: 'Read, answer and moderate comments.', fr: 'Lire, répondre et modérer les commentaires.' },
  'https://www.googleapis.com/auth/youtube.readonly': { en: 'Read the channel and its videos.', fr: 'Lire la chaîne et ses vidéos.' },
  'https://www.googleapis.com/auth/yt-analytics.readonly': { en: 'Read the channel\'s statistics.', fr: 'Lire les statistiques de la chaîne.' },
};

const META_REVIEW: Words = {
  en: 'Meta App Review (Advanced Access) is needed before Pages and accounts of people outside the app can be connected. Before it, in development mode, the app\'s own admins, developers and testers can connect the Pages and Instagram accounts they manage: enough to try Ruche end to end.',
  fr: 'L\'examen de l\'app par Meta (accès avancé) est nécessaire avant de connecter les Pages et comptes de personnes extérieures à l\'app. Avant, en mode développement, les administrateurs, développeurs et testeurs de l\'app peuvent connecter les Pages et comptes Instagram qu\'ils gèrent : de quoi essayer Ruche de bout en bout.',
};

const REVIEW: Partial<Record<NetworkId, { needed: boolean } & Words>> = {
  facebook: { needed: true, ...META_REVIEW },
  instagram: { needed: true, ...META_REVIEW },
  linkedin: {
    needed: true,
    en: 'The Community Management API must be requested on the app\'s Products tab and LinkedIn reviews the request (the app must be verified by a LinkedIn Page of your company). Before approval, the Development tier lets the app\'s own developers connect organisations they administer, with low daily limits.',
    fr: 'L\'API Community Management se demande dans l\'onglet Products de l\'app et LinkedIn examine la demande (l\'app doit être vérifiée par une Page LinkedIn de votre entreprise). Avant l\'accord, le niveau Development permet aux développeurs de l\'app de connecter les organisations qu\'ils administrent, avec de faibles limites quotidiennes.',
  },
  x: {
    needed: false,
    en: 'No review: the app works as soon as it exists, with User authentication (OAuth 2.0, type Web App) switched on. X bills API use by plan or per request, so check what your plan allows to post and read.',
    fr: 'Pas d\'examen : l\'app fonctionne dès sa création, avec l\'authentification utilisateur (OAuth 2.0, type Web App) activée. X facture l\'usage de l\'API par offre ou par requête : vérifiez ce que la vôtre permet de publier et de lire.',
  },
  youtube: {
    needed: true,
    en: 'Google verifies apps that ask for YouTube scopes before anyone may use them. Before verification, with the consent screen in Testing, the test users you list (up to 100) can connect their channels; their tokens expire after 7 days. Uploads from an unverified project stay private until Google audits it.',
    fr: 'Google vérifie les apps qui demandent les autorisations YouTube avant que quiconque puisse s\'en servir. Avant la vérification, avec l\'écran de consentement en mode Test, les utilisateurs test que vous listez (jusqu\'à 100) peuvent connecter leurs chaînes ; leurs jetons expirent au bout de 7 jours. Les vidéos mises en ligne par un projet non audité restent privées jusqu\'à l\'audit de Google.',
  },
  pinterest: {
    needed: true,
    en: 'A new app has Trial access: it can create pins on the developer\'s own account, which are visible only to that account. Standard access, after Pinterest reviews the app (a short video of the flow), lets anyone connect and publish.',
    fr: 'Une nouvelle app a l\'accès Trial : elle peut créer des épingles sur le compte du développeur, visibles par lui seul. L\'accès Standard, après examen de l\'app par Pinterest (une courte vidéo du parcours), permet à tous de se connecter et de publier.',
  },
};

/** What to create in the network's console, in a sentence. */
const APP: Partial<Record<NetworkId, Words>> = {
  facebook: { en: 'A Meta app of type Business with the "Facebook Login for Business" product; add the redirect URL to its Valid OAuth Redirect URIs.', fr: 'Une app Meta de type Entreprise avec le produit « Facebook Login for Business » ; ajoutez l\'URL de redirection à ses URI de redirection OAuth valides.' },
  instagram: { en: 'The same Meta app as Facebook (or another) with Instagram linked to a Facebook Page; add this redirect URL too.', fr: 'La même app Meta que pour Facebook (ou une autre), avec Instagram lié à une Page Facebook ; ajoutez aussi cette URL de redirection.' },
  linkedin: { en: 'A LinkedIn app linked to your company Page, with the Community Management API product; add the redirect URL under Auth.', fr: 'Une app LinkedIn liée à la Page de votre entreprise, avec le produit Community Management API ; ajoutez l\'URL de redirection dans Auth.' },
  x: { en: 'A project and app with User authentication settings: OAuth 2.0, type Web App, read and write; the redirect URL as Callback URI.', fr: 'Un projet et une app avec les paramètres d\'authentification utilisateur : OAuth 2.0, type Web App, lecture et écriture ; l\'URL de redirection comme Callback URI.' },
  youtube: { en: 'A Google Cloud project with the YouTube Data API v3 and YouTube Analytics API enabled, a consent screen, and an OAuth client of type Web application with the redirect URL.', fr: 'Un projet Google Cloud avec YouTube Data API v3 et YouTube Analytics API activées, un écran de consentement et un client OAuth de type Application Web avec l\'URL de redirection.' },
  pinterest: { en: 'A Pinterest app (a business account is needed); add the redirect URL to its redirect URIs.', fr: 'Une app Pinterest (un compte professionnel est nécessaire) ; ajoutez l\'URL de redirection à ses URI de redirection.' },
};

export function scopeReason(network: NetworkId, scope: string): Words | null {
  return oauthProvider(network)?.scopeReasons?.[scope] ?? french(REASONS[scope]);
}

export function appReview(network: NetworkId): ({ needed: boolean } & Words) | null {
  return oauthProvider(network)?.review ?? french(REVIEW[network]);
}

export function appToCreate(network: NetworkId): Words | null {
  return french(APP[network]);
}
