/** What the Meta Graph fake stores: users, Pages, Instagram accounts, posts, media, containers, comments, messages. */
export interface FakeUser { id: string; name: string }
export interface FakePage {
  id: string; name: string; username: string; token: string; owner: string; tasks: string[]; followers: number;
  igUserId: string | null; blocked: Set<string>; permissions: Set<string>;
}
export interface FakeIgUser { id: string; username: string; name: string; pageId: string; followers: number; follows: number }
export interface FakePost {
  id: string; pageId: string; message: string; created: number; link: string | null; photos: { id: string; alt: string | null }[];
  deleted: boolean; reactions: number; shares: number; views: number;
}
export interface FakeMedia {
  id: string; igUserId: string; caption: string; created: number; type: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM' | 'STORY' | 'REELS';
  items: { alt: string | null; url: string }[]; deleted: boolean; likes: number; shares: number; views: number;
}
export interface FakeContainer {
  id: string; igUserId: string; params: Record<string, string>; pollsLeft: number; status: 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'PUBLISHED';
  error: string | null; mediaId: string | null; items: { alt: string | null; url: string }[];
}
export interface FakeComment {
  id: string; objectId: string; rootId: string; fromId: string; fromName: string; message: string; created: number;
  hidden: boolean; deleted: boolean; parentId: string | null;
}
export interface FakeMessage { id: string; conversationId: string; pageId: string; platform: 'messenger' | 'instagram'; fromId: string; fromName: string; text: string; created: number }

export class MetaState {
  private n = 1000;
  users = new Map<string, FakeUser>();
  /** token → whose it is; `expired` and `revoked` tokens answer 190. */
  tokens = new Map<string, { kind: 'user' | 'page'; id: string; state: 'ok' | 'expired' | 'revoked'; longLived: boolean }>();
  pages = new Map<string, FakePage>();
  igUsers = new Map<string, FakeIgUser>();
  posts = new Map<string, FakePost>();
  unpublishedPhotos = new Map<string, { pageId: string; alt: string | null; used: boolean }>();
  media = new Map<string, FakeMedia>();
  containers = new Map<string, FakeContainer>();
  comments = new Map<string, FakeComment>();
  messages: FakeMessage[] = [];
  /** Instagram mentions: media of others that tag the account. */
  tags: { igUserId: string; id: string; caption: string; username: string; created: number }[] = [];
  pageTags: { pageId: string; id: string; message: string; fromId: string; fromName: string; created: number }[] = [];
  /** Page id → the Page webhook fields the app is subscribed to there (/{page-id}/subscribed_apps). */
  subscriptions = new Map<string, string[]>();
  clock = Date.now();

  id(): string {
    return String(++this.n) + String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  }

  /** Strictly increasing seconds-resolution-safe times, so that ordering is stable. */
  tick(): number {
    this.clock = Math.max(this.clock + 1000, Date.now());
    return this.clock;
  }
}

export const graphTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
