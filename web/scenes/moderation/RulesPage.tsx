import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { moderation, type ModerationRuleView } from '../../api/moderation.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { ErrorAlert, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { ModerationNav, moderationPath } from './ModerationNav.js';
import { RuleRow } from './RuleRow.js';
import { useRuleTargets } from './names.js';
import './moderation.css';

/** The workspace's rules in the order they run: switch, reorder, open one to edit it. */
export function RulesPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const canEdit = workspace.can('moderation.rules');
  const [loaded, reload] = useLoad(() => moderation.rules.list(wid), [wid]);
  const { names } = useRuleTargets(wid);
  const [order, setOrder] = useState<ModerationRuleView[] | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const rules = order ?? (loaded.status === 'ready' ? [...loaded.data].sort((a, b) => a.position - b.position) : []);

  const move = async (from: number, to: number) => {
    if (to < 0 || to >= rules.length) return;
    const next = [...rules];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    setOrder(next);
    setError(null);
    try {
      await moderation.rules.reorder(wid, next.map((r) => r.id));
      await reload();
      setOrder(null);
      setStatus(t('moderation.rules.moved', { name: moved.name, number: to + 1 }));
      // Keyboard users keep their place: the focus follows the rule's arrow.
      requestAnimationFrame(() => {
        const label = t(to < from ? 'moderation.rules.moveUp' : 'moderation.rules.moveDown', { name: moved.name });
        const target = [...document.querySelectorAll<HTMLButtonElement>('.mod-move button')].find((b) => b.getAttribute('aria-label') === label && !b.disabled);
        target?.focus();
      });
    } catch (caught) {
      setOrder(null);
      setError(errorMessage(t, caught));
    }
  };

  const onSwitch = async (rule: ModerationRuleView, enabled: boolean) => {
    setError(null);
    try {
      await moderation.rules.update(wid, rule.id, { enabled });
      await reload();
      setOrder(null);
      setStatus(t(enabled ? 'moderation.rules.switchedOn' : 'moderation.rules.switchedOff', { name: rule.name }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  return (
    <Page title={t('moderation.rules.title')} lead={t('moderation.rules.intro')}>
      <ModerationNav />
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{error}</ErrorAlert>
      {canEdit ? (
        <p className="cell-actions">
          <Link className="button button-primary" to={moderationPath(wid, '/rules/new')}>
            {t('moderation.rules.new')}
          </Link>
        </p>
      ) : (
        <p className="muted">{t('moderation.rules.readOnly')}</p>
      )}
      <LoadStatus loaded={loaded} reload={reload} />
      {loaded.status === 'ready' && rules.length === 0 ? <p className="card mod-empty">{t('moderation.rules.empty')}</p> : null}
      {rules.length > 0 ? (
        <>
          {canEdit && rules.length > 1 ? <p className="hint">{t('moderation.rules.dragHint')}</p> : null}
          <ol className="mod-rules" aria-label={t('moderation.rules.listLabel')}>
            {rules.map((rule, i) => (
              <RuleRow
                key={rule.id}
                rule={rule}
                index={i}
                count={rules.length}
                workspaceId={wid}
                canEdit={canEdit}
                names={names}
                onMove={(from, to) => void move(from, to)}
                onSwitch={onSwitch}
                drag={{ from: dragFrom, start: setDragFrom, end: () => setDragFrom(null) }}
              />
            ))}
          </ol>
        </>
      ) : null}
    </Page>
  );
}
