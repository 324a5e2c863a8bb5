import type { CampaignView, PublishingSettingsView, SocialAccountView, WeekStart } from '../../../src/shared/api.js';
import { api } from '../../api/client.js';
import { publishing } from '../../api/publishing.js';
import { useLoad, type Loaded } from '../../app/useLoad.js';

/** What every publishing screen needs: the workspace's time zone, its accounts, campaigns and settings. */
export interface PublishingBasics {
  zone: string;
  /** The language new posts start in. */
  locale: 'fr' | 'en';
  /** The calendar's first day of the week. */
  weekStart: WeekStart;
  accounts: SocialAccountView[];
  campaigns: CampaignView[];
  settings: PublishingSettingsView;
}

export function usePublishingBasics(wid: string): [Loaded<PublishingBasics>, () => Promise<void>] {
  return useLoad(async () => {
    const [workspace, accounts, campaigns, settings] = await Promise.all([
      api.workspaces.get(wid),
      publishing.accounts.list(wid),
      publishing.campaigns.list(wid),
      publishing.settings.get(wid),
    ]);
    return { zone: workspace.timezone, locale: workspace.locale, weekStart: workspace.weekStart, accounts: accounts.items, campaigns: campaigns.items, settings };
  }, [wid]);
}
