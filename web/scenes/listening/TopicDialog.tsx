import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { Dialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/Alert.js';
import { TextField, SelectField } from '../../components/Field.js';
import { SENSITIVITIES, TOPIC_KINDS, listeningApi, type Sensitivity, type Topic, type TopicInput, type TopicKind } from './api.js';
import { listeningError } from './names.js';
import { QueryEditor } from './QueryEditor.js';
import { useQueryCheck } from './useQueryCheck.js';

/** Colours that stay apart on the charts and keep a 3:1 contrast with white as marks, each with its name. */
const PALETTE = [
  ['#1f6fd1', 'blue'],
  ['#c2410c', 'orange'],
  ['#15803d', 'green'],
  ['#7e22ce', 'purple'],
  ['#b91c1c', 'red'],
  ['#0f766e', 'teal'],
  ['#a16207', 'ochre'],
  ['#be185d', 'pink'],
] as const;
export const TOPIC_COLORS: string[] = PALETTE.map(([c]) => c);

interface TopicDialogProps {
  workspaceId: string;
  /** The topic to edit; none to create one. */
  topic: Topic | null;
  usedColors: string[];
  onSaved: (topic: Topic) => void;
  onClose: () => void;
}

export function TopicDialog({ workspaceId, topic, usedColors, onSaved, onClose }: TopicDialogProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TopicInput>(() =>
    topic
      ? { name: topic.name, kind: topic.kind, query: topic.query, color: topic.color, sensitivity: topic.sensitivity, cooldownMinutes: topic.cooldownMinutes, minMentions: topic.minMentions, alertsEnabled: topic.alertsEnabled }
      : { name: '', kind: 'brand', query: '', color: TOPIC_COLORS.find((c) => !usedColors.includes(c)) ?? TOPIC_COLORS[0], sensitivity: 'medium', cooldownMinutes: 360, minMentions: 10, alertsEnabled: true },
  );
  const { check, checking } = useQueryCheck(workspaceId, draft.query);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof TopicInput>(key: K, value: TopicInput[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Said in the app's language, beside the button, rather than by the browser in its own.
    if (!draft.name.trim()) {
      setError(t('listening.topics.form.needName'));
      return;
    }
    if (!draft.query.trim()) {
      setError(t('listening.topics.form.needQuery'));
      return;
    }
    if (check?.error) {
      setError(t('listening.topics.form.fixQuery'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const input = { ...draft, name: draft.name.trim() };
      onSaved(topic ? await listeningApi.updateTopic(workspaceId, topic.id, input) : await listeningApi.createTopic(workspaceId, input));
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'invalid_query' ? t('listening.topics.form.fixQuery') : listeningError(t, e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t(topic ? 'listening.topics.form.editTitle' : 'listening.topics.form.newTitle')} onClose={onClose} className="topic-dialog">
      <form className="form topic-form" noValidate onSubmit={submit}>
        <TextField label={t('listening.topics.form.name')} value={draft.name} maxLength={80} required autoFocus onChange={(e) => set('name', e.target.value)} />
        <div className="topic-form-row">
          <SelectField
            label={t('listening.topics.form.kind')}
            value={draft.kind}
            onChange={(e) => set('kind', e.target.value as TopicKind)}
            options={TOPIC_KINDS.map((k) => ({ value: k, label: t(`listening.kinds.${k}`) }))}
          />
          <fieldset className="topic-colors">
            <legend>{t('listening.topics.form.color')}</legend>
            <div className="topic-color-list">
              {PALETTE.map(([c, name]) => (
                <label key={c} className="topic-color-choice" style={{ background: c }}>
                  <input type="radio" name="topic-color" value={c} checked={draft.color === c} onChange={() => set('color', c)} />
                  <span className="visually-hidden">{t(`listening.colors.${name}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <QueryEditor value={draft.query} onChange={(q) => set('query', q)} check={check} checking={checking} />
        <fieldset className="topic-radar">
          <legend>{t('listening.topics.form.radar')}</legend>
          <label className="topic-check">
            <input type="checkbox" checked={draft.alertsEnabled} onChange={(e) => set('alertsEnabled', e.target.checked)} />
            {t('listening.topics.form.alertsEnabled')}
          </label>
          <div className="topic-form-row">
            <SelectField
              label={t('listening.topics.form.sensitivity')}
              hint={t('listening.topics.form.sensitivityHint')}
              value={draft.sensitivity}
              onChange={(e) => set('sensitivity', e.target.value as Sensitivity)}
              options={SENSITIVITIES.map((s) => ({ value: s, label: t(`listening.sensitivity.${s}`) }))}
            />
            <TextField
              label={t('listening.topics.form.cooldown')}
              hint={t('listening.topics.form.cooldownHint')}
              type="number"
              inputMode="numeric"
              min={15}
              max={10080}
              value={draft.cooldownMinutes}
              onChange={(e) => set('cooldownMinutes', Number(e.target.value))}
            />
            <TextField
              label={t('listening.topics.form.minMentions')}
              hint={t('listening.topics.form.minMentionsHint')}
              type="number"
              inputMode="numeric"
              min={1}
              max={10000}
              value={draft.minMentions}
              onChange={(e) => set('minMentions', Number(e.target.value))}
            />
          </div>
        </fieldset>
        <ErrorAlert>{error}</ErrorAlert>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t(topic ? 'listening.topics.form.save' : 'listening.topics.form.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
