import { useTranslation } from 'react-i18next';
import type { MediaView, SocialAccountView } from '../../../src/shared/api.js';
import { networkName } from '../../lib/counters.js';
import { UserText } from '../../components/UserText.js';
import { runs } from '../../lib/richtext.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { MediaThumb } from './MediaThumb.js';

/** Text with links, hashtags and mentions highlighted, always as text (never HTML), its direction controls shown. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {runs(text).map((run, i) => {
        const shown = showDirectionControls(run.text);
        return run.kind === 'text' ? shown : <span key={i} className={`rich-${run.kind}`}>{shown}</span>;
      })}
    </>
  );
}

interface NetworkPreviewProps {
  account: SocialAccountView;
  text: string;
  thread: string[];
  media: MediaView[];
}

/** Roughly how the post will look on the account's network. */
export function NetworkPreview({ account, text, thread, media }: NetworkPreviewProps) {
  const { t } = useTranslation();
  const label = t('composer.previewOn', { network: networkName(account.network), handle: account.handle });
  return (
    <figure className={`preview preview-${account.network}`} aria-label={label}>
      <figcaption className="preview-caption">{label}</figcaption>
      {[text, ...thread.filter((p) => p.trim())].map((part, i) => (
        <div className="preview-post" key={i}>
          <div className="preview-author">
            <span className="preview-avatar" aria-hidden="true">{account.handle.slice(0, 1).toUpperCase()}</span>
            <span>
              <strong><UserText>{account.displayName || account.handle}</UserText></strong> <span className="muted"><UserText>{`@${account.handle}`}</UserText></span>
            </span>
          </div>
          <p className="preview-text">
            <RichText text={part} />
          </p>
          {i === 0 && media.length ? (
            <div className="preview-media">
              {media.map((m) => (
                <MediaThumb key={m.id} media={m} />
              ))}
            </div>
          ) : null}
        </div>
      ))}
    </figure>
  );
}
