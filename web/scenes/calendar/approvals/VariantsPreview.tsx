import { useTranslation } from 'react-i18next';
import type { PostTargetView, PostView } from '../../../../src/shared/api.js';
import { networkName } from '../../../lib/counters.js';
import { RichText } from '../../composer/NetworkPreview.js';

interface Version {
  key: string;
  text: string;
  main: boolean;
  targets: PostTargetView[];
}

/** Accounts that publish the same text are shown once, with each account's own variant after. */
export function versionsOf(post: PostView): Version[] {
  const main = post.targets.filter((t) => t.body === null);
  const out: Version[] = [];
  if (main.length || post.targets.length === 0) out.push({ key: 'main', text: post.body, main: true, targets: main });
  for (const t of post.targets) if (t.body !== null) out.push({ key: t.id, text: t.body, main: false, targets: [t] });
  return out;
}

/** What each network will receive: the text (as text, never HTML), the thread, the images with their alt text. */
export function VariantsPreview({ post }: { post: PostView }) {
  const { t } = useTranslation();
  return (
    <div className="variants">
      {versionsOf(post).map((v) => (
        <figure key={v.key} className="variant">
          <figcaption className="variant-caption">
            <span className="variant-kind">{v.main ? t('approvals.mainText') : t('approvals.ownText')}</span>
            {v.targets.map((target) => (
              <span key={target.id} className="account-chip">
                {networkName(target.network)} · @{target.handle}
              </span>
            ))}
          </figcaption>
          <p className="variant-text">
            <RichText text={v.text} />
          </p>
          {post.thread.length ? (
            <ol className="variant-thread" aria-label={t('composer.thread')}>
              {post.thread.map((part, i) => (
                <li key={i}>
                  <RichText text={part} />
                </li>
              ))}
            </ol>
          ) : null}
        </figure>
      ))}
      {post.media.length ? (
        <ul className="approval-media" aria-label={t('composer.images')}>
          {post.media.map((m) => (
            <li key={m.id}>
              <img src={m.url} alt={m.alt} className="approval-thumb" loading="lazy" />
              <span className={m.alt ? 'approval-alt' : 'approval-alt approval-alt-missing'}>{m.alt ? t('approvals.alt', { alt: m.alt }) : t('approvals.noAlt')}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
