import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface BulkBarProps {
  total: number;
  selected: number;
  busy: boolean;
  onSelectAll: (all: boolean) => void;
  onApprove: () => void;
}

/** Select all, and approve the selected posts at once. */
export function BulkBar({ total, selected, busy, onSelectAll, onApprove }: BulkBarProps) {
  const { t } = useTranslation();
  const all = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (all.current) all.current.indeterminate = selected > 0 && selected < total;
  }, [selected, total]);
  return (
    <div className="bulk-bar" role="group" aria-label={t('approvals.bulk')}>
      <label className="check">
        <input ref={all} type="checkbox" checked={total > 0 && selected === total} onChange={(e) => onSelectAll(e.target.checked)} />
        {t('approvals.selectAll', { count: total })}
      </label>
      <span className="muted" aria-live="polite">
        {t('approvals.selected', { count: selected })}
      </span>
      <button type="button" className="button button-primary" disabled={busy || selected === 0} onClick={onApprove}>
        {t('approvals.approveSelected')}
      </button>
    </div>
  );
}
