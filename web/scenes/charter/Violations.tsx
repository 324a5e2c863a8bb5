import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../app/useLoad.js';
import { LoadStatus } from '../../components/LoadStatus.js';
import { UserText } from '../../components/UserText.js';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import { networkName } from '../../lib/counters.js';
import { useWhen } from '../../app/useWhen.js';
import { workspacePath } from '../../lib/areas.js';
import { charterApi } from './api.js';
import { FindingLines } from './FindingLines.js';

interface Props {
  workspaceId: string;
  /** The charter's version: the list is read again when it changes. */
  version: number;
  /** Saved replies open in their editor only for members who may read the inbox's settings. */
  canOpenSavedReplies: boolean;
}

/** What breaks the current charter: the saved replies and the posts not yet published, each with its findings. */
export function Violations({ workspaceId, version, canOpenSavedReplies }: Props) {
  const { t, i18n } = useTranslation();
  const clock = useWhen();
  const p = (key: string, values?: Record<string, unknown>) => t(`charter.page.${key}`, values);
  const [loaded, reload] = useLoad(() => charterApi.violations(workspaceId), [workspaceId, version]);
  const base = workspacePath(workspaceId);

  return (
    <section className="card charter-violations-card" aria-labelledby="charter-violations">
      <h2 id="charter-violations">{p('violations.title')}</h2>
      <p className="hint">{p('violations.lead')}</p>
      <LoadStatus loaded={loaded} reload={reload} />
      {loaded.status === 'ready' ? (
        <>
          <h3>{p('violations.savedReplies', { count: loaded.data.savedReplies.length })}</h3>
          {loaded.data.savedReplies.length === 0 ? <p className="muted">{p('violations.noSavedReplies')}</p> : null}
          <ul className="charter-violations">
            {loaded.data.savedReplies.map((reply) => (
              <li key={reply.id}>
                <h4>
                  {canOpenSavedReplies ? (
                    <Link to={`${base}/settings/saved-replies?edit=${encodeURIComponent(reply.id)}`}>
                      <UserText>{reply.title}</UserText>
                    </Link>
                  ) : (
                    <UserText>{reply.title}</UserText>
                  )}
                </h4>
                <FindingLines findings={reply.findings} />
              </li>
            ))}
          </ul>
          <h3>{p('violations.posts', { count: loaded.data.posts.length })}</h3>
          {loaded.data.posts.length === 0 ? <p className="muted">{p('violations.noPosts')}</p> : null}
          <ul className="charter-violations">
            {loaded.data.posts.map((post) => (
              <li key={post.id}>
                <h4>
                  <Link to={`${base}/calendar/posts/${encodeURIComponent(post.id)}`}>
                    {post.excerpt ? <UserText>{post.excerpt}</UserText> : p('violations.untitled')}
                  </Link>
                </h4>
                <p className="charter-violation-meta">
                  <span className="tag">{t(`postStatus.${post.status}`, { defaultValue: post.status })}</span>
                  {post.network ? (
                    <span>
                      <NetworkIcon network={post.network} /> {networkName(post.network)}
                    </span>
                  ) : null}
                  {post.scheduledAt ? <span>{p('violations.scheduled', { when: clock.dateTime(post.scheduledAt) })}</span> : null}
                </p>
                <FindingLines findings={post.findings} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
