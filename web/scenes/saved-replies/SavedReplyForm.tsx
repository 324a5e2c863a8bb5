import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedReply, SavedReplyInput } from '../../api/moderation.js';
import { useWorkspace } from '../../app/workspace.js';
import { useSubmit, type Submit } from '../../app/useSubmit.js';
import { ErrorAlert } from '../../components/Alert.js';
import { UserText } from '../../components/UserText.js';
import { ApiError } from '../../api/client.js';
import { LintedTextarea } from '../../components/charter/LintedTextarea.js';
import { CharterFindings } from '../../components/charter/CharterFindings.js';
import { refreshCharter } from '../../components/charter/charterSource.js';
import { useCharterCheck } from '../../components/charter/useCharterCheck.js';
import { stopsMessage, type ShownFinding } from '../../components/charter/wording.js';
import { fillVariables, unknownVariables } from './variables.js';

interface Props {
  initial?: SavedReply;
  defaultLanguage: 'fr' | 'en';
  onSave: (input: SavedReplyInput) => Promise<void>;
  onCancel?: () => void;
}

const MAX_BODY = 2000;

/** Title, language and text of a saved reply, with the variables explained and a live preview. */
export function SavedReplyForm({ initial, defaultLanguage, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const id = useId();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [body, setBody] = useState(initial?.body ?? '');
  const [language, setLanguage] = useState<'fr' | 'en'>(initial?.language ?? defaultLanguage);
  const s = (key: string, values?: Record<string, unknown>) => t(`moderation.savedReplies.${key}`, values);
  const sample = { handle: s('sampleHandle'), displayName: s('sampleName'), brand: workspace.workspaceName };
  const unknown = unknownVariables(body);
  const editor = useRef<HTMLTextAreaElement>(null);
  const check = useCharterCheck(workspace.workspaceId, { text: body, kind: 'saved_reply', language });
  const findings = check?.findings ?? [];
  const blocked = findings.some(stopsMessage);
  const [refused, setRefused] = useState<ShownFinding[]>([]);

  const submit: Submit<[]> = useSubmit(async () => {
    if (!title.trim()) return submit.setError(s('needTitle'));
    if (!body.trim()) return submit.setError(s('needBody'));
    if (blocked) return submit.setError(t('charter.lint.blockedSaved'));
    setRefused([]);
    try {
      await onSave({ title: title.trim(), body, language });
    } catch (caught) {
      if (!(caught instanceof ApiError && caught.code === 'charter_blocked')) throw caught;
      setRefused(Array.isArray(caught.fields.findings) ? (caught.fields.findings as ShownFinding[]) : []);
      void refreshCharter(workspace.workspaceId);
      return submit.setError(t('charter.lint.blockedSaved'));
    }
    if (!initial) {
      setTitle('');
      setBody('');
    }
  });

  return (
    <form
      className="sr-form"
      noValidate
      aria-label={initial ? s('editFor', { title: initial.title }) : s('new')}
      onSubmit={submit.onSubmit}
    >
      <div className="sr-row">
        <div className="field sr-title">
          <label htmlFor={`${id}-title`}>{s('titleField')}</label>
          <input id={`${id}-title`} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-lang`}>{s('language')}</label>
          <select id={`${id}-lang`} value={language} onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'fr')}>
            <option value="fr" lang="fr">{t('lang.fr')}</option>
            <option value="en" lang="en">{t('lang.en')}</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{s('body')}</label>
        <LintedTextarea
          ref={editor}
          id={`${id}-body`}
          rows={4}
          lang={language}
          maxLength={MAX_BODY}
          value={body}
          findings={findings}
          aria-describedby={check ? `${id}-vars ${id}-lint` : `${id}-vars`}
          onChange={(e) => setBody(e.target.value)}
        />
        <p className="hint" id={`${id}-vars`}>
          {s('variables')}
        </p>
        {unknown.length ? <p className="hint sr-warn">{s('unknown', { names: unknown.map((n) => `{${n}}`).join(', ') })}</p> : null}
        {check && body.trim() ? <CharterFindings id={`${id}-lint`} findings={findings} kind="saved_reply" text={body} textarea={editor} onChange={setBody} /> : null}
      </div>
      <div className="sr-preview">
        <p className="sr-preview-label" id={`${id}-preview`}>
          {s('preview', { author: `@${sample.handle}` })}
        </p>
        <p className="sr-preview-text" aria-labelledby={`${id}-preview`} lang={language}>
          {body.trim() ? <UserText>{fillVariables(body, sample)}</UserText> : <span className="muted">{s('previewEmpty')}</span>}
        </p>
      </div>
      <ErrorAlert>{submit.error}</ErrorAlert>
      {submit.error && refused.length ? <CharterFindings className="lint-server" findings={refused} kind="saved_reply" label={t('charter.lint.serverFindings')} /> : null}
      {blocked ? (
        <p id={`${id}-blocked`} className="lint-blocked">
          {t('charter.lint.blockedSaved')}
        </p>
      ) : null}
      <div className="cell-actions">
        <button type="submit" className="button button-primary" disabled={submit.busy || blocked} aria-describedby={blocked ? `${id}-blocked` : undefined}>
          {initial ? s('save') : s('create')}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
