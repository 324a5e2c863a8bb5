import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { networkName } from '../../lib/counters.js';
import { inboxApi, type InboxItemView, type ModerationAction } from './api.js';
import { networkAllows } from './network-moderation.js';

const CONFIRM: ReadonlySet<ModerationAction> = new Set(['delete', 'block', 'report']);

export function allowed(network: string, kind: string, action: ModerationAction): boolean {
  if ((action === 'hide' || action === 'unhide') && kind !== 'reply') return false;
  return networkAllows(network, action);
}

/** Hide, delete, block, mute, report: each disabled, with the reason said, where the network does not allow it. */
export function ModerationBar({ wid, item, onDone }: { wid: string; item: InboxItemView; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [asking, setAsking] = useState<ModerationAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const actions: ModerationAction[] = [
    item.moderation === 'hidden' ? 'unhide' : 'hide',
    'delete',
    item.author.blocked ? 'unblock' : 'block',
    item.author.muted ? 'unmute' : 'mute',
    'report',
  ];
  const network = networkName(item.network);
  const author = `@${item.author.handle}`;

  const run = async (action: ModerationAction) => {
    setAsking(null);
    setBusy(true);
    setError(null);
    try {
      await inboxApi.moderate(wid, item.id, action);
      setStatus(t(`inbox.moderation.done.${action}`, { author }));
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="inbox-moderation" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('inbox.moderation.title')}</h3>
      <div className="inbox-moderation-buttons">
        {actions.map((action) => {
          const ok = allowed(item.network, item.kind, action);
          const reasonId = `${id}-${action}-why`;
          return (
            <span key={action} className="inbox-moderation-action">
              <button
                type="button"
                className={`button button-small${action === 'delete' || action === 'block' ? ' inbox-danger' : ''}`}
                disabled={!ok || busy}
                aria-describedby={ok ? undefined : reasonId}
                onClick={() => (CONFIRM.has(action) ? setAsking(action) : void run(action))}
              >
                {t(`inbox.moderation.action.${action}`)}
              </button>
              {ok ? null : (
                <span id={reasonId} className="inbox-moderation-why">
                  {t(action === 'hide' && item.kind !== 'reply' && networkAllows(item.network, 'hide') ? 'inbox.moderation.onlyReplies' : 'inbox.moderation.notAllowed', { network })}
                </span>
              )}
            </span>
          );
        })}
      </div>
      <ErrorAlert>{error ? errorMessage(t, error) : null}</ErrorAlert>
      <StatusMessage>{status}</StatusMessage>
      {asking ? (
        <ConfirmDialog
          title={t(`inbox.moderation.confirm.${asking}.title`, { author })}
          message={t(`inbox.moderation.confirm.${asking}.text`, { author, network })}
          confirmLabel={t(`inbox.moderation.action.${asking}`)}
          onConfirm={() => void run(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </section>
  );
}
