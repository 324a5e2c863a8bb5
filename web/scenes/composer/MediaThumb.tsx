import { useTranslation } from 'react-i18next';
import type { MediaView } from '../../../src/shared/api.js';

/** An image, or a video's first frame with its controls and length: what the library and the previews show of a file. */
export function MediaThumb({ media, className, alt, lazy }: { media: MediaView; className?: string; alt?: string; lazy?: boolean }) {
  const { t } = useTranslation();
  if (!media.mime.startsWith('video/')) return <img src={media.url} alt={alt ?? media.alt} className={className} loading={lazy ? 'lazy' : undefined} />;
  const seconds = Math.round(media.durationSec ?? 0);
  const length = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <figure className={`video-thumb ${className ?? ''}`}>
      <video src={media.url} controls muted preload="metadata" aria-label={t('composer.video', { name: media.fileName, length })} />
      <figcaption className="muted small">{t('composer.videoInfo', { length, width: media.width ?? '?', height: media.height ?? '?' })}</figcaption>
    </figure>
  );
}
