import { useTranslation } from 'react-i18next';
import { STATUSES, type ItemStatus } from './api.js';

interface Props {
  count: number;
  onStatus: (status: ItemStatus) => void;
  onAssign: () => void;
  onLabel: () => void;
  onAll: () => void;
  onClear: () => void;
}

/** What can be done to every checked item at once. */
export function BulkBar({ count, onStatus, onAssign, onLabel, onAll, onClear }: Props) {
  const { t } = useTranslation();
  return (
    <div className="inbox-bulk" role="toolbar" aria-label={t('inbox.bulk.label', { count })}>
      <span className="inbox-bulk-count">{t('inbox.bulk.count', { count })}</span>
      {STATUSES.map((s) => (
        <button key={s} type="button" className="button button-small" onClick={() => onStatus(s)}>
          {t('inbox.bulk.mark', { status: t(`inbox.status.${s}`) })}
        </button>
      ))}
      <button type="button" className="button button-small" onClick={onAssign}>
        {t('inbox.assign.button')}
      </button>
      <button type="button" className="button button-small" onClick={onLabel}>
        {t('inbox.labels.button')}
      </button>
      <button type="button" className="button button-small" onClick={onAll}>
        {t('inbox.bulk.all')}
      </button>
      <button type="button" className="button button-small" onClick={onClear}>
        {t('inbox.bulk.clear')}
      </button>
    </div>
  );
}
