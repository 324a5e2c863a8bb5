import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../app/useLoad.js';
import { useSubmit } from '../../app/useSubmit.js';
import { ErrorAlert } from '../../components/Alert.js';
import { CopyField } from '../../components/CopyField.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { dateTimeInZone, zoneLabel } from '../../lib/format.js';
import { errorMessage } from '../../lib/errors.js';
import { reportsApi } from './api.js';

const EXPIRIES = [7, 30, 90];

/** Read-only links for a client: made with an expiry, shown once to copy, listed, and revoked at will. */
export function ShareLinks({ workspaceId, reportId, zone }: { workspaceId: string; reportId: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const id = useId();
  const [days, setDays] = useState(30);
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shares, reload] = useLoad(() => reportsApi.shares.list(workspaceId, reportId), [workspaceId, reportId]);
  const create = useSubmit(async () => {
    const share = await reportsApi.shares.create(workspaceId, reportId, days);
    setMade(share.url);
    await reload();
  });
  const revoke = async (shareId: string) => {
    try {
      await reportsApi.shares.revoke(workspaceId, reportId, shareId);
      setError(null);
      await reload();
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };
  return (
    <section className="share-links" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('reports.shares.title')}</h4>
      <form className="share-form" onSubmit={create.onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('reports.shares.expiry')}</label>
          <select id={`${id}-days`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {EXPIRIES.map((d) => (
              <option key={d} value={d}>
                {t('reports.shares.days', { count: d })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={create.busy}>
          {t('reports.shares.create')}
        </button>
      </form>
      <ErrorAlert>{create.error ?? error}</ErrorAlert>
      {made ? <CopyField label={t('reports.shares.link')} value={made} /> : null}
      <LoadStatus loaded={shares} reload={reload} />
      {shares.status === 'ready' && shares.data.items.length > 0 ? (
        <ul className="share-list">
          {shares.data.items.map((s) => {
            const state = s.revokedAt ? 'revoked' : s.active ? 'active' : 'expired';
            return (
              <li key={s.id}>
                <span>
                  {t(`reports.shares.state.${state}`, {
                    created: dateTimeInZone(s.createdAt, zone, locale),
                    expires: dateTimeInZone(s.expiresAt, zone, locale),
                    zone: zoneLabel(t, zone),
                  })}
                </span>
                {state === 'active' ? (
                  <button type="button" className="button button-small button-danger" onClick={() => void revoke(s.id)}>
                    {t('reports.shares.revoke')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
