import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { OverviewView } from '../../../../src/shared/api.js';

export interface Step {
  id: 'connect' | 'write' | 'invite';
  done: boolean;
  to: string;
}

/** The first steps of a new workspace, each ticked once done; hidden when all are. */
export function GettingStarted({ steps }: { steps: Step[] }) {
  const { t } = useTranslation();
  if (steps.length === 0 || steps.every((s) => s.done)) return null;
  const done = steps.filter((s) => s.done).length;
  return (
    <section className="card overview-card getting-started" aria-labelledby="overview-start">
      <h2 id="overview-start">{t('overview.start.title')}</h2>
      <p className="muted">{t('overview.start.progress', { done, total: steps.length })}</p>
      <ol className="start-steps">
        {steps.map((s) => (
          <li key={s.id} className={s.done ? 'start-step is-done' : 'start-step'}>
            <span className="start-mark" aria-hidden="true">
              {s.done ? '✓' : ''}
            </span>
            <div>
              {s.done ? (
                <span className="start-title">{t(`overview.start.${s.id}`)}</span>
              ) : (
                <Link to={s.to} className="start-title">
                  {t(`overview.start.${s.id}`)}
                </Link>
              )}
              {s.done ? <span className="visually-hidden"> ({t('overview.start.done')})</span> : null}
              <p className="muted">{t(`overview.start.${s.id}Hint`)}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Which first steps this member can take, from the workspace's counts and their permissions. */
export function startSteps(counts: OverviewView['counts'], can: (p: 'connections.manage' | 'posts.write' | 'members.invite') => boolean, paths: Record<Step['id'], string>): Step[] {
  const steps: Step[] = [];
  if (can('connections.manage')) steps.push({ id: 'connect', done: counts.accounts > 0, to: paths.connect });
  if (can('posts.write')) steps.push({ id: 'write', done: counts.posts > 0, to: paths.write });
  if (can('members.invite')) steps.push({ id: 'invite', done: counts.members > 1, to: paths.invite });
  return steps;
}
