import { useState, type DragEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ModerationRuleView } from '../../api/moderation.js';
import { UserText } from '../../components/UserText.js';
import { ruleSummary, type SummaryNames } from './summary.js';
import { TryPanel } from './TryPanel.js';
import { moderationPath } from './ModerationNav.js';

interface RuleRowProps {
  rule: ModerationRuleView;
  index: number;
  count: number;
  workspaceId: string;
  canEdit: boolean;
  names: SummaryNames;
  onMove: (from: number, to: number) => void;
  onSwitch: (rule: ModerationRuleView, enabled: boolean) => Promise<void>;
  drag: { from: number | null; start: (i: number) => void; end: () => void };
}

/** One rule in the ordered list: its place, its switch, its plain-words summary; switching on is tried first. */
export function RuleRow({ rule, index, count, workspaceId, canEdit, names, onMove, onSwitch, drag }: RuleRowProps) {
  const { t, i18n } = useTranslation();
  const [trying, setTrying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const name = rule.name;

  const toggle = async () => {
    if (!rule.enabled) return setTrying(true);
    setBusy(true);
    await onSwitch(rule, false).finally(() => setBusy(false));
  };
  const switchOn = async () => {
    setBusy(true);
    await onSwitch(rule, true).finally(() => setBusy(false));
    setTrying(false);
  };

  const dropProps = canEdit
    ? {
        draggable: true,
        onDragStart: (e: DragEvent) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', rule.id);
          drag.start(index);
        },
        onDragEnd: () => {
          setOver(false);
          drag.end();
        },
        onDragOver: (e: DragEvent) => {
          if (drag.from === null) return;
          e.preventDefault();
          setOver(true);
        },
        onDragLeave: () => setOver(false),
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          setOver(false);
          if (drag.from !== null && drag.from !== index) onMove(drag.from, index);
          drag.end();
        },
      }
    : {};

  return (
    <li className={`mod-rule${rule.enabled ? ' mod-rule-on' : ''}${over ? ' mod-rule-over' : ''}`} {...dropProps}>
      <div className="mod-rule-main">
        <span className="mod-rule-number" aria-hidden="true">
          {index + 1}
        </span>
        <div className="mod-rule-body">
          <h2 className="mod-rule-name">
            <span className="visually-hidden">{t('moderation.rules.number', { number: index + 1 })} </span>
            <UserText>{name}</UserText>
          </h2>
          <p className="mod-rule-summary">{ruleSummary(t, i18n.language, rule.conditions, rule.actions, names)}</p>
          {rule.stop ? <p className="hint">{t('moderation.rules.stops')}</p> : null}
        </div>
        <div className="mod-rule-controls">
          <button
            type="button"
            role="switch"
            aria-checked={rule.enabled}
            className="mod-switch"
            aria-label={t('moderation.rules.switchFor', { name })}
            disabled={!canEdit || busy}
            onClick={() => void toggle()}
          >
            <span className="mod-switch-track" aria-hidden="true" />
            <span className="mod-switch-text">{rule.enabled ? t('moderation.rules.on') : t('moderation.rules.off')}</span>
          </button>
          {canEdit ? (
            <span className="mod-move">
              <button type="button" className="button button-small" aria-label={t('moderation.rules.moveUp', { name })} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
                ↑
              </button>
              <button type="button" className="button button-small" aria-label={t('moderation.rules.moveDown', { name })} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
                ↓
              </button>
            </span>
          ) : null}
          <Link className="button button-small" to={moderationPath(workspaceId, `/rules/${encodeURIComponent(rule.id)}`)} aria-label={t(canEdit ? 'moderation.rules.editFor' : 'moderation.rules.viewFor', { name })}>
            {canEdit ? t('common.edit') : t('moderation.rules.view')}
          </Link>
        </div>
      </div>
      {trying ? (
        <div className="mod-rule-try">
          <p>{t('moderation.rules.tryFirst', { name })}</p>
          <TryPanel
            workspaceId={workspaceId}
            conditions={rule.conditions}
            actions={rule.actions}
            names={names}
            auto
            after={() => (
              <div className="cell-actions">
                <button type="button" className="button button-primary" disabled={busy} onClick={() => void switchOn()}>
                  {t('moderation.rules.switchOn')}
                </button>
                <button type="button" className="button" onClick={() => setTrying(false)}>
                  {t('moderation.rules.keepOff')}
                </button>
              </div>
            )}
          />
        </div>
      ) : null}
    </li>
  );
}
