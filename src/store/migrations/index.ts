import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0010 from './0010_publishing.js';
import * as m0002jobs from './0002_jobs_claim_index.js';
import * as m0011 from './0011_idempotency_keys.js';
import * as m0012 from './0012_hashed_session_tokens.js';
import * as m0014 from './0014_workspace_settings.js';
import * as m0013 from './0013_notifications.js';
import * as m0015 from './0015_campaign_utm.js';
import * as m0016 from './0016_client_visibility.js';
import * as m0017 from './0017_inbox.js';
import * as m0020moderation from './0020_moderation.js';
import * as m0019inbox from './0019_inbox_search.js';
import * as m0018 from './0018_tickets.js';
import * as m0021inbound from './0021_inbound.js';
import * as m0022rules from './0022_rules_pending.js';
import * as m0023inbox from './0023_inbox_facets.js';
import * as m0025setAside from './0025_inbound_set_aside.js';
import * as m0026streamCursor from './0026_stream_cursor.js';
import * as m0027readPaths from './0027_inbox_read_paths.js';
import * as m0028setAsideOnce from './0028_set_aside_once.js';
import * as m0029searchNewest from './0029_search_newest_first.js';
import * as m0030pgSearch from './0030_pg_search_vector.js';
import * as m0031listening from './0031_listening.js';
import * as m0032analytics from './0032_analytics.js';
import * as m0033analyticsIndexes from './0033_analytics_indexes.js';
import * as m0034charter from './0034_charter.js';
import * as m0035analyticsRollups from './0035_analytics_rollups.js';
import * as m0036networkApps from './0036_network_apps.js';
import * as m0037postOptions from './0037_post_options_video.js';
import * as m0038publishPacing from './0038_publish_pacing.js';
import * as m0040instanceAdmins from './0040_instance_admins.js';
import * as m0041connectionWarning from './0041_connection_warning.js';
import * as m0039webhookDeliveries from './0039_webhook_deliveries.js';
import * as m0042youtubeHandles from './0042_youtube_handles.js';
import * as m0043watchFigures from './0043_watch_figures.js';
import * as m0044inboxNetworkChanges from './0044_inbox_network_changes.js';
import * as m0046inboxRemovedIndex from './0046_inbox_removed_index.js';
import * as m0047analyticsPostSlots from './0047_analytics_post_slots.js';
import * as m0048pgSearchWords from './0048_pg_search_words.js';
import * as m0049analyticsPostsLabelsIndex from './0049_analytics_posts_labels_index.js';
import * as m0050listeningParentCascades from './0050_listening_parent_cascades.js';
import * as m0051pgSearchStatistics from './0051_pg_search_statistics.js';
import * as m0052analyticsFigureIndexes from './0052_analytics_figure_indexes.js';
import * as m0053analyticsPostLabelPairs from './0053_analytics_post_label_pairs.js';
import * as m0054analyticsModerationDays from './0054_analytics_moderation_days.js';

/** Every migration in order. Append only: a released migration is never edited. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0010_publishing': m0010,
  '0002_jobs_claim_index': m0002jobs,
  '0011_idempotency_keys': m0011,
  '0012_hashed_session_tokens': m0012,
  '0014_workspace_settings': m0014,
  '0013_notifications': m0013,
  '0015_campaign_utm': m0015,
  '0016_client_visibility': m0016,
  '0017_inbox': m0017,
  '0020_moderation': m0020moderation,
  '0019_inbox_search': m0019inbox,
  '0018_tickets': m0018,
  '0021_inbound': m0021inbound,
  '0022_rules_pending': m0022rules,
  '0023_inbox_facets': m0023inbox,
  '0025_inbound_set_aside': m0025setAside,
  '0026_stream_cursor': m0026streamCursor,
  '0027_inbox_read_paths': m0027readPaths,
  '0028_set_aside_once': m0028setAsideOnce,
  '0029_search_newest_first': m0029searchNewest,
  '0030_pg_search_vector': m0030pgSearch,
  '0031_listening': m0031listening,
  '0032_analytics': m0032analytics,
  '0033_analytics_indexes': m0033analyticsIndexes,
  '0034_charter': m0034charter,
  '0035_analytics_rollups': m0035analyticsRollups,
  '0036_network_apps': m0036networkApps,
  '0037_post_options_video': m0037postOptions,
  '0038_publish_pacing': m0038publishPacing,
  '0039_webhook_deliveries': m0039webhookDeliveries,
  '0040_instance_admins': m0040instanceAdmins,
  '0041_connection_warning': m0041connectionWarning,
  '0042_youtube_handles': m0042youtubeHandles,
  '0043_watch_figures': m0043watchFigures,
  '0044_inbox_network_changes': m0044inboxNetworkChanges,
  '0046_inbox_removed_index': m0046inboxRemovedIndex,
  '0047_analytics_post_slots': m0047analyticsPostSlots,
  '0048_pg_search_words': m0048pgSearchWords,
  '0049_analytics_posts_labels_index': m0049analyticsPostsLabelsIndex,
  '0050_listening_parent_cascades': m0050listeningParentCascades,
  '0051_pg_search_statistics': m0051pgSearchStatistics,
  '0052_analytics_figure_indexes': m0052analyticsFigureIndexes,
  '0053_analytics_post_label_pairs': m0053analyticsPostLabelPairs,
  '0054_analytics_moderation_days': m0054analyticsModerationDays,
};
