/**
 * Every translation, per language: the main file (web/i18n/<lang>.json) and the large areas' files
 * (areas-<lang>.ts), so that areas grow without one file holding everything. The app fetches a language's main
 * texts when it first shows it and its areas' with the first page that is not public (index.ts); tests read
 * everything from here.
 */
import enMain from './en.json' with { type: 'json' };
import frMain from './fr.json' with { type: 'json' };
import { areas as enAreas } from './areas-en.js';
import { areas as frAreas } from './areas-fr.js';

export const en = { ...enMain, ...enAreas, crisis: { ...enMain.crisis, ...enAreas.crisis } };
export const fr = { ...frMain, ...frAreas, crisis: { ...frMain.crisis, ...frAreas.crisis } };
