import type { SocialAccountView } from '../../../src/shared/api.js';
import { useCharterChecks } from '../../components/charter/useCharterCheck.js';
import { charterPlaces, groupFindings, type ComposerFindings } from './charter-places.js';
import type { Draft } from './draft.js';

/** The charter's findings on every text of the draft, grouped by the field they are in; null while the charter is read. */
export function useComposerCharter(wid: string, draft: Draft, accounts: readonly SocialAccountView[], writerFirstName: string | null): ComposerFindings | null {
  const places = charterPlaces(draft, accounts, writerFirstName);
  const results = useCharterChecks(wid, places.map((p) => p.input));
  return results ? groupFindings(places, results, draft.thread.length) : null;
}
