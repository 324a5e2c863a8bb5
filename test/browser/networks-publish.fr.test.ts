import { describe, it } from 'vitest';
import { browserSuite } from './harness.js';
import { metaEnv, useMetaFake } from './meta-connect.js';
import { networksPublishFlow } from './networks-publish-flow.js';
import { startTestRuche } from '../helpers/ruche.js';
import { MetaFake } from '../connectors/meta-fake.js';

const TIMEOUT = 240_000;
const fake = new MetaFake();
// The English run is on SQLite; this one on PostgreSQL when a test database is given.
const DATABASE = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

describe(`publishing to Facebook and Instagram, and answering an Instagram comment (fr, ${DATABASE})`, () => {
  useMetaFake(fake);
  const suite = browserSuite(() => startTestRuche(DATABASE, { ...metaEnv(fake), ALLOW_PRIVATE_NETWORKS: '1' }), TIMEOUT);

  it('schedules a post with its own Instagram text and a story, sees both published, and answers and hides a hostile comment from the inbox', async () => {
    await networksPublishFlow(suite.browser, suite.server, fake, 'fr', {
      owner: 'Odile Gérante', page: 'Miel du Rhône',
      body: 'La récolte de printemps est là : miel d’acacia, doux et clair. Commandes ouvertes lundi.',
      variant: 'La récolte de printemps est là 🍯 Miel d’acacia, doux et clair. Chaque pot vient de nos ruches sur les coteaux au-dessus du fleuve, où les abeilles butinent l’acacia, le tilleul et les fleurs sauvages d’avril à juin. Nous l’extrayons à froid, sans jamais le chauffer : il garde tous ses arômes. Lien en bio ! #miel #apiculture',
      alt: 'Des pots de miel d’acacia clair sur une étagère en bois',
      storyAlt: 'Une apicultrice soulève un cadre plein de miel operculé',
      comment: 'Super <img src=x onerror=alert(1)> combien pour 2 pots ?',
      reply: 'Merci ! Le pot est à 9 €, les deux à 16 €.',
      removed: 'Vous livrez à Lille ? Laissez tomber, trouvé',
      hiddenThere: 'Des abonnés pas chers ici, cliquez sur mon profil',
    });
  }, TIMEOUT);
});
