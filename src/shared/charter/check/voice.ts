import type { Finding } from '../findings.js';
import type { CheckContext } from './finding.js';

export function checkVoice(_ctx: CheckContext): Finding[] {
  return [];
}
