import { forwardRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItemView } from './api.js';
import { ItemRow } from './ItemRow.js';

interface Props {
  items: InboxItemView[];
  currentId: string | null;
  checked: ReadonlySet<string>;
  memberName: (userId: string | null) => string | null;
  onOpen: (id: string) => void;
  onCheck: (id: string) => void;
  /** False for a member who only reads: no check boxes. */
  checkable?: boolean;
  onMove: (step: 1 | -1) => void;
  onEnter: () => void;
}

export const optionId = (itemId: string) => `inbox-item-${itemId}`;

/**
 * The items as a listbox: the focus stays on the list and the current item is its active option, so arrows (and
 * j/k anywhere on the page) move through it and a screen reader reads each option as it is reached.
 */
export const ItemList = forwardRef<HTMLUListElement, Props>(function ItemList(
  { items, currentId, checked, memberName, onOpen, onCheck, checkable = true, onMove, onEnter },
  ref,
) {
  const { t } = useTranslation();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onMove(1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      onMove(-1);
    } else if (event.key === ' ' && currentId) {
      event.preventDefault();
      onCheck(currentId);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onEnter();
    }
  };
  return (
    <ul
      ref={ref}
      className="inbox-list"
      role="listbox"
      aria-label={t('inbox.listLabel')}
      aria-describedby="inbox-list-hint"
      tabIndex={0}
      aria-activedescendant={currentId && items.some((i) => i.id === currentId) ? optionId(currentId) : undefined}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <ItemRow
          key={item.id}
          item={item}
          optionId={optionId(item.id)}
          current={item.id === currentId}
          checked={checked.has(item.id)}
          assigneeName={memberName(item.assigneeId)}
          onOpen={onOpen}
          onCheck={onCheck}
          checkable={checkable}
        />
      ))}
    </ul>
  );
});
