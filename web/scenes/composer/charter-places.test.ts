import { describe, expect, it } from 'vitest';
import type { SocialAccountView } from '../../../src/shared/api.js';
import { Charter } from '../../../src/shared/charter/charter.js';
import { checkMessage } from '../../../src/shared/charter/check.js';
import { charterPlaces, groupFindings } from './charter-places.js';
import { emptyDraft, type Draft } from './draft.js';

const charter = Charter.parse({
  vocabulary: {
    prefer: [{ use: 'client', insteadOf: ['usager'], severity: 'warning' }],
    forbidden: [{ term: 'arnaque', action: 'block' }, { term: 'garanti', action: 'legal_review' }],
  },
  hashtags: { key: ['#RucheCafe'] },
  networks: { mastodon: { maxLength: 40 } },
});
const account = (id: string, network: string) => ({ id, network, handle: `${id}.example` }) as SocialAccountView;
const sky = account('sky', 'bluesky');
const masto = account('masto', 'mastodon');

function check(draft: Draft, accounts: SocialAccountView[]) {
  const places = charterPlaces(draft, accounts, 'Léa');
  return groupFindings(places, places.map((p) => checkMessage(charter, p.input)), draft.thread.length);
}

describe('the composer’s texts checked against the charter', () => {
  it('checks the main text once per network, listing each finding once', () => {
    const draft: Draft = { ...emptyDraft(), body: 'Chaque usager aime notre miel de printemps, vraiment beaucoup.', accountIds: ['sky', 'masto'] };
    const found = check(draft, [sky, masto]);
    expect(found.body.filter((f) => f.rule === 'vocabulary.prefer')).toHaveLength(1);
    // The length limit is Mastodon's only, and stops the post.
    expect(found.body.filter((f) => f.rule === 'network.length').map((f) => f.params.network)).toEqual(['mastodon']);
    expect(found.blocked).toBe(true);
  });

  it('checks an account’s own text apart, and the thread without the rules about the whole post', () => {
    const draft: Draft = {
      ...emptyDraft(),
      body: 'Notre miel #RucheCafe',
      accountIds: ['sky'],
      variants: { sky: 'Ce n’est pas une arnaque #RucheCafe' },
      thread: ['Son goût est garanti.'],
    };
    const found = check(draft, [sky]);
    expect(found.body).toEqual([]);
    expect(found.variants.sky.map((f) => f.rule)).toEqual(['vocabulary.forbidden']);
    expect(found.thread[0].map((f) => f.rule)).toEqual(['vocabulary.legal_review']);
    expect(found.blocked).toBe(true);
    expect(found.legalReview).toBe(true);
  });

  it('lets a legal-review term through, with the review announced', () => {
    const draft: Draft = { ...emptyDraft(), body: 'Goût garanti #RucheCafe', accountIds: ['sky'] };
    const found = check(draft, [sky]);
    expect(found.blocked).toBe(false);
    expect(found.legalReview).toBe(true);
  });
});
