import { useId, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ACTION_TYPES, type ActionType } from '../../api/moderation.js';
import type { RuleDraft } from './rule-draft.js';
import type { RuleTargets } from './names.js';

interface Props {
  draft: RuleDraft;
  set: (patch: Partial<RuleDraft>) => void;
  targets: RuleTargets;
  savedRepliesPath: string;
}

/** The actions, each a checkbox; those that need a value (a label, a member, an address…) ask for it once ticked. */
export function ActionsFields({ draft, set, targets, savedRepliesPath }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const e = (key: string) => t(`moderation.editor.${key}`);
  const toggle = (type: ActionType, on: boolean) => set({ actions: { ...draft.actions, [type]: on } });

  const param = (type: ActionType) => {
    if (!draft.actions[type]) return null;
    const field = `${id}-${type}`;
    switch (type) {
      case 'label':
        return <Param id={field} label={e('labelName')}><input id={field} value={draft.label} onChange={(ev) => set({ label: ev.target.value })} /></Param>;
      case 'email':
        return <Param id={field} label={e('emailTo')}><input id={field} type="email" value={draft.email} onChange={(ev) => set({ email: ev.target.value })} /></Param>;
      case 'webhook':
        return <Param id={field} label={e('webhookUrl')}><input id={field} type="url" placeholder="https://" value={draft.webhook} onChange={(ev) => set({ webhook: ev.target.value })} /></Param>;
      case 'assign':
        return (
          <Param id={field} label={e('assignee')}>
            <select id={field} value={draft.assignee} onChange={(ev) => set({ assignee: ev.target.value })}>
              <option value="">{e('choose')}</option>
              {targets.members.map((m) => (
                <option key={m.userId} value={m.userId}>{m.name}</option>
              ))}
            </select>
          </Param>
        );
      case 'reply':
        return targets.replies.length === 0 ? (
          <p className="hint mod-param">
            {e('noSavedReplies')} <Link to={savedRepliesPath}>{e('writeSavedReply')}</Link>
          </p>
        ) : (
          <Param id={field} label={e('savedReply')}>
            <select id={field} value={draft.savedReplyId} onChange={(ev) => set({ savedReplyId: ev.target.value })}>
              <option value="">{e('choose')}</option>
              {targets.replies.map((r) => (
                <option key={r.id} value={r.id}>{`${r.title} (${r.language.toUpperCase()})`}</option>
              ))}
            </select>
          </Param>
        );
      case 'ticket':
        return (
          <Param id={field} label={e('department')}>
            <select id={field} value={draft.department} onChange={(ev) => set({ department: ev.target.value })}>
              <option value="">{e('choose')}</option>
              {targets.departments.map((d) => (
                <option key={d.value} value={d.value}>{d.name}</option>
              ))}
            </select>
          </Param>
        );
      default:
        return null;
    }
  };

  return (
    <fieldset className="card mod-group">
      <legend>{e('actions')}</legend>
      <p className="hint">{e('actionsHint')}</p>
      <ul className="mod-actions">
        {ACTION_TYPES.map((type) => (
          <li key={type}>
            <label className="check">
              <input type="checkbox" checked={Boolean(draft.actions[type])} onChange={(ev) => toggle(type, ev.target.checked)} />
              {t(`moderation.actions.${type}`)}
            </label>
            {param(type)}
          </li>
        ))}
      </ul>
      <label className="check">
        <input type="checkbox" checked={draft.stop} onChange={(ev) => set({ stop: ev.target.checked })} />
        {e('stop')}
      </label>
    </fieldset>
  );
}

function Param({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field mod-param">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
