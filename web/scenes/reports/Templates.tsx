import { useState } from 'react';
import { useWhen } from '../../app/useWhen.js';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../app/useLoad.js';
import { api } from '../../api/client.js';
import { ErrorAlert } from '../../components/Alert.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { UserText } from '../../components/UserText.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { reportsApi, type ReportTemplate } from './api.js';
import { periodChoices } from './periods.js';
import { defaultTitle } from './title.js';
import { loadLanguage } from '../../i18n/index.js';
import { useMailAvailable } from '../notifications/useMailAvailable.js';

/** Saved templates: their schedule at a glance, a report from one in a click, and a way to change or drop them. */
export function Templates({ workspaceId, onGenerated }: { workspaceId: string; onGenerated: (title: string) => void }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const locale = i18n.language;
  const [loaded, reload] = useLoad(async () => {
    const [templates, settings] = await Promise.all([
      reportsApi.templates.list(workspaceId),
      api.workspaces.get(workspaceId),
    ]);
    return { items: templates.items, zone: settings.timezone };
  }, [workspaceId]);
  const [error, setError] = useState<string | null>(null);
  const mail = useMailAvailable();
  const act = async (action: () => Promise<void>) => {
    try {
      await action();
      setError(null);
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };
  const generate = (tpl: ReportTemplate, zone: string) =>
    act(async () => {
      // The last finished month or quarter: a report run by hand covers what the schedule would have sent.
      const period = periodChoices(tpl.period, zone, Date.now(), 2)[1];
      const locale = tpl.locale === 'fr' ? 'fr' : 'en';
      await loadLanguage(locale);
      const title = defaultTitle(t, tpl.period, period.first, locale);
      await reportsApi.create(workspaceId, {
        templateId: tpl.id,
        title,
        locale: tpl.locale,
        period: tpl.period,
        from: period.from,
        to: period.to,
        sections: tpl.sections,
        texts: tpl.texts,
        brandColor: tpl.brandColor,
        workspaceIds: tpl.workspaceIds,
      });
      onGenerated(title);
    });
  const toggle = (tpl: ReportTemplate) =>
    act(async () => {
      await reportsApi.templates.update(workspaceId, tpl.id, {
        schedule: { ...tpl.schedule, enabled: !tpl.schedule.enabled },
      });
      await reload();
    });
  const remove = (tpl: ReportTemplate) =>
    act(async () => {
      await reportsApi.templates.remove(workspaceId, tpl.id);
      await reload();
    });

  return (
    <section aria-labelledby="report-templates-title" className="report-templates">
      <h2 id="report-templates-title">{t('reports.templates.title')}</h2>
      <ErrorAlert>{error}</ErrorAlert>
      <LoadStatus loaded={loaded} reload={reload} />
      {loaded.status === 'ready' && loaded.data.items.length === 0 ? (
        <p className="muted">{t('reports.templates.empty')}</p>
      ) : null}
      {loaded.status === 'ready' && loaded.data.items.length > 0 ? (
        <ul className="report-list">
          {loaded.data.items.map((tpl) => (
            <li key={tpl.id} className="report-card">
              <div className="report-head">
                <h3>
                  <UserText>{tpl.name}</UserText>
                </h3>
                <span className="tag">{t(`reports.form.periodKind.${tpl.period}`)}</span>
              </div>
              <p className="muted">
                {tpl.schedule.enabled
                  ? t('reports.templates.scheduled', {
                      recipients:
                        tpl.schedule.recipients.length > 0
                          ? new Intl.ListFormat(locale).format(tpl.schedule.recipients)
                          : t('reports.templates.noRecipients'),
                      next: tpl.nextRunAt ? clock.dateTime(tpl.nextRunAt) : '–',
                    })
                  : t('reports.templates.notScheduled')}
              </p>
              {tpl.schedule.enabled && tpl.schedule.recipients.length > 0 && !mail ? (
                <p className="hint">
                  <strong>{t('reports.form.noMail')}</strong>
                </p>
              ) : null}
              <div className="report-actions">
                <button
                  type="button"
                  className="button button-small button-primary"
                  onClick={() => void generate(tpl, loaded.data.zone)}
                  aria-label={t('reports.templates.generateLabel', {
                    name: tpl.name,
                  })}
                >
                  {t('reports.templates.generate')}
                </button>
                <label className="check-row">
                  <input type="checkbox" checked={tpl.schedule.enabled} onChange={() => void toggle(tpl)} />
                  {t('reports.templates.scheduleOn')}
                </label>
                <Link
                  className="button button-small"
                  to={`${workspacePath(workspaceId, 'reports')}/templates/${encodeURIComponent(tpl.id)}`}
                  aria-label={t('reports.templates.editLabel', {
                    name: tpl.name,
                  })}
                >
                  {t('common.edit')}
                </Link>
                <button
                  type="button"
                  className="button button-small button-danger"
                  onClick={() => void remove(tpl)}
                  aria-label={t('reports.templates.removeLabel', {
                    name: tpl.name,
                  })}
                >
                  {t('common.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
