/** French texts of the large areas, one file each (web/i18n/fr/<area>.json, read under the key of its name). */
import inbox from './fr/inbox.json' with { type: 'json' };
import moderation from './fr/moderation.json' with { type: 'json' };
import tickets from './fr/tickets.json' with { type: 'json' };
import listening from './fr/listening.json' with { type: 'json' };
import crisis from './fr/crisis.json' with { type: 'json' };
import analytics from './fr/analytics.json' with { type: 'json' };
import reports from './fr/reports.json' with { type: 'json' };
import charter from './fr/charter.json' with { type: 'json' };
import connect from './fr/connect.json' with { type: 'json' };
import networks from './fr/networks.json' with { type: 'json' };

export const areas = { inbox, moderation, tickets, listening, crisis, analytics, reports, charter, connect, networks };
