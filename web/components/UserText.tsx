import { showDirectionControls } from '../lib/bidi.js';

/**
 * A name, handle, label or file name that people or networks gave us, shown isolated from the words around it
 * and with its direction controls made visible (see lib/bidi.ts).
 */
export function UserText({ children, className }: { children: string; className?: string }) {
  return <bdi className={className}>{showDirectionControls(children)}</bdi>;
}
