import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/ConfirmDialog.js';

export const SHORTCUTS = [
  ['j', 'next'],
  ['k', 'previous'],
  ['x', 'check'],
  ['r', 'reply'],
  ['e', 'done'],
  ['a', 'assign'],
  ['l', 'label'],
  ['/', 'search'],
  ['?', 'help'],
] as const;

/** The keyboard shortcuts, listed; they work whenever the focus is not in a field. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('inbox.shortcuts.title')} onClose={onClose} className="inbox-dialog">
      <p className="muted">{t('inbox.shortcuts.lead')}</p>
      <dl className="inbox-shortcuts">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`inbox.shortcuts.${what}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('inbox.shortcuts.close')}
        </button>
      </div>
    </Dialog>
  );
}
