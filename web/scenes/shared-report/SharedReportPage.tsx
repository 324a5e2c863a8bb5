import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { AuthCard } from '../../components/AuthCard.js';
import { Loading } from '../../components/Alert.js';
import { UserText } from '../../components/UserText.js';
import { dateTimeInZone, dayRangeInZone, zoneLabel } from '../../lib/format.js';
import { errorMessage } from '../../lib/errors.js';
import { reportsApi, type SharedReport } from '../reports/api.js';
import '../reports/reports.css';

type State =
  | { status: 'loading' }
  | { status: 'ready'; report: SharedReport }
  | { status: 'gone' }
  | { status: 'failed'; error: unknown };

/** What a client opens from a share link, signed in or not: the report's cover in words and its PDF. */
export function SharedReportPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { token = '' } = useParams();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    reportsApi.shared.get(token).then(
      (report) => live && setState({ status: 'ready', report }),
      (error: unknown) => {
        if (!live) return;
        // An unknown, expired and revoked link read the same: a link says nothing about what it once opened.
        if (error instanceof ApiError && [403, 404, 410].includes(error.status)) setState({ status: 'gone' });
        else setState({ status: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [token]);

  useEffect(() => {
    document.title = `${state.status === 'ready' ? state.report.title : t('reports.shared.title')} · ${t('app.name')}`;
  }, [state, t]);

  return (
    <AuthCard>
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'gone' ? (
        <>
          <h1>{t('reports.shared.goneTitle')}</h1>
          <p>{t('reports.shared.gone')}</p>
        </>
      ) : null}
      {state.status === 'failed' ? (
        <>
          <h1>{t('reports.shared.failedTitle')}</h1>
          <p role="alert">{errorMessage(t, state.error)}</p>
        </>
      ) : null}
      {state.status === 'ready' ? (
        <article className="shared-report" style={{ borderTopColor: safeColor(state.report.brandColor) }}>
          <p className="shared-brand">
            <UserText>{state.report.workspaceName}</UserText>
          </p>
          <h1>
            <UserText>{state.report.title}</UserText>
          </h1>
          <p className="lead">
            {dayRangeInZone(
              state.report.periodStart,
              new Date(new Date(state.report.periodEnd).getTime() - 1).toISOString(),
              state.report.timezone,
              locale,
            )}
            {state.report.pages ? ` · ${t('reports.row.pages', { count: state.report.pages })}` : ''}
          </p>
          <a className="button button-primary" href={reportsApi.shared.pdfUrl(token)} download>
            {t('reports.shared.download')}
          </a>
          <p className="muted">
            {t('reports.shared.expires', {
              // The workspace's clock, named, as the reports page gives it: both sides of the link read the same time.
              when: dateTimeInZone(state.report.expiresAt, state.report.timezone, locale),
              zone: zoneLabel(t, state.report.timezone),
            })}
          </p>
        </article>
      ) : null}
    </AuthCard>
  );
}

/** A brand colour from the server is used in a style only when it is a plain hex colour. */
function safeColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color : '#8a5300';
}
