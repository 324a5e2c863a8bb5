import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, isRole, type RoleName } from '../../../src/shared/permissions.js';
import { publishing, type ApprovalStep } from '../../api/publishing.js';
import { useWorkspace } from '../../app/workspace.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { roleLabel } from '../../i18n/index.js';

interface ApprovalStepsEditorProps {
  steps: Array<{ roles: string[]; count: number }>;
  canEdit: boolean;
  onSaved: (message: string) => void;
}

/** Approval steps in order: each needs `count` different people holding one of its roles. None: no approval. */
export function ApprovalStepsEditor({ steps: saved, canEdit, onSaved }: ApprovalStepsEditorProps) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const [steps, setSteps] = useState<ApprovalStep[]>(saved.map((s) => ({ roles: s.roles.filter(isRole), count: s.count })));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (i: number, patch: Partial<ApprovalStep>) => setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const toggle = (i: number, role: RoleName, on: boolean) =>
    update(i, { roles: on ? [...steps[i].roles, role] : steps[i].roles.filter((r) => r !== role) });

  const save = async () => {
    if (steps.some((s) => s.roles.length === 0)) return setError(t('publishingSettings.pickRole'));
    setBusy(true);
    setError(null);
    try {
      await publishing.settings.setApprovalSteps(workspace.workspaceId, steps);
      onSaved(steps.length ? t('publishingSettings.saved', { count: steps.length }) : t('publishingSettings.savedNone'));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="approval-steps">
      <h2 id="approval-steps">{t('publishingSettings.steps')}</h2>
      <p className="hint">{steps.length ? t('publishingSettings.stepsHint') : t('publishingSettings.noSteps')}</p>
      <ErrorAlert>{error}</ErrorAlert>
      <ol className="steps">
        {steps.map((step, i) => (
          <li key={i} className="step">
            <fieldset disabled={!canEdit}>
              <legend>{t('publishingSettings.step', { number: i + 1 })}</legend>
              <div className="role-choices">
                {ROLES.map((role) => (
                  <label key={role} className="check">
                    <input type="checkbox" checked={step.roles.includes(role)} onChange={(e) => toggle(i, role, e.target.checked)} />
                    {roleLabel(t, role)}
                  </label>
                ))}
              </div>
              <div className="step-footer">
                <label className="inline-field">
                  {t('publishingSettings.count', { number: i + 1 })}
                  <input type="number" min={1} max={10} value={step.count} onChange={(e) => update(i, { count: Math.max(1, Math.min(10, Number(e.target.value) || 1)) })} />
                </label>
                <button type="button" className="button button-small" aria-label={t('publishingSettings.removeStep', { number: i + 1 })} onClick={() => setSteps(steps.filter((_, j) => j !== i))}>
                  {t('common.remove')}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {canEdit ? (
        <div className="cell-actions">
          {steps.length < 5 ? (
            <button type="button" className="button" onClick={() => setSteps([...steps, { roles: [], count: 1 }])}>
              {t('publishingSettings.addStep')}
            </button>
          ) : null}
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()}>
            {t('publishingSettings.save')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('publishingSettings.readOnly')}</p>
      )}
    </section>
  );
}
