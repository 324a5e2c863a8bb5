import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../src/shared/api.js';
import { useWorkspace } from '../../app/workspace.js';
import type { CharterVersion } from './api.js';
import { describeCharter } from './describe.js';
import { CharterSummary } from './CharterSummary.js';
import { History } from './History.js';
import { Violations } from './Violations.js';

interface Props {
  workspaceId: string;
  current: CharterVersion;
  campaigns: CampaignView[];
}

/** The charter for members who keep to it without changing it: in sentences, with its history. */
export function CharterReader({ workspaceId, current, campaigns }: Props) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  const campaignName = (id: string) => campaigns.find((c) => c.id === id)?.name ?? p('hashtags.goneCampaign', { id });

  return (
    <div className="charter-layout">
      <section className="card" aria-labelledby="charter-read-title">
        <h2 id="charter-read-title">{current.version ? p('inForce', { version: current.version }) : p('formTitle')}</h2>
        <p className="alert alert-info">{p('readOnly')}</p>
        {current.version ? <CharterSummary sections={describeCharter(t, current.charter, campaignName)} /> : <p className="muted">{p('noneYetRead')}</p>}
      </section>
      <History workspaceId={workspaceId} current={current} canManage={false} campaignName={campaignName} onRestore={async () => undefined} />
      {workspace.can('posts.write') || workspace.can('inbox.reply') ? (
        <Violations workspaceId={workspaceId} version={current.version} canOpenSavedReplies={workspace.can('inbox.read')} />
      ) : null}
    </div>
  );
}
