import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { networkName } from '../../lib/counters.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { UserText } from '../../components/UserText.js';

interface ConnectionWarningProps {
  network: string;
  handle: string;
  /** The network's own words, often a paragraph: shown in a few lines, the rest on demand. */
  warning: string;
  /** Absent for members who may not manage connections. */
  onRetry?: () => void;
  retrying: boolean;
}

/** What connecting an account left unresolved, with "Try again" always in reach, however long the network's words. */
export function ConnectionWarning({ network, handle, warning, onRetry, retrying }: ConnectionWarningProps) {
  const { t } = useTranslation();
  const id = useId();
  const words = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const cut = useClipped(words, !open);
  return (
    <div className="alert alert-info connection-warning">
      <p>{t('accounts.connectionWarning', { network: networkName(network) })}</p>
      <p ref={words} id={id} className={open ? 'hint warning-words' : 'hint warning-words clamped'}>
        <UserText>{warning}</UserText>
      </p>
      {cut || onRetry ? (
        <div className="cell-actions">
          {cut ? (
            <button type="button" className="button button-small" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
              {t(open ? 'accounts.warningLess' : 'accounts.warningMore')}
            </button>
          ) : null}
          {onRetry ? (
            <button type="button" className="button button-small" disabled={retrying} aria-label={t('accounts.retryWarningFor', { handle: showDirectionControls(handle) })} onClick={onRetry}>
              {t('accounts.retryWarning')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Whether the clamped text hides some of itself; remembered while it is shown whole, so that it can be folded again. */
function useClipped(ref: RefObject<HTMLElement | null>, clamped: boolean): boolean {
  const [clipped, setClipped] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !clamped) return;
    const measure = () => setClipped(el.scrollHeight > el.clientHeight + 1);
    measure();
    const watch = new ResizeObserver(measure);
    watch.observe(el);
    return () => watch.disconnect();
  }, [ref, clamped]);
  return clipped;
}
