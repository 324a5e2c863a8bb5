/** Where a node was written in the query: 0-based offsets, `end` excluded. */
export interface Span {
  start: number;
  end: number;
}

/** One word, folded (`folded`) and reduced to its singular (`stem`), the form the matcher compares. */
export interface WordNode extends Span {
  type: 'word';
  text: string;
  folded: string;
  stem: string;
}

/** `produit*`: any word that starts with `prefix` (folded, never reduced). */
export interface PrefixNode extends Span {
  type: 'prefix';
  text: string;
  prefix: string;
}

/** Words in this order; also what a hyphenated or elided word becomes (`coca-cola`, `l'Oréal`). */
export interface PhraseNode extends Span {
  type: 'phrase';
  text: string;
  folded: string[];
  stems: string[];
}

export interface HashtagNode extends Span {
  type: 'hashtag';
  text: string;
  /** Folded, without '#'. */
  tag: string;
}

export interface MentionNode extends Span {
  type: 'mention';
  text: string;
  /** Folded, without the leading '@'; may carry a Mastodon instance (`user@instance.social`). */
  handle: string;
}

export type QueryField = 'lang' | 'author' | 'site';

export interface FieldNode extends Span {
  type: 'field';
  field: QueryField;
  value: string;
}

export interface AndNode extends Span {
  type: 'and';
  children: QueryNode[];
}

export interface OrNode extends Span {
  type: 'or';
  children: QueryNode[];
}

export interface NotNode extends Span {
  type: 'not';
  child: QueryNode;
}

export type NearTerm = WordNode | PrefixNode | PhraseNode;
export type NearSide = NearTerm | (OrNode & { children: NearTerm[] });

/** Both sides with at most `distance` words between them, in either order. */
export interface NearNode extends Span {
  type: 'near';
  distance: number;
  left: NearSide;
  right: NearSide;
}

export type QueryNode =
  | WordNode
  | PrefixNode
  | PhraseNode
  | HashtagNode
  | MentionNode
  | FieldNode
  | AndNode
  | OrNode
  | NotNode
  | NearNode;
