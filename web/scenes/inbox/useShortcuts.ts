import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  enabled: boolean;
  next: () => void;
  previous: () => void;
  check: () => void;
  reply: () => void;
  done: () => void;
  assign: () => void;
  label: () => void;
  search: () => void;
  help: () => void;
}

const KEYS: Record<string, keyof Omit<ShortcutHandlers, 'enabled'>> = {
  j: 'next',
  k: 'previous',
  x: 'check',
  r: 'reply',
  e: 'done',
  a: 'assign',
  l: 'label',
  '/': 'search',
  '?': 'help',
};

/** Where typing a letter writes it: shortcuts stay quiet there. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/** The inbox's one-key shortcuts, on the whole page, off while typing in a field or while a dialog is open. */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!ref.current.enabled || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      const name = KEYS[event.key];
      if (!name) return;
      event.preventDefault();
      ref.current[name]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
