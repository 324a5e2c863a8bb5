import { useTranslation } from 'react-i18next';
import { Counters } from './Counters.js';

interface ThreadEditorProps {
  parts: string[];
  networks: string[];
  onChange: (parts: string[]) => void;
  disabled?: boolean;
  prepare?: (network: string, text: string) => string;
}

/** Follow-up parts published as replies to the first post (a thread, or a first reply). */
export function ThreadEditor({ parts, networks, onChange, disabled, prepare }: ThreadEditorProps) {
  const { t } = useTranslation();
  const set = (i: number, text: string) => onChange(parts.map((p, j) => (j === i ? text : p)));
  return (
    <section className="thread" aria-labelledby="thread-title">
      <h3 id="thread-title">{t('composer.thread')}</h3>
      <p className="hint">{t('composer.threadHint')}</p>
      {parts.map((part, i) => (
        <div className="field" key={i}>
          <label htmlFor={`thread-part-${i}`}>{t('composer.part', { number: i + 2 })}</label>
          <textarea id={`thread-part-${i}`} rows={3} value={part} disabled={disabled} aria-describedby={`thread-count-${i}`} onChange={(e) => set(i, e.target.value)} />
          <Counters id={`thread-count-${i}`} text={part} networks={networks} prepare={prepare} />
          <button type="button" className="button button-small" disabled={disabled} aria-label={t('composer.removePart', { number: i + 2 })} onClick={() => onChange(parts.filter((_, j) => j !== i))}>
            {t('common.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" disabled={disabled} onClick={() => onChange([...parts, ''])}>
        {t('composer.addPart')}
      </button>
    </section>
  );
}
