import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { publishing } from '../../api/publishing.js';
import { Page } from '../../components/Page.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { charterApi } from './api.js';
import { CharterEditor } from './CharterEditor.js';
import { CharterReader } from './CharterReader.js';
import './charter.css';

/** The workspace's editorial charter: edited by those who manage it, read by everyone else. */
export function CharterPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const [loaded, reload] = useLoad(async () => {
    // Campaigns and accounts only name things on this page: without them it still works.
    const [current, campaigns, accounts] = await Promise.all([
      charterApi.get(wid),
      workspace.can('posts.read') ? publishing.campaigns.list(wid).catch(() => ({ items: [] })) : { items: [] },
      workspace.can('posts.read') ? publishing.accounts.list(wid).catch(() => ({ items: [] })) : { items: [] },
    ]);
    const networks = [...new Set(accounts.items.filter((a) => a.status !== 'disconnected').map((a) => a.network))].sort();
    return { current, campaigns: campaigns.items, networks };
  }, [wid]);

  return (
    <Page title={t('charter.page.title')} lead={t('charter.page.lead')}>
      <LoadStatus loaded={loaded} reload={reload} />
      {loaded.status === 'ready' ? (
        workspace.can('charter.manage') ? (
          <CharterEditor workspaceId={wid} initial={loaded.data.current} campaigns={loaded.data.campaigns} networks={loaded.data.networks} />
        ) : (
          <CharterReader workspaceId={wid} current={loaded.data.current} campaigns={loaded.data.campaigns} />
        )
      ) : null}
    </Page>
  );
}
