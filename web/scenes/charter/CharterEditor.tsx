import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../src/shared/api.js';
import type { Charter } from '../../../src/shared/charter/charter.js';
import { useWorkspace } from '../../app/workspace.js';
import { useSubmit } from '../../app/useSubmit.js';
import { ApiError } from '../../api/client.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { charterApi, type CharterVersion } from './api.js';
import { checkDraft, fromDraft, toDraft, type CharterDraft, type FieldError } from './draft.js';
import { FieldErrors } from './fields.js';
import { VoiceSection } from './VoiceSection.js';
import { VocabularySection } from './VocabularySection.js';
import { HashtagsSection } from './HashtagsSection.js';
import { NetworksSection } from './NetworksSection.js';
import { TryIt } from './TryIt.js';
import { History } from './History.js';
import { Violations } from './Violations.js';

interface Props {
  workspaceId: string;
  initial: CharterVersion;
  campaigns: CampaignView[];
  /** The networks the workspace publishes to. */
  networks: string[];
}

const same = (a: CharterDraft, b: CharterDraft) => JSON.stringify(fromDraft(a)) === JSON.stringify(fromDraft(b));

/** The charter's form, saved on top of the version it started from; the try-it box, the history, what breaks it. */
export function CharterEditor({ workspaceId, initial, campaigns, networks }: Props) {
  const { t } = useTranslation();
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  const workspace = useWorkspace();
  const [current, setCurrent] = useState(initial);
  const [saved, setSaved] = useState(() => toDraft(initial.charter, networks));
  const [draft, setDraft] = useState(saved);
  const [showErrors, setShowErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<Map<string, FieldError>>(new Map());
  const [conflict, setConflict] = useState(false);
  const [status, setStatus] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const lastGood = useRef<Charter>(initial.charter);

  const checked = useMemo(() => checkDraft(draft), [draft]);
  if (checked.ok) lastGood.current = checked.charter;
  const dirty = !same(draft, saved);
  // Once a save was refused, problems are shown as they are made and fixed.
  const errors = showErrors && !checked.ok ? checked.errors : serverErrors;
  const problems = showErrors && !checked.ok ? checked.errors.size : 0;
  const campaignName = (id: string) => campaigns.find((c) => c.id === id)?.name ?? p('hashtags.goneCampaign', { id });

  // Leaving the page with changes not saved asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const set = (patch: Partial<CharterDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus('');
    setServerErrors(new Map());
  };

  const adopt = (version: CharterVersion) => {
    const next = toDraft(version.charter, networks);
    setCurrent(version);
    setSaved(next);
    setDraft(next);
    setShowErrors(false);
    setServerErrors(new Map());
    setConflict(false);
  };

  const focusFirstProblem = () => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  /** Saves a charter on top of the version shown; a conflict or a refused field is said, not thrown. */
  const store = async (charter: unknown, restoredFrom?: number) => {
    try {
      const answer = await charterApi.save(workspaceId, charter as Charter, current.version);
      adopt(answer);
      setStatus(restoredFrom === undefined ? p('saved', { version: answer.version }) : p('restored', { old: restoredFrom, version: answer.version }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setConflict(true);
        return;
      }
      if (error instanceof ApiError && error.status === 400 && Array.isArray(error.details)) {
        const found = new Map<string, FieldError>();
        for (const d of error.details as Array<{ path?: unknown; message?: unknown }>) {
          if (typeof d.path === 'string') found.set(d.path.replace(/^charter\./, ''), { code: 'server', values: { message: String(d.message ?? '') } });
        }
        setServerErrors(found);
        focusFirstProblem();
      }
      throw error;
    }
  };

  const submit = useSubmit(async () => {
    setStatus('');
    if (!checked.ok) {
      setShowErrors(true);
      focusFirstProblem();
      return;
    }
    await store(fromDraft(draft));
  });

  const reloadLatest = useSubmit(async () => adopt(await charterApi.get(workspaceId)));

  return (
    <div className="charter-layout">
      <div className="charter-workbench">
        <form ref={form} className="charter-form" noValidate aria-labelledby="charter-form-title" onSubmit={submit.onSubmit}>
          <h2 id="charter-form-title" className="visually-hidden">
            {p('formTitle')}
          </h2>
          <p className="muted charter-base">{current.version ? p('editingVersion', { version: current.version }) : p('noneYet')}</p>
          <FieldErrors.Provider value={errors}>
            <VoiceSection draft={draft} set={set} />
            <VocabularySection draft={draft} set={set} />
            <HashtagsSection draft={draft} set={set} campaigns={campaigns} />
            <NetworksSection draft={draft} set={set} />
          </FieldErrors.Provider>
          <div className="charter-savebar">
            {conflict ? (
              <div className="alert alert-error" role="alert">
                <p>{p('conflict')}</p>
                <button type="button" className="button button-small" disabled={reloadLatest.busy} onClick={() => void reloadLatest.run()}>
                  {p('reloadLatest')}
                </button>
              </div>
            ) : (
              <ErrorAlert>{problems ? p('fixFields', { count: problems }) : (submit.error ?? reloadLatest.error)}</ErrorAlert>
            )}
            <StatusMessage>{status}</StatusMessage>
            <div className="cell-actions">
              <button type="submit" className="button button-primary" disabled={submit.busy || conflict}>
                {p('save')}
              </button>
              {dirty ? (
                <>
                  <span className="charter-dirty">{p('unsaved')}</span>
                  <button type="button" className="button" onClick={() => adopt(current)}>
                    {p('discard')}
                  </button>
                </>
              ) : null}
            </div>
          </div>
        </form>
        <TryIt charter={checked.ok ? checked.charter : lastGood.current} stale={!checked.ok} networks={Object.keys(draft.networks).filter((n) => n !== 'default')} campaigns={campaigns} />
      </div>
      <History workspaceId={workspaceId} current={current} canManage campaignName={campaignName} onRestore={(old) => store(old.charter, old.version)} />
      {workspace.can('posts.write') || workspace.can('inbox.reply') ? (
        <Violations workspaceId={workspaceId} version={current.version} canOpenSavedReplies={workspace.can('inbox.read')} />
      ) : null}
    </div>
  );
}
