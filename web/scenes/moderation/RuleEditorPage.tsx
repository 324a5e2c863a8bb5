import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { moderation, type ModerationRuleView } from '../../api/moderation.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { useSubmit } from '../../app/useSubmit.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { ErrorAlert } from '../../components/Alert.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { workspacePath } from '../../lib/areas.js';
import { ModerationNav, moderationPath } from './ModerationNav.js';
import { ConditionsFields } from './ConditionsFields.js';
import { ActionsFields } from './ActionsFields.js';
import { TryPanel } from './TryPanel.js';
import { useRuleTargets } from './names.js';
import { ruleSummary } from './summary.js';
import { draftProblems, emptyDraft, fromRule, toActions, toConditions, type RuleDraft } from './rule-draft.js';
import './moderation.css';

/** /moderation/rules/new and /moderation/rules/:ruleId. */
export function RuleEditorPage() {
  const { t } = useTranslation();
  const { ruleId } = useParams();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const isNew = !ruleId || ruleId === 'new';
  const [loaded, reload] = useLoad(async () => (isNew ? null : (await moderation.rules.list(wid)).find((r) => r.id === ruleId) ?? undefined), [wid, ruleId]);
  const title = isNew ? t('moderation.editor.newTitle') : t('moderation.editor.editTitle');
  return (
    <Page title={title}>
      <ModerationNav />
      <p>
        <Link to={moderationPath(wid, '/rules')}>{t('moderation.editor.back')}</Link>
      </p>
      <LoadStatus loaded={loaded} reload={reload} />
      {loaded.status === 'ready' && loaded.data === undefined ? <p className="card">{t('moderation.editor.notFound')}</p> : null}
      {loaded.status === 'ready' && loaded.data !== undefined ? <RuleEditor key={ruleId ?? 'new'} rule={loaded.data} /> : null}
    </Page>
  );
}

function RuleEditor({ rule }: { rule: ModerationRuleView | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const canEdit = workspace.can('moderation.rules');
  const { targets, names } = useRuleTargets(wid);
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? fromRule(rule) : emptyDraft()));
  const [shown, setShown] = useState<string[]>([]);
  const [deleting, setDeleting] = useState(false);
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const conditions = toConditions(draft);
  const actions = toActions(draft);
  const problems = draftProblems(draft);
  const listPath = moderationPath(wid, '/rules');

  // Problems in the draft are listed (and focused) instead of sent.
  const submit = useSubmit(async (enable?: boolean) => {
    setShown(problems);
    if (problems.length) {
      requestAnimationFrame(() => document.getElementById('rule-problems')?.focus());
      return;
    }
    const input = { name: draft.name.trim(), conditions, actions, stop: draft.stop, ...(enable === undefined ? {} : { enabled: enable }) };
    if (rule) await moderation.rules.update(wid, rule.id, input);
    else await moderation.rules.create(wid, { ...input, enabled: enable ?? false });
    navigate(listPath);
  });

  const removal = useSubmit(async () => {
    if (!rule) return;
    setDeleting(false);
    await moderation.rules.remove(wid, rule.id);
    navigate(listPath);
  });

  return (
    <form
      className="mod-editor"
      noValidate
      onSubmit={submit.onSubmit}
    >
      <fieldset disabled={!canEdit} className="mod-editor-fields">
        <div className="field mod-name">
          <label htmlFor="rule-name">{t('moderation.editor.name')}</label>
          <input id="rule-name" value={draft.name} maxLength={100} onChange={(ev) => set({ name: ev.target.value })} aria-invalid={shown.includes('name') || undefined} />
        </div>
        <section className="mod-plain" aria-labelledby="rule-plain">
          <h2 id="rule-plain">{t('moderation.editor.plain')}</h2>
          <p className="mod-plain-text">{ruleSummary(t, i18n.language, conditions, actions, names)}</p>
        </section>
        <h2 className="mod-editor-step">{t('moderation.editor.when')}</h2>
        <p className="hint">{t('moderation.editor.conditionsHint')}</p>
        <ConditionsFields draft={draft} set={set} patternError={problems.includes('pattern')} />
        <h2 className="mod-editor-step">{t('moderation.editor.then')}</h2>
        <ActionsFields draft={draft} set={set} targets={targets} savedRepliesPath={`${workspacePath(wid, 'settings')}/saved-replies`} />
      </fieldset>
      {shown.length ? (
        <div className="alert alert-error" id="rule-problems" tabIndex={-1} role="alert">
          <ul>
            {shown.map((p) => (
              <li key={p}>{t(`moderation.editor.problems.${p}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorAlert>{submit.error ?? removal.error}</ErrorAlert>
      {/* Trying a rule is part of writing one: members who only read the rules see no trial. */}
      {canEdit ? (
        <TryPanel
          workspaceId={wid}
          conditions={conditions}
          actions={actions}
          names={names}
          after={() =>
            canEdit && !(rule?.enabled) ? (
              <div className="cell-actions">
                <button type="button" className="button button-primary" disabled={submit.busy} onClick={() => void submit.run(true)}>
                  {t('moderation.editor.saveOn')}
                </button>
              </div>
            ) : null
          }
        />
      ) : null}
      {canEdit ? (
        <div className="cell-actions mod-editor-buttons">
          <button type="submit" className="button button-primary" disabled={submit.busy}>
            {rule ? t('moderation.editor.save') : rule === null ? t('moderation.editor.create') : t('moderation.editor.save')}
          </button>
          {rule ? (
            <button type="button" className="button button-danger" onClick={() => setDeleting(true)}>
              {t('moderation.editor.delete')}
            </button>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t('moderation.rules.readOnly')}</p>
      )}
      {deleting && rule ? (
        <ConfirmDialog
          title={t('moderation.editor.deleteTitle', { name: rule.name })}
          message={t('moderation.editor.deleteText')}
          confirmLabel={t('moderation.editor.delete')}
          onConfirm={() => void removal.run()}
          onCancel={() => setDeleting(false)}
        />
      ) : null}
    </form>
  );
}
