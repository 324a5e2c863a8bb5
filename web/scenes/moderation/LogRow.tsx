import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ModerationLogEntry, Reason, RuleAction } from '../../api/moderation.js';
import { actionPhrase } from './summary.js';
import { UserText } from '../../components/UserText.js';
import { useWhen } from '../../app/useWhen.js';
import { excerpt, toIso } from './text.js';
import { ruleSaid } from '../inbox/reasons.js';

const UNDO: Record<string, string> = { hide: 'unhide', block: 'unblock', mute: 'unmute' };
export const undoOf = (action: string): string | null => UNDO[action] ?? null;

/** Reasons grouped by what their rule means, strongest first: "A slur against a group: dirty", the member's words as they are. */
function reasonLines(t: TFunction, reasons: ReadonlyArray<Reason | string>): string[] {
  const words = new Map<string, Set<string>>();
  const plain: string[] = [];
  for (const r of reasons) {
    if (typeof r === 'string') plain.push(r);
    else if (r.text && r.weight > 0) {
      const said = ruleSaid(t, r.rule);
      words.set(said, (words.get(said) ?? new Set()).add(r.text));
    }
  }
  const grouped = [...words].map(([cat, set]) => t('moderation.log.reasonLine', { category: cat, words: [...set].slice(0, 4).join(', ') }));
  return [...plain, ...grouped].slice(0, 4);
}

export function LogRow({ entry, canUndo, onUndo }: { entry: ModerationLogEntry; canUndo: boolean; onUndo: () => void }) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const action = t(`moderation.log.actions.${entry.action}`, { defaultValue: entry.action });
  const when = toIso(entry.createdAt);
  // A member who decided comes first; the rule that brought the item to them is said below.
  const who = entry.actor
    ? entry.actor.name
    : entry.onNetwork
      ? t('moderation.log.onNetwork', { network: t(`moderation.networks.${entry.onNetwork}`, { defaultValue: entry.onNetwork }) })
      : entry.rule ? t('moderation.log.byRule', { name: entry.rule.name }) : t('moderation.log.bySystem');
  const via = entry.actor && entry.rule ? t('moderation.log.byRule', { name: entry.rule.name }) : null;
  const detail = entry.action.startsWith('review_') && entry.detail
    ? t('moderation.log.proposed', { action: actionPhrase(t, { type: entry.detail } as RuleAction) })
    : entry.action === 'label' && entry.detail
      ? t('moderation.log.labelled', { label: entry.detail })
      : null;
  const author = entry.author ? `@${entry.author.handle}` : null;
  return (
    <tr className={entry.undoneBy ? 'mod-log-undone' : undefined}>
      <th scope="row">
        {action}
        {entry.outcome !== 'done' ? <div className={`mod-outcome mod-outcome-${entry.outcome}`}>{t(`moderation.log.outcomes.${entry.outcome}`, { defaultValue: entry.outcome })}</div> : null}
        {detail ? (
          <div className="mod-outcome">
            <UserText>{excerpt(detail, 100)}</UserText>
          </div>
        ) : null}
        {entry.undoes ? <div className="muted">{t('moderation.log.undoes')}</div> : null}
        {entry.undoneBy ? <div className="muted">{t('moderation.log.undoneLater')}</div> : null}
      </th>
      <td>
        <UserText>{excerpt(who, 80)}</UserText>
        {via ? (
          <div className="muted">
            <UserText>{excerpt(via, 80)}</UserText>
          </div>
        ) : null}
      </td>
      <td className="mod-log-item">
        {author ? (
          <div>
            <UserText>{excerpt(author, 80)}</UserText>
          </div>
        ) : null}
        {entry.item ? (
          <div className="muted">
            <UserText>{excerpt(entry.item.text, 140)}</UserText>
          </div>
        ) : !author ? (
          <span className="muted">{t('moderation.log.noItem')}</span>
        ) : null}
      </td>
      <td className="mod-log-why">
        {reasonLines(t, entry.reasons).map((line, i) => (
          <div key={i} className="mod-log-reason">
            <UserText>{excerpt(line, 120)}</UserText>
          </div>
        ))}
      </td>
      <td className="log-when">{when ? <time dateTime={when}>{clock.dateTime(when)}</time> : null}</td>
      <td>
        {canUndo && entry.undoable && !entry.undoneBy && undoOf(entry.action) ? (
          <button type="button" className="button button-small" aria-label={t('moderation.log.undoFor', { action, who: author ?? '' })} onClick={onUndo}>
            {t('moderation.log.undo')}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
