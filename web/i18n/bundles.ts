/**
 * Every translation, per language: the main file and one file per large area (web/i18n/<lang>/<area>.json, read
 * under the key of its name), so that areas grow without one file holding everything.
 */
import enMain from './en.json' with { type: 'json' };
import frMain from './fr.json' with { type: 'json' };
import enInbox from './en/inbox.json' with { type: 'json' };
import frInbox from './fr/inbox.json' with { type: 'json' };
import enModeration from './en/moderation.json' with { type: 'json' };
import frModeration from './fr/moderation.json' with { type: 'json' };
import enTickets from './en/tickets.json' with { type: 'json' };
import frTickets from './fr/tickets.json' with { type: 'json' };
import enListening from './en/listening.json' with { type: 'json' };
import frListening from './fr/listening.json' with { type: 'json' };
import enCrisis from './en/crisis.json' with { type: 'json' };
import frCrisis from './fr/crisis.json' with { type: 'json' };
import enAnalytics from './en/analytics.json' with { type: 'json' };
import frAnalytics from './fr/analytics.json' with { type: 'json' };
import enReports from './en/reports.json' with { type: 'json' };
import frReports from './fr/reports.json' with { type: 'json' };
import enCharter from './en/charter.json' with { type: 'json' };
import frCharter from './fr/charter.json' with { type: 'json' };

export const en = { ...enMain, inbox: enInbox, moderation: enModeration, tickets: enTickets, listening: enListening, crisis: { ...enMain.crisis, ...enCrisis }, analytics: enAnalytics, reports: enReports, charter: enCharter };
export const fr = { ...frMain, inbox: frInbox, moderation: frModeration, tickets: frTickets, listening: frListening, crisis: { ...frMain.crisis, ...frCrisis }, analytics: frAnalytics, reports: frReports, charter: frCharter };
