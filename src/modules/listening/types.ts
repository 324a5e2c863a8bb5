/**
 * What every listening source yields: one public post or article, as the network or feed gave it. Sources never
 * write to the store; the listening pipeline normalises, analyses, matches against the topics, groups
 * near-duplicates and stores these in batches, then advances the source's cursor.
 */
export type ListeningNetwork = 'bluesky' | 'mastodon' | 'feed';

export interface ListeningAuthor {
  /** The network's own id: a DID, a Mastodon account URI, a feed author's name or the feed's host. */
  id: string;
  handle: string;
  displayName: string | null;
  avatarUrl?: string | null;
  /** Followers or subscribers where the network says, for reach. */
  followers: number | null;
  url?: string | null;
}

export interface ListeningPost {
  network: ListeningNetwork;
  /**
   * The post's global identity, the same from every instance or relay that carries it: an at:// URI, a Mastodon
   * status URI, a feed entry's id (else its link). Mentions are de-duplicated on it.
   */
  uri: string;
  /** Where a person reads it on the web. */
  url: string | null;
  author: ListeningAuthor;
  /** Plain text (a feed entry: its title, then its summary with the markup taken out). */
  text: string;
  title?: string | null;
  /** ISO date or epoch milliseconds. */
  createdAt: string | number;
  /** BCP 47 tags the author or feed declared. */
  languages: string[];
  /** Lower-cased, without '#', where the network lists them (Bluesky facets, Mastodon tags). */
  hashtags?: string[];
  /** Handles mentioned, without '@', where the network lists them. */
  mentions?: string[];
  links?: string[];
  engagement?: { likes?: number; reposts?: number; replies?: number };
  /** The post this one reposts or boosts (its uri), when it is a repost. */
  repostOf?: string | null;
}
