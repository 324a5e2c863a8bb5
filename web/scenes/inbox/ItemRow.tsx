import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountAvatar } from '../../components/AccountAvatar.js';
import { UserText } from '../../components/UserText.js';
import { networkName } from '../../lib/counters.js';
import type { InboxItemView } from './api.js';
import { Badges } from './Badges.js';
import { age } from './age.js';
import { excerpt, inert, toIso } from './text.js';
import { useWhen } from '../../app/useWhen.js';

interface Props {
  item: InboxItemView;
  optionId: string;
  current: boolean;
  checked: boolean;
  assigneeName: string | null;
  onOpen: (id: string) => void;
  onCheck: (id: string) => void;
  checkable?: boolean;
}

/** One item of the list: who, where, what kind, the start of the text, the analysis, and where it stands. */
export const ItemRow = memo(function ItemRow({ item, optionId, current, checked, assigneeName, onOpen, onCheck, checkable = true }: Props) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const when = toIso(item.createdAt);
  const name = inert(item.author.displayName || item.author.handle, 200);
  return (
    <li
      id={optionId}
      role="option"
      aria-selected={current}
      className={`inbox-row${checkable ? '' : ' is-read-only'}${current ? ' is-current' : ''}${checked ? ' is-checked' : ''} inbox-status-${item.status}`}
      onClick={() => onOpen(item.id)}
    >
      {checkable ? (
        <span
          className="inbox-check"
          aria-hidden="true"
          title={t('inbox.checkHint')}
          onClick={(event) => {
            event.stopPropagation();
            onCheck(item.id);
          }}
        >
          {checked ? '✓' : ''}
        </span>
      ) : null}
      <AccountAvatar handle={item.author.handle} network={item.network} />
      <span className="inbox-row-body">
        <span className="inbox-row-head">
          <UserText className="inbox-author">{name}</UserText>
          <span className="inbox-row-meta">
            <span className="visually-hidden">{networkName(item.network)}, </span>
            {t(`inbox.kind.${item.kind}`)}
            {' · '}
            <time dateTime={when ?? undefined} title={clock.dateTime(when)}>{age(when, i18n.language, clock.zone)}</time>
          </span>
        </span>
        <UserText className="inbox-excerpt">{excerpt(item.text, 240) || t('inbox.noText')}</UserText>
        <span className="inbox-row-foot">
          {/* Removed by its author before the team was done, it waits for nothing: its badge says why it is out of the queue. */}
          {item.removedAt && item.status !== 'done' ? null : <span className={`inbox-status inbox-status-tag-${item.status}`}>{t(`inbox.status.${item.status}`)}</span>}
          <Badges item={item} />
          {assigneeName ? (
            <span className="inbox-assignee">
              <span aria-hidden="true">→ </span>
              <span className="visually-hidden">{t('inbox.assignedPrefix')} </span>
              <UserText>{assigneeName}</UserText>
            </span>
          ) : null}
          {item.labels.map((label) => (
            <span key={label} className="inbox-label">
              <UserText>{inert(label, 60)}</UserText>
            </span>
          ))}
        </span>
        {checked ? <span className="visually-hidden">, {t('inbox.checked')}</span> : null}
      </span>
    </li>
  );
});
