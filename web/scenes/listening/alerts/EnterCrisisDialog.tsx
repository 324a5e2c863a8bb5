import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../app/workspace.js';
import { useLoad } from '../../../app/useLoad.js';
import { useSubmit } from '../../../app/useSubmit.js';
import { ErrorAlert } from '../../../components/Alert.js';
import { Dialog } from '../../../components/ConfirmDialog.js';
import { showDirectionControls } from '../../../lib/bidi.js';
import { inert } from '../../inbox/text.js';
import { crisisApi, type AlertView, type CrisisView } from './api.js';

const TITLE_MAX = 200;

interface Props {
  alert: AlertView;
  onOpened: (crisis: CrisisView) => void;
  onClose: () => void;
}

/** Opening the crisis room from an alert: its title, whether publishing stops, and the reply to start the statement from. */
export function EnterCrisisDialog({ alert, onOpened, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const wid = useWorkspace().workspaceId;
  const [title, setTitle] = useState(() => t('crisis.enter.defaultTitle', { topic: inert(alert.topicName, 80) }).slice(0, TITLE_MAX));
  const [pause, setPause] = useState(true);
  const [replyId, setReplyId] = useState('');
  const [replies] = useLoad(() => crisisApi.savedReplies(wid), [wid]);
  const submit = useSubmit(async () => {
    if (!title.trim()) {
      submit.setError(t('crisis.enter.titleMissing'));
      return;
    }
    const crisis = await crisisApi.open(wid, { alertId: alert.id, title: title.trim(), pausePublishing: pause, ...(replyId ? { savedReplyId: replyId } : {}) });
    onOpened(crisis);
  });

  return (
    <Dialog title={t('crisis.enter.title')} onClose={onClose} className="crisis-dialog" describedBy={`${id}-intro`}>
      <p id={`${id}-intro`}>{t('crisis.enter.intro')}</p>
      <form className="form" noValidate onSubmit={submit.onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('crisis.enter.name')}</label>
          <input id={`${id}-title`} value={title} maxLength={TITLE_MAX} required onChange={(e) => setTitle(e.target.value)} autoFocus />
        </div>
        <div className="field">
          <label className="check">
            <input type="checkbox" checked={pause} aria-describedby={`${id}-pause-hint`} onChange={(e) => setPause(e.target.checked)} />
            {t('crisis.enter.pause')}
          </label>
          <p className="hint" id={`${id}-pause-hint`}>
            {t('crisis.enter.pauseHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reply`}>{t('crisis.enter.reply')}</label>
          <select id={`${id}-reply`} value={replyId} onChange={(e) => setReplyId(e.target.value)} aria-describedby={`${id}-reply-hint`}>
            <option value="">{t('crisis.enter.noReply')}</option>
            {replies.status === 'ready'
              ? replies.data.items.map((r) => (
                  <option key={r.id} value={r.id}>
                    {showDirectionControls(inert(r.title, 80))}
                  </option>
                ))
              : null}
          </select>
          <p className="hint" id={`${id}-reply-hint`}>
            {replies.status === 'failed' ? t('crisis.enter.repliesFailed') : t('crisis.enter.replyHint')}
          </p>
        </div>
        <ErrorAlert>{submit.error}</ErrorAlert>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger" disabled={submit.busy}>
            {t('crisis.enter.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
