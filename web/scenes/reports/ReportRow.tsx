import { useState } from 'react';
import { useWhen } from '../../app/useWhen.js';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/UserText.js';
import { dayRangeInZone } from '../../lib/format.js';
import { reportsApi, type Report } from './api.js';
import { ShareLinks } from './ShareLinks.js';

const FORMATS = ['pdf', 'xlsx', 'csv'] as const;

/** A report: its period and state, a progress bar while it is made, then its files and share links. */
export function ReportRow({
  workspaceId,
  report: r,
  zone,
  manage,
  onRemove,
}: {
  workspaceId: string;
  report: Report;
  zone: string;
  manage: boolean;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const locale = i18n.language;
  const [sharing, setSharing] = useState(false);
  const working = r.status === 'queued' || r.status === 'running';
  const progress = r.progress && r.progress.total > 0 ? Math.max(0, Math.min(1, r.progress.done / r.progress.total)) : null;
  const step = r.progress?.step ? t(`reports.row.steps.${r.progress.step}`, { defaultValue: '' }) : '';
  return (
    <li className={`report-card report-${r.status}`}>
      <div className="report-head">
        <h3>
          <UserText>{r.title}</UserText>
        </h3>
        <span className={`tag report-status status-${r.status}`}>{t(`reports.status.${r.status}`)}</span>
      </div>
      <p className="muted">
        {t('reports.row.period', {
          period: dayRangeInZone(
            r.periodStart,
            new Date(new Date(r.periodEnd).getTime() - 1).toISOString(),
            zone,
            locale,
          ),
          language: t(`reports.languages.${r.locale}`, {
            defaultValue: r.locale,
          }),
        })}
        {' · '}
        {t('reports.row.created', {
          when: clock.dateTime(r.createdAt),
        })}
        {r.pages ? ` · ${t('reports.row.pages', { count: r.pages })}` : ''}
      </p>
      {working ? (
        <div
          className={`report-progress${progress === null ? ' report-progress-waiting' : ''}`}
          role="progressbar"
          aria-label={t('reports.row.progress', { title: r.title })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress === null ? undefined : Math.round(progress * 100)}
          aria-valuetext={progress === null ? t(`reports.status.${r.status}`) : step || `${Math.round(progress * 100)} %`}
        >
          <span
            style={{
              width: progress === null ? undefined : `${progress * 100}%`,
            }}
          />
        </div>
      ) : null}
      {working && step ? <p className="muted report-step">{step}</p> : null}
      {r.status === 'failed' ? (
        <p className="report-error">{t('reports.row.failed', { reason: r.error ?? '' })}</p>
      ) : null}
      <div className="report-actions">
        {r.status === 'ready'
          ? FORMATS.map((f) => (
              <a
                key={f}
                className={`button button-small${f === 'pdf' ? ' button-primary' : ''}`}
                href={reportsApi.fileUrl(workspaceId, r.id, f)}
                download
              >
                {t(`reports.row.download.${f}`)}
              </a>
            ))
          : null}
        {r.status === 'ready' && manage ? (
          <button
            type="button"
            className="button button-small"
            aria-expanded={sharing}
            onClick={() => setSharing(!sharing)}
          >
            {t('reports.shares.toggle')}
          </button>
        ) : null}
        {manage ? (
          <button
            type="button"
            className="button button-small button-danger"
            onClick={onRemove}
            aria-label={t('reports.row.removeLabel', { title: r.title })}
          >
            {t('common.delete')}
          </button>
        ) : null}
      </div>
      {sharing ? <ShareLinks workspaceId={workspaceId} reportId={r.id} zone={zone} /> : null}
    </li>
  );
}
