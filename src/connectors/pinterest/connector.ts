import { ConnectorError, isConnectorError } from '../errors.js';
import { assertPublishable, graphemeLength } from '../text.js';
import type { AccountInfo, Connector, ConnectorDeps, ExistingHint, NetworkLimits, OutgoingPost, PostRef, PublishedPost, TextCount } from '../types.js';
import { PinterestHttp } from './http.js';
import { countPinterestText, PINTEREST_CAPABILITIES, PINTEREST_LIMITS, PINTEREST_TITLE_MAX } from './limits.js';
import { Pin, PinList, PinterestCredentials, UserAccount } from './schemas.js';

/** Pins a look-up reads on the board, newest first. */
const LOOKUP_PAGES = 4;
const PAGE = 25;
/** The pin's private note carries our key: Pinterest has no idempotency key, and the note is only seen by the owner. */
const noteFor = (key: string) => `ruche:${key}`;

export class PinterestConnector implements Connector {
  readonly network = 'pinterest' as const;
  readonly capabilities = PINTEREST_CAPABILITIES;
  private readonly creds: PinterestCredentials;
  private readonly http: PinterestHttp;

  constructor(deps: ConnectorDeps) {
    const parsed = PinterestCredentials.safeParse(deps.credentials);
    if (!parsed.success) throw new ConnectorError('pinterest', 'auth_expired', 'The saved Pinterest credentials are unreadable; reconnect the account.');
    this.creds = parsed.data;
    this.http = new PinterestHttp({ apiBase: this.creds.apiBase, token: this.creds.accessToken, fetch: deps.fetch, now: deps.now });
  }

  async limits(): Promise<NetworkLimits> {
    return PINTEREST_LIMITS;
  }

  async countText(text: string): Promise<TextCount> {
    return countPinterestText(text);
  }

  async account(): Promise<AccountInfo> {
    const u = UserAccount.parse((await this.http.call('/user_account')).json);
    return { id: u.username, handle: u.username, displayName: u.business_name ?? u.username, followers: u.follower_count ?? null };
  }

  /** Looks the key up on the board first, so a retry never makes a second pin; after a lost answer, looks again. */
  async publish(post: OutgoingPost): Promise<PublishedPost> {
    assertPublishable('pinterest', PINTEREST_LIMITS, post);
    const image = post.media?.[0];
    if (!image) throw new ConnectorError('pinterest', 'rejected', 'A pin needs an image.');
    const title = post.options?.title?.trim();
    if (title && graphemeLength(title) > PINTEREST_TITLE_MAX) {
      throw new ConnectorError('pinterest', 'rejected', `The pin title is ${graphemeLength(title)} characters long; Pinterest allows ${PINTEREST_TITLE_MAX}.`);
    }
    const boardId = post.options?.boardId ?? this.creds.boardId;
    const existing = await this.findOnBoard(boardId, post.idempotencyKey);
    if (existing) return existing;
    const media_source = image.publicUrl
      ? { source_type: 'image_url', url: image.publicUrl }
      : { source_type: 'image_base64', content_type: image.mimeType, data: Buffer.from(image.bytes).toString('base64') };
    try {
      const created = Pin.parse((await this.http.call('/pins', {
        method: 'POST',
        json: {
          board_id: boardId, description: post.text, note: noteFor(post.idempotencyKey), media_source,
          ...(title ? { title } : {}), ...(post.options?.link ? { link: post.options.link } : {}), ...(image.alt ? { alt_text: image.alt } : {}),
        },
      })).json);
      return this.toPublished(created, false);
    } catch (err) {
      if (!(isConnectorError(err) && err.networkCode === 'no_answer')) throw err;
      const found = await this.findOnBoard(boardId, post.idempotencyKey).catch(() => null);
      if (found) return found;
      throw new ConnectorError('pinterest', 'unknown_outcome', 'Pinterest did not answer and the pin is not on the board: check the board before publishing again.', { cause: err });
    }
  }

  private async findOnBoard(boardId: string, key: string): Promise<PublishedPost | null> {
    let bookmark: string | null | undefined;
    for (let i = 0; i < LOOKUP_PAGES; i++) {
      const page = PinList.parse((await this.http.call(`/boards/${encodeURIComponent(boardId)}/pins`, {
        query: { page_size: String(PAGE), ...(bookmark ? { bookmark } : {}) },
      })).json);
      const pin = page.items.find((p) => p.note === noteFor(key));
      if (pin) return this.toPublished(pin, true);
      bookmark = page.bookmark;
      if (!bookmark) return null;
    }
    throw new ConnectorError('pinterest', 'unknown_outcome', `The pin is not among the board's ${LOOKUP_PAGES * PAGE} latest; check the board before publishing again.`);
  }

  async findExisting(key: string, _hint?: ExistingHint): Promise<PublishedPost | null> {
    return this.findOnBoard(this.creds.boardId, key);
  }

  async getPost(ref: PostRef): Promise<PublishedPost | null> {
    try {
      return this.toPublished(Pin.parse((await this.http.call(`/pins/${encodeURIComponent(ref.id)}`)).json), false);
    } catch (err) {
      if (isConnectorError(err) && err.kind === 'gone') return null;
      throw err;
    }
  }

  async delete(ref: PostRef): Promise<void> {
    try {
      await this.http.call(`/pins/${encodeURIComponent(ref.id)}`, { method: 'DELETE' });
    } catch (err) {
      if (!(isConnectorError(err) && err.kind === 'gone')) throw err;
    }
  }

  private toPublished(pin: Pin, alreadyExisted: boolean): PublishedPost {
    return { ref: { id: pin.id }, url: `https://www.pinterest.com/pin/${pin.id}/`, text: pin.description ?? '', createdAt: new Date(pin.created_at).toISOString(), alreadyExisted };
  }
}
