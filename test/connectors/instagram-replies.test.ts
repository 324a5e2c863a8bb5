/**
 * Answers on Instagram, against the Graph fake (test/connectors/meta-fake.ts, an HTTP fake of Graph v24.0): a
 * comment on the media goes to /{ig-media-id}/comments, a reply to a visitor's comment to /{ig-comment-id}/replies
 * (Graph "IG Comment Replies"), and a reply whose answer was lost is found again on that same edge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstagramConnector } from '../../src/connectors/instagram/connector.js';
import { MetaFake } from './meta-fake.js';
import { addIgComment } from './meta-fake-instagram.js';
import { jpeg, MediaHost } from './meta-harness.js';

let fake: MetaFake;
let host: MediaHost;
let n = 0;

beforeAll(async () => {
  fake = await new MetaFake().start();
  host = await new MediaHost().start();
});
afterAll(async () => {
  await fake.close();
  await host.close();
});

async function publishedMedia() {
  const { page, ig } = fake.createPage(`Ruche réponses ${++n}`, { instagram: true });
  const credentials = { network: 'instagram', apiBase: fake.apiBase, pageId: page.id, igUserId: ig!.id, accessToken: page.token, handle: ig!.username };
  const connector = new InstagramConnector({ credentials }, { pollMs: 5 });
  const bytes = await jpeg(1080, 1080);
  const image = { bytes, mimeType: 'image/jpeg', width: 1080, height: 1080, publicUrl: host.put(`r${n}.jpg`, bytes, 'image/jpeg') };
  const media = await connector.publish({ idempotencyKey: `media-${n}`, text: 'Récolte de printemps', media: [image] });
  return { ig: ig!, credentials, connector, media: media.ref };
}

describe('Instagram answers', () => {
  it('answers a visitor\'s comment as a reply to it, and the media itself with a comment', async () => {
    const { ig, connector, media } = await publishedMedia();
    const comment = addIgComment(fake, { id: '17841400000000001', username: 'abeille' }, media.id, 'Combien le pot ?');
    const reply = await connector.publish({ idempotencyKey: `reply-${n}`, text: '9 € le pot', replyTo: { id: comment }, replyRoot: media });
    expect(fake.state.comments.get(reply.ref.id)).toMatchObject({ parentId: comment, rootId: media.id, fromName: ig.username, message: '9 € le pot' });
    const onMedia = await connector.publish({ idempotencyKey: `comment-${n}`, text: 'Merci à tous', replyTo: media, replyRoot: media });
    expect(fake.state.comments.get(onMedia.ref.id)).toMatchObject({ parentId: null, objectId: media.id, message: 'Merci à tous' });
  });

  it('finds a reply already sent to a comment among that comment\'s replies', async () => {
    const { credentials, connector, media } = await publishedMedia();
    const comment = addIgComment(fake, { id: '17841400000000002', username: 'frelon' }, media.id, 'Livrez-vous ?');
    const notBefore = new Date(Date.now() - 60_000).toISOString();
    const sent = await connector.publish({ idempotencyKey: `sent-${n}`, text: 'Oui, partout en France', replyTo: { id: comment }, replyRoot: media });
    // A new connector, as after a restart: only Instagram knows the reply went out.
    const again = new InstagramConnector({ credentials }, { pollMs: 5 });
    const found = await again.findExisting(`sent-${n}`, { text: 'Oui, partout en France', replyTo: { id: comment }, replyRoot: media, notBefore });
    expect(found?.ref.id).toBe(sent.ref.id);
  });
});
