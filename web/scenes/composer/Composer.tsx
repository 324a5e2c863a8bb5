import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../src/shared/api.js';
import { ApiError } from '../../api/client.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { countFor, networkName } from '../../lib/counters.js';
import type { PublishingBasics } from '../publishing/basics.js';
import { isEditable } from '../publishing/status.js';
import { draftFromPost, emptyDraft, textFor, type Draft } from './draft.js';
import { outcome, send, type After } from './actions.js';
import { AccountPicker } from './AccountPicker.js';
import { Counters } from './Counters.js';
import { VariantTabs } from './VariantTabs.js';
import { ThreadEditor } from './ThreadEditor.js';
import { MediaPicker } from './MediaPicker.js';
import { NetworkPreview } from './NetworkPreview.js';
import { PlannedTime } from './PlannedTime.js';
import { PostDetails } from './PostDetails.js';
import { ComposerButtons } from './ComposerButtons.js';

interface ComposerProps {
  basics: PublishingBasics;
  post: PostView | null;
  onSaved: (post: PostView, message: string) => void;
  onReload?: () => void;
}

/** One message for several accounts, with per-account variants, a thread, images, previews and a planned time. */
export function Composer({ basics, post, onSaved, onReload }: ComposerProps) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const id = useId();
  const { zone, accounts } = basics;
  const initial = useMemo(() => (post ? draftFromPost(post, zone) : emptyDraft()), [post, zone]);
  const [draft, setDraft] = useState<Draft>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [status, setStatus] = useState('');
  const readOnly = !workspace.can('posts.write') || (post !== null && !isEditable(post.status));
  const selected = accounts.filter((a) => draft.accountIds.includes(a.id));
  const networks = [...new Set(selected.map((a) => a.network))];
  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const problems = (): string | null => {
    if (draft.accountIds.length === 0) return t('composer.pickAccount');
    for (const a of selected) {
      if (countFor(a.network, textFor(draft, a.id)).over) return t('composer.tooLong', { handle: a.handle, network: networkName(a.network) });
    }
    if (!draft.body.trim() && draft.media.length === 0) return t('composer.empty');
    return null;
  };

  const run = async (after: After) => {
    const problem = after === 'save' ? (draft.accountIds.length ? null : t('composer.pickAccount')) : problems();
    if (problem) return setError({ message: problem, conflict: false });
    setBusy(true);
    setError(null);
    try {
      const saved = await send(workspace.workspaceId, zone, post, initial, draft, after);
      const message = outcome(t, saved, zone, i18n.language, after);
      setStatus(message);
      onSaved(saved, message);
    } catch (caught) {
      setError({ message: errorMessage(t, caught), conflict: caught instanceof ApiError && caught.code === 'version_conflict' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="composer" aria-labelledby={`${id}-title`} onSubmit={(e) => { e.preventDefault(); void run('save'); }}>
      <h2 id={`${id}-title`} className="visually-hidden">{t('composer.title')}</h2>
      <StatusMessage>{status}</StatusMessage>
      {error ? (
        <ErrorAlert>
          {error.message}{' '}
          {error.conflict && onReload ? (
            <button type="button" className="button button-small" onClick={onReload}>
              {t('composer.reload')}
            </button>
          ) : null}
        </ErrorAlert>
      ) : null}
      <div className="composer-columns">
        <div className="composer-main">
          <AccountPicker accounts={accounts} selected={draft.accountIds} onChange={(accountIds) => change({ accountIds })} disabled={readOnly} />
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('composer.body')}</label>
            <textarea id={`${id}-body`} rows={6} value={draft.body} disabled={readOnly} aria-describedby={`${id}-count`} onChange={(e) => change({ body: e.target.value })} />
            <Counters id={`${id}-count`} text={draft.body} networks={networks} />
          </div>
          <VariantTabs accounts={selected} body={draft.body} variants={draft.variants} onChange={(variants) => change({ variants })} disabled={readOnly} />
          <ThreadEditor parts={draft.thread} networks={networks} onChange={(thread) => change({ thread })} disabled={readOnly} />
          <MediaPicker media={draft.media} onChange={(media) => change({ media })} onAnnounce={setStatus} disabled={readOnly} />
          <PostDetails draft={draft} campaigns={basics.campaigns} onChange={change} disabled={readOnly} />
          <PlannedTime value={draft.plannedAt} zone={zone} accounts={selected} onChange={(plannedAt) => change({ plannedAt })} disabled={readOnly} />
          {readOnly ? null : (
            <ComposerButtons post={post} draft={draft} approvalRequired={basics.settings.approvalSteps.length > 0} busy={busy} onRun={(after) => void run(after)} />
          )}
        </div>
        <div className="composer-previews" aria-label={t('composer.previews')} role="region">
          {selected.length === 0 ? <p className="muted">{t('composer.previewHint')}</p> : null}
          {selected.map((a) => (
            <NetworkPreview key={a.id} account={a} text={textFor(draft, a.id)} thread={draft.thread} media={draft.media} />
          ))}
        </div>
      </div>
    </form>
  );
}
