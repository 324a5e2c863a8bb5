import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en, fr } from '../../i18n/bundles.js';
import { Charter } from '../../../src/shared/charter/charter.js';
import { describeCharter, diffCharters } from './describe.js';

async function translator(lng: 'en' | 'fr') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const campaign = (id: string) => (id === 'c1' ? 'Rentrée' : id);

const before = Charter.parse({
  vocabulary: { prefer: [{ use: 'membre', insteadOf: ['usager'], language: 'fr' }] },
  hashtags: { perCampaign: [{ campaignId: 'c1', required: ['#Miel'] }] },
});
const after = Charter.parse({
  voice: { address: 'tu' },
  vocabulary: {
    prefer: [{ use: 'membre', insteadOf: ['usager'], language: 'fr' }],
    forbidden: [{ term: 'gratuit', action: 'legal_review', reason: 'À faire valider.' }],
  },
  hashtags: { perCampaign: [{ campaignId: 'c1', required: ['#Miel'] }] },
});

describe('a charter in sentences', () => {
  it('says every section, in English and French', async () => {
    const t = await translator('en');
    const sections = describeCharter(t, after, campaign);
    expect(sections.map((s) => s.id)).toEqual(['voice', 'languages', 'emoji', 'signature', 'typography', 'names', 'prefer', 'forbidden', 'hashtags', 'networks']);
    expect(sections.find((s) => s.id === 'prefer')?.lines).toEqual(['“membre” instead of “usager” (French, Suggestion)']);
    expect(sections.find((s) => s.id === 'hashtags')?.lines).toEqual(['Rentrée: #Miel required']);
    expect(sections.find((s) => s.id === 'names')).toEqual({ id: 'names', title: 'Brand and product names', lines: ['No names'], empty: true });
    const french = describeCharter(await translator('fr'), after, campaign);
    expect(french.find((s) => s.id === 'forbidden')?.lines.map(plain)).toEqual(['« gratuit » (les deux langues) : Envoyer en relecture juridique — À faire valider.']);
  });

  it('compares two versions section by section, naming only what differs', async () => {
    const t = await translator('en');
    const changes = diffCharters(describeCharter(t, before, campaign), describeCharter(t, after, campaign));
    expect(changes).toEqual([
      { id: 'voice', title: 'Voice', added: ['In French, the brand says “tu”'], removed: ['In French, “tu” or “vous”, as it comes'] },
      { id: 'forbidden', title: 'Words to avoid', added: ['“gratuit” (both languages): Send to legal review — À faire valider.'], removed: [] },
    ]);
    expect(diffCharters(describeCharter(t, after, campaign), describeCharter(t, after, campaign))).toEqual([]);
  });
});
