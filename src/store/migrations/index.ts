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
};
