/** English texts of the large areas, one file each (web/i18n/en/<area>.json, read under the key of its name). */
import inbox from './en/inbox.json' with { type: 'json' };
import moderation from './en/moderation.json' with { type: 'json' };
import tickets from './en/tickets.json' with { type: 'json' };
import listening from './en/listening.json' with { type: 'json' };
import crisis from './en/crisis.json' with { type: 'json' };
import analytics from './en/analytics.json' with { type: 'json' };
import reports from './en/reports.json' with { type: 'json' };
import charter from './en/charter.json' with { type: 'json' };
import connect from './en/connect.json' with { type: 'json' };
import networks from './en/networks.json' with { type: 'json' };

export const areas = { inbox, moderation, tickets, listening, crisis, analytics, reports, charter, connect, networks };
