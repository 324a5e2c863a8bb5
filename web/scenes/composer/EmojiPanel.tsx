/** The emoji picker itself: loaded on first use only, so the composer's first page does not carry it. */
import EmojiPicker, { type CategoryConfig, type EmojiDataLoader, type PickerLabels } from 'emoji-picker-react';

// At module scope: a new loader identity would load the dataset again.
const loadFrench: EmojiDataLoader = () => import('emoji-picker-react/data/emojis-fr');

interface EmojiPanelProps {
  locale: string;
  labels: Partial<PickerLabels>;
  /** The categories in order, named in the reader's language. */
  categories: CategoryConfig[];
  onPick: (emoji: string) => void;
}

export default function EmojiPanel({ locale, labels, categories, onPick }: EmojiPanelProps) {
  return (
    <EmojiPicker
      emojiData={locale.startsWith('fr') ? loadFrench : undefined}
      labels={labels}
      categories={categories}
      onEmojiClick={(picked) => onPick(picked.emoji)}
      previewConfig={{ showPreview: false }}
      autoFocusSearch
      lazyLoadEmojis
      width="100%"
      height={340}
    />
  );
}
