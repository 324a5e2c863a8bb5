import { lazy, Suspense, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryConfig, PickerLabels } from 'emoji-picker-react';

const EmojiPanel = lazy(() => import('./EmojiPanel.js'));

const LABELS: readonly (keyof PickerLabels)[] = [
  'searchPlaceholder', 'searchLabel', 'searchClear', 'searchResultsNone', 'searchResultsOne', 'searchResultsMany', 'categoryNavigation',
  'reactions', 'expandReactions', 'loading', 'loadingError', 'retryLoading', 'skinToneNeutral', 'skinToneLight', 'skinToneMediumLight',
  'skinToneMedium', 'skinToneMediumDark', 'skinToneDark',
];

const CATEGORIES = ['suggested', 'smileys_people', 'animals_nature', 'food_drink', 'travel_places', 'activities', 'objects', 'symbols', 'flags'] as const;

interface EmojiButtonProps {
  onPick: (emoji: string) => void;
  disabled?: boolean;
}

/** A button that opens the emoji picker under it; a pick, or Escape, closes it. */
export function EmojiButton({ onPick, disabled }: EmojiButtonProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const labels = Object.fromEntries(LABELS.map((key) => [key, t(`composer.emojiLabels.${key}`)])) as Partial<PickerLabels>;
  const categories = CATEGORIES.map((category) => ({ category, name: t(`composer.emojiCategories.${category}`) })) as CategoryConfig[];

  const close = () => {
    setOpen(false);
    document.getElementById(`${id}-button`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // The picker closes its own menus on a first Escape; one that reaches here closes the picker.
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="emoji">
      <button
        id={`${id}-button`}
        type="button"
        className="button button-small"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        disabled={disabled}
        onClick={() => setOpen(!open)}
      >
        <SmileIcon /> {t('composer.emoji')}
      </button>
      {open ? (
        <div id={`${id}-panel`} className="emoji-panel" role="group" aria-label={t('composer.emojiPanel')} onKeyDown={onKeyDown}>
          <Suspense fallback={<p className="muted" role="status">{t('composer.emojiLabels.loading')}</p>}>
            <EmojiPanel
              locale={i18n.language}
              labels={labels}
              categories={categories}
              onPick={(emoji) => {
                setOpen(false);
                onPick(emoji);
              }}
            />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}

/** Drawn, not typed: an emoji glyph shows as an empty box on a machine without an emoji font. */
function SmileIcon() {
  return (
    <svg className="emoji-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <circle cx="12" cy="12" r="9" />
        <path d="M8 14.5a4.5 4.5 0 0 0 8 0" />
      </g>
      <circle cx="9" cy="10" r="1.2" fill="currentColor" />
      <circle cx="15" cy="10" r="1.2" fill="currentColor" />
    </svg>
  );
}
