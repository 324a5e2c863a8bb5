import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import type { MediaLimits, NetworkId, NetworkPostOptions } from '../../connectors/types.js';
import { isNetworkId, NETWORKS } from '../../connectors/index.js';
import { AppError } from '../../http/errors.js';
import { optionsFor } from './network-options.js';

export interface FitMedia {
  mime: string;
  bytes: number;
  width: number | null;
  height: number | null;
  durationSec: number | null;
}

/** Why a network would refuse the post; `params` let the composer word it in the user's language. */
export interface FitProblem {
  network: NetworkId;
  code:
    | 'image_required' | 'video_required' | 'too_many_media' | 'ratio_out_of_range' | 'story_ratio' | 'story_single'
    | 'video_not_accepted' | 'image_not_accepted' | 'video_type' | 'video_too_long' | 'video_too_large';
  message: string;
  params: Record<string, string | number>;
}

// Instagram stories are shown full screen at 9:16; Meta's content publishing guide asks for that ratio.
const STORY_RATIO = 9 / 16;
const STORY_TOLERANCE = 0.01;

const isVideo = (m: FitMedia) => m.mime.startsWith('video/');
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** "1080×1350 (4:5)": the size and the simplest ratio, as people name them. */
export function shape(width: number, height: number) {
  const d = gcd(width, height) || 1;
  const [w, h] = [width / d, height / d];
  return w <= 50 && h <= 50 ? `${width}×${height} (${w}:${h})` : `${width}×${height} (${(width / height).toFixed(2)}:1)`;
}

/** Everything a network's declared limits and the post's settings for it refuse, checked before the post is planned. */
export function fitProblems(network: NetworkId, limits: MediaLimits, options: NetworkPostOptions | undefined, media: readonly FitMedia[]): FitProblem[] {
  const name = NETWORKS[network].name;
  const out: FitProblem[] = [];
  const add = (code: FitProblem['code'], message: string, params: Record<string, string | number> = {}) =>
    out.push({ network, code, message, params: { network: name, ...params } });
  const videos = media.filter(isVideo);
  const images = media.filter((m) => !isVideo(m));
  const takesImages = limits.mimeTypes.length > 0;

  if (options?.format === 'reel' && network === 'instagram') {
    if (videos.length === 0) add('video_required', `${name} reels need a video.`);
  } else if (limits.required && media.length === 0) {
    if (takesImages) add('image_required', `${name} takes no post without an image.`);
    else add('video_required', `${name} takes no post without a video.`);
  }
  if (limits.maxCount > 0 && media.length > limits.maxCount) {
    add('too_many_media', `${name} takes at most ${limits.maxCount} files in a post; this one has ${media.length}.`, { max: limits.maxCount, found: media.length });
  }
  if (videos.length > 0 && !limits.video) add('video_not_accepted', `${name} takes no video here.`);
  if (images.length > 0 && !takesImages && limits.video) add('image_not_accepted', `${name} takes videos only.`);
  if (limits.video) {
    for (const v of videos) {
      if (!limits.video.mimeTypes.includes(v.mime)) add('video_type', `${name} does not take ${v.mime} videos.`, { mime: v.mime });
      if (v.durationSec !== null && v.durationSec > limits.video.maxDurationSec) {
        add('video_too_long', `${name} takes videos up to ${limits.video.maxDurationSec} s; this one lasts ${Math.round(v.durationSec)} s.`, {
          max: limits.video.maxDurationSec, found: Math.round(v.durationSec),
        });
      }
      if (v.bytes > limits.video.maxBytes) {
        add('video_too_large', `${name} takes videos up to ${Math.floor(limits.video.maxBytes / 1_048_576)} MB.`, { maxMb: Math.floor(limits.video.maxBytes / 1_048_576) });
      }
    }
  }
  if (network === 'instagram' && options?.format === 'story') {
    if (media.length > 1) add('story_single', `An ${name} story is one image or one video; this post has ${media.length}.`, { found: media.length });
    for (const m of media) {
      if (!m.width || !m.height || Math.abs(m.width / m.height - STORY_RATIO) <= STORY_TOLERANCE) continue;
      const found = shape(m.width, m.height);
      add('story_ratio', `${name} stories are 9:16 (e.g. 1080×1920); this file is ${found}.`, { found, needed: '9:16' });
    }
  } else if (limits.ratio) {
    for (const m of images) {
      if (!m.width || !m.height) continue;
      const r = m.width / m.height;
      if (r >= limits.ratio.min - 0.005 && r <= limits.ratio.max + 0.005) continue;
      const found = shape(m.width, m.height);
      const needed = `${limits.ratio.min.toFixed(2)}:1 – ${limits.ratio.max.toFixed(2)}:1`;
      add('ratio_out_of_range', `${name} takes images from ${needed} wide; this one is ${found}.`, { found, needed });
    }
  }
  return out;
}

/** The post's problems on each network of its accounts, from each connector's declared limits. */
export async function postFitProblems(db: Kysely<Database>, post: { id: string; network_options?: string | null }): Promise<FitProblem[]> {
  const [targets, media] = await Promise.all([
    db.selectFrom('post_targets').innerJoin('social_accounts', 'social_accounts.id', 'post_targets.account_id')
      .select('social_accounts.network').distinct().where('post_targets.post_id', '=', post.id).execute(),
    db.selectFrom('post_media').innerJoin('media', 'media.id', 'post_media.media_id')
      .select(['media.mime', 'media.bytes', 'media.width', 'media.height', 'media.duration_sec'])
      .where('post_media.post_id', '=', post.id).orderBy('post_media.position').execute(),
  ]);
  const files: FitMedia[] = media.map((m) => ({
    mime: m.mime, bytes: Number(m.bytes), width: m.width, height: m.height, durationSec: m.duration_sec == null ? null : Number(m.duration_sec),
  }));
  return targets
    .map((t) => t.network)
    .filter(isNetworkId)
    .sort()
    .flatMap((network) => fitProblems(network, NETWORKS[network].limits.media, optionsFor(post.network_options, network), files));
}

/** Refuses to plan a post a network would refuse; the post itself stays as it was (a draft stays a draft). */
export async function assertFitsNetworks(db: Kysely<Database>, post: { id: string; network_options?: string | null }) {
  const problems = await postFitProblems(db, post);
  if (problems.length === 0) return;
  throw new AppError('not_fit_for_network', 422, problems.map((p) => p.message).join(' '), problems);
}
