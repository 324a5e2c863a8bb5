import { NavLink, useMatch } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Brand } from '../components/Brand.js';
import { LanguageSelect } from '../components/LanguageSelect.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';
import { useSignedIn } from './session.js';
import { visibleAreas, workspacePath, type Area } from '../lib/areas.js';
import { remembered } from '../lib/storage.js';

function AreaLink({ workspaceId, area }: { workspaceId: string; area: Area }) {
  const { t } = useTranslation();
  return (
    <li>
      <NavLink to={workspacePath(workspaceId, area.id)} className="nav-link">
        <span className="nav-icon" aria-hidden="true">
          {area.icon}
        </span>
        <span className="nav-label">{t(`areas.${area.id}.title`)}</span>
        {area.available ? null : (
          <>
            <span className="nav-soon" aria-hidden="true">
              {t('nav.soon')}
            </span>
            <span className="visually-hidden"> ({t('nav.soonLabel')})</span>
          </>
        )}
      </NavLink>
    </li>
  );
}

export function Sidebar({ id }: { id?: string }) {
  const { t } = useTranslation();
  const session = useSignedIn();
  const match = useMatch('/w/:workspaceId/*');
  const wantedId = match?.params.workspaceId ?? remembered.lastWorkspace();
  const current = session.memberships.find((m) => m.workspaceId === wantedId) ?? session.memberships[0] ?? null;
  const areas = current ? visibleAreas(current) : [];

  return (
    <aside className="sidebar" id={id}>
      <div className="sidebar-top">
        <Brand />
        <WorkspaceSwitcher current={current} />
      </div>
      {current ? (
        <nav aria-label={t('nav.label')} className="nav">
          <ul className="nav-list">
            <li>
              <NavLink end to={workspacePath(current.workspaceId)} className="nav-link">
                <span className="nav-icon" aria-hidden="true">⬡</span>
                <span className="nav-label">{t('nav.overview')}</span>
              </NavLink>
            </li>
          </ul>
          {(['work', 'team'] as const).filter((group) => areas.some((a) => a.group === group)).map((group) => (
            <div key={group} className="nav-group">
              <h2 className="nav-heading" id={`nav-${group}`}>
                {t(`nav.${group}`)}
              </h2>
              <ul className="nav-list" aria-labelledby={`nav-${group}`}>
                {areas
                  .filter((a) => a.group === group)
                  .map((a) => (
                    <AreaLink key={a.id} workspaceId={current.workspaceId} area={a} />
                  ))}
              </ul>
            </div>
          ))}
        </nav>
      ) : null}
      <div className="sidebar-bottom">
        <LanguageSelect className="on-dark" />
      </div>
    </aside>
  );
}
