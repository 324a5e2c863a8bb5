import { useTranslation } from 'react-i18next';
import type { Figure } from '../api.js';
import { formatChange, formatValue, riseIsGood, trend, unitOf } from '../figures.js';

/** One key figure: its value, its change against the comparison period, and the formula it was computed with. */
export function FigureCard({ name, figure }: { name: string; figure: Figure }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const unit = unitOf(name);
  const direction = trend(figure);
  const good = direction === 'flat' || direction === 'none' ? null : (direction === 'up') === riseIsGood(name);
  return (
    <li className="figure-card">
      <h3 className="figure-name">{t(`analytics.figures.${name}`)}</h3>
      <p className="figure-value">{formatValue(figure.value, unit, locale)}</p>
      <p className={`figure-change${good === null ? '' : good ? ' figure-good' : ' figure-bad'}`}>
        {direction === 'none'
          ? t('analytics.change.none')
          : t('analytics.change.vs', {
              change: formatChange(figure.changePct!, locale),
              previous: formatValue(figure.previous, unit, locale),
            })}
      </p>
      <p className="figure-formula">
        {t(`analytics.formulas.${figure.formula}`, {
          defaultValue: figure.formula,
        })}
      </p>
    </li>
  );
}

/** Figures side by side, in the order given. */
export function FigureGrid({ title, figures }: { title: string; figures: [string, Figure][] }) {
  return (
    <section className="card analytics-section">
      <h2>{title}</h2>
      <ul className="figure-grid">
        {figures.map(([name, figure]) => (
          <FigureCard key={name} name={name} figure={figure} />
        ))}
      </ul>
    </section>
  );
}
