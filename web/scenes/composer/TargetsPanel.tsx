import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { useWhen } from '../../app/useWhen.js';
import { networkName } from '../../lib/counters.js';
import { UserText } from '../../components/UserText.js';
import { longInZone } from '../../lib/zoned.js';

/** Where the post goes and how it went on each account, in the network's own words when it failed. */
export function TargetsPanel({ post, zone, onChanged }: { post: PostView; zone: string; onChanged: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const workspace = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canRetry = workspace.can('posts.publish') && (post.status === 'failed' || post.status === 'unknown');

  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      await publishing.posts.retry(workspace.workspaceId, post.id);
      onChanged(t('post.retrying'));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="targets-title">
      <h2 id="targets-title">{t('post.targets')}</h2>
      <ul className="targets">
        {post.targets.map((target) => (
          <li key={target.id} className={`target target-${target.status}`}>
            <p>
              <strong><UserText>{`@${target.handle}`}</UserText></strong> <span className="muted">({networkName(target.network)})</span> —{' '}
              <span className="target-status">{t(`targetStatus.${target.status}`)}</span>
            </p>
            {target.url ? (
              <p>
                <a href={target.url} target="_blank" rel="noreferrer noopener">
                  {t('post.viewOn', { network: networkName(target.network) })}
                </a>
                {target.publishedAt ? <span className="muted"> · {clock.dateTime(target.publishedAt)}</span> : null}
              </p>
            ) : null}
            {target.error ? (
              <p className="target-error">
                {t('post.networkSaid', { network: networkName(target.network) })} <q>{target.error.message}</q>
              </p>
            ) : null}
            {target.waiting ? (
              <p className="hint target-waiting">
                {target.waiting.reason
                  ? t('postEvents.waiting_for_network', { network: networkName(target.network), until: longInZone(target.waiting.until, zone, i18n.language), reason: target.waiting.reason })
                  : t('postEvents.waiting_for_budget', { network: networkName(target.network), until: longInZone(target.waiting.until, zone, i18n.language) })}
              </p>
            ) : null}
            {target.status === 'unknown' ? <p className="hint">{t('post.unknownHint')}</p> : null}
          </li>
        ))}
      </ul>
      <ErrorAlert>{error}</ErrorAlert>
      {canRetry ? (
        <button type="button" className="button button-primary" onClick={() => void retry()} disabled={busy}>
          {t('post.retry')}
        </button>
      ) : null}
    </section>
  );
}
