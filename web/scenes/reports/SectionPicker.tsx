import { useTranslation } from 'react-i18next';
import { REPORT_SECTIONS, type ReportSectionId } from './api.js';

/** The report's sections: ticked ones in their printed order, which the arrows change; unticked ones after. */
export function SectionPicker({
  sections,
  onChange,
}: {
  sections: ReportSectionId[];
  onChange: (next: ReportSectionId[]) => void;
}) {
  const { t } = useTranslation();
  const rest = REPORT_SECTIONS.filter((s) => !sections.includes(s));
  const move = (index: number, by: number) => {
    const next = [...sections];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(next);
  };
  return (
    <fieldset className="section-picker">
      <legend>{t('reports.form.sections')}</legend>
      <p className="hint">{t('reports.form.sectionsHint')}</p>
      <ol className="section-list">
        {sections.map((s, i) => (
          <li key={s}>
            <label className="check-row">
              <input type="checkbox" checked onChange={() => onChange(sections.filter((x) => x !== s))} />
              {t(`reports.sections.${s}`)}
            </label>
            <span className="section-moves">
              <button
                type="button"
                className="button button-small"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('reports.form.moveUp', {
                  section: t(`reports.sections.${s}`),
                })}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={i === sections.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('reports.form.moveDown', {
                  section: t(`reports.sections.${s}`),
                })}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      {rest.length > 0 ? (
        <ul className="section-list section-rest">
          {rest.map((s) => (
            <li key={s}>
              <label className="check-row">
                <input type="checkbox" checked={false} onChange={() => onChange([...sections, s])} />
                {t(`reports.sections.${s}`)}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
