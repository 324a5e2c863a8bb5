/** Every network Ruche connects, in the order the trade names them after the open ones, and their names. */
export const NETWORK_IDS = ['bluesky', 'mastodon', 'facebook', 'instagram', 'linkedin', 'x', 'youtube', 'pinterest'] as const;
export type NetworkKey = (typeof NETWORK_IDS)[number];

const NAMES: Record<string, string> = {
  bluesky: 'Bluesky', mastodon: 'Mastodon', facebook: 'Facebook', instagram: 'Instagram',
  linkedin: 'LinkedIn', x: 'X', youtube: 'YouTube', pinterest: 'Pinterest',
};

/** A network's own name (the same in every language); an unknown one as given. */
export const networkName = (network: string): string => NAMES[network] ?? network;
