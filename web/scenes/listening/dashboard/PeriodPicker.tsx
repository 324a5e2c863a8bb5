import { useTranslation } from 'react-i18next';
import { PERIODS, type Period } from '../period.js';

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  return (
    <div className="period-picker" role="group" aria-label={t('listening.dashboard.period')}>
      {PERIODS.map((p) => (
        <button key={p} type="button" className="period-option" aria-pressed={value === p} onClick={() => onChange(p)}>
          {t(`listening.periods.${p}`)}
        </button>
      ))}
    </div>
  );
}
