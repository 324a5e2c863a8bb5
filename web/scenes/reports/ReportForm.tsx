import { useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { WorkspaceView } from '../../../src/shared/api.js';
import { useSignedIn } from '../../app/session.js';
import { useSubmit } from '../../app/useSubmit.js';
import { ErrorAlert } from '../../components/Alert.js';
import { SelectField, TextField } from '../../components/Field.js';
import { UserText } from '../../components/UserText.js';
import { workspacePath } from '../../lib/areas.js';
import {
  FREE_TEXT_SECTIONS,
  REPORT_SECTIONS,
  reportsApi,
  type ReportSectionId,
  type ReportTemplate,
  type ReportTexts,
  type TemplateInput,
} from './api.js';
import { periodChoices, periodLabel } from './periods.js';
import { defaultTitle } from './title.js';
import { SectionPicker } from './SectionPicker.js';
import { useReportTexts } from './useReportTexts.js';
import { useMailAvailable } from '../notifications/useMailAvailable.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reports are written in English or French; any other language of the page falls back to English. */
const reportLocale = (lang: string) => (lang.startsWith('fr') ? 'fr' : 'en');

function readRecipients(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Props {
  workspaceId: string;
  settings: WorkspaceView;
  template: ReportTemplate | null;
}

/** What a report holds and for whom; generate it now, save it as a template, or both. */
export function ReportForm({ workspaceId, settings, template }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const session = useSignedIn();
  const id = useId();
  const zone = settings.timezone;
  const [kind, setKind] = useState<'month' | 'quarter'>(template?.period ?? 'month');
  const choices = useMemo(() => periodChoices(kind, zone, Date.now()), [kind, zone]);
  const [which, setWhich] = useState(choices[1].value);
  const chosen = choices.find((c) => c.value === which) ?? choices[1];
  const [lang, setLang] = useState<'en' | 'fr'>(reportLocale(template?.locale ?? settings.locale ?? i18n.language));
  const langReady = useReportTexts(lang);
  const [title, setTitle] = useState<string | null>(null);
  const shownTitle = title ?? (langReady ? defaultTitle(t, kind, chosen.first, lang) : '');
  const [sections, setSections] = useState<ReportSectionId[]>(template?.sections ?? [...REPORT_SECTIONS]);
  const [texts, setTexts] = useState<ReportTexts>(template?.texts ?? {});
  const [color, setColor] = useState(template?.brandColor ?? '#8a5300');
  const others = session.memberships.filter(
    (m) => m.workspaceId !== workspaceId && m.permissions.includes('analytics.read'),
  );
  const [workspaceIds, setWorkspaceIds] = useState<string[]>(
    template?.workspaceIds.filter((w) => w !== workspaceId) ?? [],
  );
  const [recipients, setRecipients] = useState((template?.schedule.recipients ?? []).join(', '));
  const [saveTemplate, setSaveTemplate] = useState(template !== null);
  const [templateName, setTemplateName] = useState(template?.name ?? '');
  const [schedule, setSchedule] = useState(template?.schedule.enabled ?? false);
  const mail = useMailAvailable();

  const check = (): string[] | null => {
    const list = readRecipients(recipients);
    const bad = list.find((e) => !EMAIL.test(e));
    if (bad) {
      submit.setError(t('reports.form.badEmail', { email: bad }));
      return null;
    }
    if (sections.length === 0) {
      submit.setError(t('reports.form.noSection'));
      return null;
    }
    if (saveTemplate && !templateName.trim()) {
      submit.setError(t('reports.form.templateNameMissing'));
      return null;
    }
    return list;
  };
  const templateInput = (list: string[]): TemplateInput => ({
    name: templateName.trim(),
    period: kind,
    locale: lang,
    sections,
    texts,
    workspaceIds: workspaceIds.length > 0 ? [workspaceId, ...workspaceIds] : [],
    brandColor: color,
    schedule: { enabled: schedule, recipients: list },
  });
  const reportsPath = workspacePath(workspaceId, 'reports');

  const submit = useSubmit(async (action: 'generate' | 'save' = 'generate') => {
    const list = check();
    if (!list) return;
    let templateId = template?.id ?? null;
    if (saveTemplate) {
      const saved = template
        ? await reportsApi.templates.update(workspaceId, template.id, templateInput(list))
        : await reportsApi.templates.create(workspaceId, templateInput(list));
      templateId = saved.id;
    }
    if (action === 'generate') {
      await reportsApi.create(workspaceId, {
        ...(templateId ? { templateId } : {}),
        // Left empty, the server names the report in its language.
        ...(shownTitle.trim() ? { title: shownTitle.trim() } : {}),
        locale: lang,
        period: kind,
        from: chosen.from,
        to: chosen.to,
        sections,
        texts,
        brandColor: color,
        workspaceIds: workspaceIds.length > 0 ? [workspaceId, ...workspaceIds] : [],
        recipients: list,
      });
    }
    navigate(reportsPath);
  });

  return (
    <form
      className="report-form card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run('generate');
      }}
    >
      <ErrorAlert>{submit.error}</ErrorAlert>
      <fieldset>
        <legend>{t('reports.form.periodLegend')}</legend>
        <div className="form-row">
          <SelectField
            label={t('reports.form.kind')}
            value={kind}
            onChange={(e) => {
              const next = e.target.value as 'month' | 'quarter';
              setKind(next);
              setWhich(periodChoices(next, zone, Date.now())[1].value);
            }}
            options={[
              { value: 'month', label: t('reports.form.periodKind.month') },
              { value: 'quarter', label: t('reports.form.periodKind.quarter') },
            ]}
          />
          <SelectField
            label={t('reports.form.which')}
            value={chosen.value}
            onChange={(e) => setWhich(e.target.value)}
            options={choices.map((c) => ({
              value: c.value,
              label: periodLabel(kind, c.first, i18n.language, (quarter, year) =>
                t('reports.form.quarterName', { quarter, year }),
              ),
            }))}
          />
        </div>
      </fieldset>
      <div className="form-row">
        <TextField
          label={t('reports.form.reportTitle')}
          value={shownTitle}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={160}
        />
        <SelectField
          label={t('reports.form.language')}
          value={lang}
          onChange={(e) => setLang(reportLocale(e.target.value))}
          options={[
            { value: 'en', label: t('reports.languages.en') },
            { value: 'fr', label: t('reports.languages.fr') },
          ]}
        />
        <div className="field">
          <label htmlFor={`${id}-color`}>{t('reports.form.color')}</label>
          <input
            id={`${id}-color`}
            type="color"
            value={color}
            onChange={(e) => setColor(e.target.value)}
            className="color-input"
          />
        </div>
      </div>
      <SectionPicker sections={sections} onChange={setSections} />
      {FREE_TEXT_SECTIONS.filter((s) => sections.includes(s)).map((s) => (
        <div className="field" key={s}>
          <label htmlFor={`${id}-${s}`}>{t(`reports.sections.${s}`)}</label>
          <textarea
            id={`${id}-${s}`}
            rows={4}
            maxLength={5000}
            value={texts[s as keyof ReportTexts] ?? ''}
            onChange={(e) => setTexts({ ...texts, [s]: e.target.value })}
            aria-describedby={`${id}-${s}-hint`}
          />
          <p className="hint" id={`${id}-${s}-hint`}>
            {t(`reports.form.textHints.${s}`)}
          </p>
        </div>
      ))}
      {others.length > 0 ? (
        <fieldset>
          <legend>{t('reports.form.workspaces')}</legend>
          <p className="hint">{t('reports.form.workspacesHint')}</p>
          {others.map((m) => (
            <label key={m.workspaceId} className="check-row">
              <input
                type="checkbox"
                checked={workspaceIds.includes(m.workspaceId)}
                onChange={(e) =>
                  setWorkspaceIds(
                    e.target.checked
                      ? [...workspaceIds, m.workspaceId]
                      : workspaceIds.filter((w) => w !== m.workspaceId),
                  )
                }
              />
              <UserText>{m.workspaceName}</UserText>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-recipients`}>{t('reports.form.recipients')}</label>
        <textarea
          id={`${id}-recipients`}
          rows={2}
          value={recipients}
          onChange={(e) => setRecipients(e.target.value)}
          aria-describedby={`${id}-recipients-hint`}
        />
        <p className="hint" id={`${id}-recipients-hint`}>
          {t('reports.form.recipientsHint')}
          {mail ? null : (
            <>
              {' '}
              <strong>{t('reports.form.noMail')}</strong>
            </>
          )}
        </p>
      </div>
      <fieldset>
        <legend>{t('reports.form.templateLegend')}</legend>
        {template ? null : (
          <label className="check-row">
            <input type="checkbox" checked={saveTemplate} onChange={(e) => setSaveTemplate(e.target.checked)} />
            {t('reports.form.saveTemplate')}
          </label>
        )}
        {saveTemplate ? (
          <>
            <TextField
              label={t('reports.form.templateName')}
              value={templateName}
              onChange={(e) => setTemplateName(e.target.value)}
              maxLength={120}
            />
            <label className="check-row">
              <input type="checkbox" checked={schedule} onChange={(e) => setSchedule(e.target.checked)} />
              {t(`reports.form.schedule.${kind}`)}
            </label>
          </>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={submit.busy}>
          {t('reports.form.generate')}
        </button>
        {template ? (
          <button type="button" className="button" disabled={submit.busy} onClick={() => void submit.run('save')}>
            {t('reports.form.saveOnly')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={() => navigate(reportsPath)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
