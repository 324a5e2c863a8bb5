/**
 * Whether the person has pointed or typed since this page was loaded. Browsers have `navigator.userActivation`
 * for this, but automated and some embedded browsers report it as set from the start.
 */
let interacted = false;

if (typeof document !== 'undefined') {
  for (const type of ['pointerdown', 'keydown'] as const) {
    document.addEventListener(type, () => (interacted = true), { capture: true, once: true });
  }
}

export const hasInteracted = (): boolean => interacted;
