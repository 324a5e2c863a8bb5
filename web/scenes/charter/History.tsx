import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../app/useLoad.js';
import { useSubmit } from '../../app/useSubmit.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { ErrorAlert } from '../../components/Alert.js';
import { UserText } from '../../components/UserText.js';
import { useWhen } from '../../app/useWhen.js';
import { charterApi, type CharterVersion, type CharterVersionItem } from './api.js';
import { describeCharter, diffCharters } from './describe.js';
import { CharterSummary } from './CharterSummary.js';

interface Props {
  workspaceId: string;
  current: CharterVersion;
  canManage: boolean;
  campaignName: (id: string) => string;
  /** Saves an old version's charter as the newest one. */
  onRestore: (old: CharterVersion) => Promise<void>;
}

/** The charter's versions, newest first; one of them opened read-only, compared with the current one, restorable. */
export function History({ workspaceId, current, canManage, campaignName, onRestore }: Props) {
  const { t, i18n } = useTranslation();
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  const [versions, reload] = useLoad(() => charterApi.versions(workspaceId), [workspaceId, current.version]);
  const [opened, setOpened] = useState<number | null>(null);

  return (
    <section className="card" aria-labelledby="charter-history">
      <h2 id="charter-history">{p('history.title')}</h2>
      <LoadStatus loaded={versions} reload={reload} />
      {versions.status === 'ready' && versions.data.items.length === 0 ? <p className="muted">{p('history.empty')}</p> : null}
      {versions.status === 'ready' && versions.data.items.length > 0 ? (
        <ol className="charter-versions">
          {versions.data.items.map((item) => (
            <li key={item.version}>
              <VersionLine item={item} current={item.version === current.version} locale={i18n.language} />
              <button
                type="button"
                className="button button-small"
                aria-expanded={opened === item.version}
                aria-controls={opened === item.version ? `charter-version-${item.version}` : undefined}
                onClick={() => setOpened(opened === item.version ? null : item.version)}
              >
                {opened === item.version ? p('history.close', { version: item.version }) : p('history.open', { version: item.version })}
              </button>
              {opened === item.version ? (
                <OldVersion
                  workspaceId={workspaceId}
                  version={item.version}
                  current={current}
                  canManage={canManage}
                  campaignName={campaignName}
                  onRestore={async (old) => {
                    await onRestore(old);
                    setOpened(null);
                  }}
                />
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function VersionLine({ item, current, locale }: { item: CharterVersionItem; current: boolean; locale: string }) {
  const { t } = useTranslation();
  const clock = useWhen();
  return (
    <p className="charter-version-line">
      <strong>{t('charter.page.history.version', { version: item.version })}</strong>
      {current ? <span className="tag tag-ready">{t('charter.page.history.current')}</span> : null}{' '}
      <span className="muted">
        {item.updatedBy ? (
          <>
            {t('charter.page.history.by')} <UserText>{item.updatedBy.name}</UserText>,{' '}
          </>
        ) : null}
        {clock.dateTime(item.updatedAt)}
      </span>
    </p>
  );
}

interface OldProps extends Omit<Props, 'current'> {
  version: number;
  current: CharterVersion;
}

function OldVersion({ workspaceId, version, current, canManage, campaignName, onRestore }: OldProps) {
  const { t } = useTranslation();
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  const [loaded, reload] = useLoad(() => charterApi.version(workspaceId, version), [workspaceId, version]);
  const restore = useSubmit(async () => {
    if (loaded.status === 'ready') await onRestore(loaded.data);
  });
  if (loaded.status !== 'ready') return <LoadStatus loaded={loaded} reload={reload} />;
  const old = describeCharter(t, loaded.data.charter, campaignName);
  const changes = diffCharters(old, describeCharter(t, current.charter, campaignName));
  const isCurrent = version === current.version;

  return (
    <div className="charter-old" id={`charter-version-${version}`}>
      {isCurrent ? null : (
        <section aria-labelledby={`charter-diff-${version}`}>
          <h3 id={`charter-diff-${version}`}>{p('history.changes', { version })}</h3>
          {changes.length === 0 ? <p className="muted">{p('history.same')}</p> : null}
          {changes.map((change) => (
            <div key={change.id} className="charter-diff">
              <h4>{change.title}</h4>
              {change.removed.length ? (
                <>
                  <p className="charter-diff-label">{p('history.onlyOld', { version })}</p>
                  <ul className="charter-diff-old">
                    {change.removed.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {change.added.length ? (
                <>
                  <p className="charter-diff-label">{p('history.onlyCurrent')}</p>
                  <ul className="charter-diff-new">
                    {change.added.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ))}
        </section>
      )}
      {canManage && !isCurrent ? (
        <div className="cell-actions">
          <button type="button" className="button" disabled={restore.busy} onClick={() => void restore.run()}>
            {p('history.restore', { version })}
          </button>
          <span className="hint">{p('history.restoreHint')}</span>
        </div>
      ) : null}
      <ErrorAlert>{restore.error}</ErrorAlert>
      <details className="charter-old-whole">
        <summary>{p('history.whole', { version })}</summary>
        <CharterSummary sections={old} level={4} />
      </details>
    </div>
  );
}
