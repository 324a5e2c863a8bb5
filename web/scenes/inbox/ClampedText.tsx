import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../components/UserText.js';
import { inert } from './text.js';

const SHORT = 700;

/** A network text in full, folded after a few hundred characters behind "show more"; always text, never markup. */
export function ClampedText({ text, className }: { text: string; className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const whole = inert(text);
  const long = whole.length > SHORT;
  const shown = long && !open ? `${inert(whole, SHORT).replace(/…$/, '')}…` : whole;
  return (
    <div className={`inbox-text ${className ?? ''}`}>
      <p id={id}>
        <UserText>{shown}</UserText>
      </p>
      {long ? (
        <button type="button" className="inbox-more" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {open ? t('inbox.showLess') : t('inbox.showMore')}
        </button>
      ) : null}
    </div>
  );
}

/** Only web addresses are followed: a network could send javascript: or data: links. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
