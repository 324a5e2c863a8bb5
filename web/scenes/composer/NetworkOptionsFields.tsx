import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostOptionsView } from '../../../src/shared/api.js';
import { DateWords } from '../../components/DateWords.js';
import { DateTimeField } from '../../components/DateField.js';

interface Props {
  network: string;
  value: PostOptionsView;
  onChange: (value: PostOptionsView) => void;
  disabled?: boolean;
}

// Which settings each network reads (src/connectors/types.ts NetworkPostOptions); the others have none.
const FIELDS: Record<string, ReadonlyArray<keyof PostOptionsView>> = {
  instagram: ['format', 'firstComment'],
  facebook: ['firstComment', 'link'],
  linkedin: ['firstComment', 'link'],
  youtube: ['title', 'privacy', 'publishAt'],
  pinterest: ['boardId', 'title', 'link'],
};

export const hasNetworkOptions = (network: string) => network in FIELDS;

/** The settings of one network tab: what only this network takes, said in the trade's words. */
export function NetworkOptionsFields({ network, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const fields = FIELDS[network];
  if (!fields) return null;
  const set = (patch: PostOptionsView) => onChange({ ...value, ...patch });
  const text = (field: 'firstComment' | 'title' | 'boardId' | 'link', props: { max: number; type?: string; multiline?: boolean }) => (
    <div className="field" key={field}>
      <label htmlFor={`${id}-${field}`}>{t(`composer.options.${field}`)}</label>
      {props.multiline ? (
        <textarea id={`${id}-${field}`} rows={2} maxLength={props.max} value={value[field] ?? ''} disabled={disabled}
          aria-describedby={`${id}-${field}-hint`} onChange={(e) => set({ [field]: e.target.value })} />
      ) : (
        <input id={`${id}-${field}`} type={props.type ?? 'text'} maxLength={props.max} value={value[field] ?? ''} disabled={disabled}
          aria-describedby={`${id}-${field}-hint`} onChange={(e) => set({ [field]: e.target.value })} />
      )}
      <p className="hint" id={`${id}-${field}-hint`}>{t(`composer.options.${field}Hint.${network}`, { defaultValue: t(`composer.options.${field}Hint.default`) })}</p>
    </div>
  );
  return (
    <fieldset className="network-options">
      <legend>{t('composer.options.legend')}</legend>
      {fields.map((field) => {
        switch (field) {
          case 'format':
            return (
              <div className="field" key={field}>
                <label htmlFor={`${id}-format`}>{t('composer.options.format')}</label>
                <select id={`${id}-format`} value={value.format ?? 'feed'} disabled={disabled} aria-describedby={`${id}-format-hint`}
                  onChange={(e) => set({ format: e.target.value as PostOptionsView['format'] })}>
                  {(['feed', 'story', 'reel'] as const).map((f) => <option key={f} value={f}>{t(`composer.options.formats.${f}`)}</option>)}
                </select>
                <p className="hint" id={`${id}-format-hint`}>{t(`composer.options.formatHint.${value.format ?? 'feed'}`)}</p>
              </div>
            );
          case 'privacy':
            return (
              <div className="field" key={field}>
                <label htmlFor={`${id}-privacy`}>{t('composer.options.privacy')}</label>
                <select id={`${id}-privacy`} value={value.privacy ?? 'public'} disabled={disabled}
                  onChange={(e) => set({ privacy: e.target.value as PostOptionsView['privacy'] })}>
                  {(['public', 'unlisted', 'private'] as const).map((p) => <option key={p} value={p}>{t(`composer.options.privacies.${p}`)}</option>)}
                </select>
              </div>
            );
          case 'publishAt':
            return (
              <div className="field" key={field}>
                <label htmlFor={`${id}-publishAt`}>{t('composer.options.publishAt')}</label>
                <DateTimeField id={`${id}-publishAt`} label={t('composer.options.publishAt')} disabled={disabled} describedBy={`${id}-publishAt-hint`}
                  value={value.publishAt ? toLocal(value.publishAt) : ''}
                  onChange={(local) => set({ publishAt: local ? new Date(local).toISOString() : '' })} />
                <p className="hint" id={`${id}-publishAt-hint`}>
                  {t('composer.options.publishAtHint.default')} <DateWords value={value.publishAt ? toLocal(value.publishAt) : ''} />
                </p>
              </div>
            );
          case 'firstComment':
            return text('firstComment', { max: 8000, multiline: true });
          case 'title':
            return text('title', { max: 100 });
          case 'boardId':
            return text('boardId', { max: 64 });
          case 'link':
            return text('link', { max: 2000, type: 'url' });
          default:
            return null;
        }
      })}
    </fieldset>
  );
}

/** datetime-local wants the browser's local time without a zone. */
function toLocal(iso: string) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
