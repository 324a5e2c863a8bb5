import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { zoneLabel } from '../../lib/format.js';
import { usePublishingBasics } from '../publishing/basics.js';
import { Composer } from './Composer.js';

/** A new post. Once saved, it continues on its own page (history, approvals, comments). */
export function ComposerPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const [basics] = usePublishingBasics(workspace.workspaceId);
  return (
    <Page title={t('composer.newTitle')} lead={basics.status === 'ready' ? t('calendar.zone', { zone: zoneLabel(t, basics.data.zone) }) : undefined}>
      {basics.status === 'loading' ? <Loading /> : null}
      {basics.status === 'failed' ? <ErrorAlert>{errorMessage(t, basics.error)}</ErrorAlert> : null}
      {basics.status === 'ready' ? (
        <Composer
          basics={basics.data}
          post={null}
          onSaved={(post, message) =>
            navigate(`${workspacePath(workspace.workspaceId, 'calendar')}/posts/${encodeURIComponent(post.id)}`, { replace: true, state: { message, status: post.status } })
          }
        />
      ) : null}
    </Page>
  );
}
