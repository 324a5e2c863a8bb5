import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocialAccountView } from '../../../src/shared/api.js';
import { publishing } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { TimeZonePicker } from '../../components/TimeZonePicker.js';
import { TimeField } from '../../components/DateField.js';
import { minuteToTime, timeToMinute } from '../../lib/zoned.js';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

interface AccountScheduleProps {
  account: SocialAccountView;
  canEdit: boolean;
  onSaved: (message: string) => void;
}

/** An account's time zone (its market) and the weekly slots its queue fills ("next free slot"). */
export function AccountSchedule({ account, canEdit, onSaved }: AccountScheduleProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const id = useId();
  const [zone, setZone] = useState(account.timezone);
  const [slots, setSlots] = useState(account.slots.map((s) => ({ weekday: s.weekday, time: minuteToTime(s.minute) })));
  const [error, setError] = useState<string | null>(null);
  const update = (i: number, patch: Partial<{ weekday: number; time: string }>) => setSlots(slots.map((s, j) => (j === i ? { ...s, ...patch } : s)));

  const save = async () => {
    const parsed = slots.map((s) => ({ weekday: s.weekday, minute: timeToMinute(s.time) }));
    if (parsed.some((s) => s.minute === null)) return setError(t('accounts.badTime'));
    setError(null);
    try {
      await publishing.accounts.update(workspace.workspaceId, account.id, { timezone: zone, slots: parsed as Array<{ weekday: number; minute: number }> });
      onSaved(t('accounts.scheduleSaved', { handle: account.handle }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('accounts.scheduleTitle', { handle: account.handle })}</h2>
      <ErrorAlert>{error}</ErrorAlert>
      <fieldset disabled={!canEdit} className="form plain-fieldset">
        <TimeZonePicker label={t('accounts.timezone')} value={zone} onChange={setZone} disabled={!canEdit} />
        <p className="hint">{slots.length ? t('accounts.slotsHint', { zone }) : t('accounts.noSlots')}</p>
        {slots.length ? (
          <ul className="slots">
            {slots.map((s, i) => (
              <li key={i} className="slot">
                <select aria-label={t('accounts.slotDay', { number: i + 1 })} value={s.weekday} onChange={(e) => update(i, { weekday: Number(e.target.value) })}>
                  {WEEKDAYS.map((d) => (
                    <option key={d} value={d}>{t(`weekdays.${d}`)}</option>
                  ))}
                </select>
                <TimeField id={`${id}-slot-${i}`} ariaLabel={t('accounts.slotTime', { number: i + 1 })} value={s.time} onChange={(time) => update(i, { time })} compact />
                <button type="button" className="button button-small" aria-label={t('accounts.removeSlot', { number: i + 1 })} onClick={() => setSlots(slots.filter((_, j) => j !== i))}>
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="cell-actions">
          <button type="button" className="button" onClick={() => setSlots([...slots, { weekday: 0, time: '09:00' }])}>
            {t('accounts.addSlot')}
          </button>
          <button type="button" className="button button-primary" aria-label={t('accounts.saveSchedule', { handle: account.handle })} onClick={() => void save()}>
            {t('common.save')}
          </button>
        </div>
      </fieldset>
    </section>
  );
}
