import { useTranslation } from 'react-i18next';
import type { RadarState as Radar } from './api.js';

const KNOWN = ['learning', 'calm', 'elevated', 'alert'];

/** Where a topic's crisis radar stands; while it learns the topic's rhythm, how far it has got. */
export function RadarState({ radar, alertsEnabled }: { radar: Radar | null; alertsEnabled: boolean }) {
  const { t, i18n } = useTranslation();
  if (!alertsEnabled) return <span className="muted">{t('listening.radar.off')}</span>;
  if (!radar) return <span className="muted">{t('listening.radar.none')}</span>;
  const status = KNOWN.includes(radar.status) ? radar.status : 'calm';
  if (status === 'learning') {
    const days = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
    return (
      <span className="radar radar-learning">
        {t('listening.radar.learning', { have: days.format(radar.historyDays), need: days.format(radar.neededDays) })}
      </span>
    );
  }
  return <span className={`radar radar-${status}`}>{t(`listening.radar.${status}`)}</span>;
}
