import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ConfirmDialog.js';
import { ErrorAlert, Loading } from '../../../components/Alert.js';
import { errorMessage } from '../../../lib/errors.js';
import { analyticsApi, type PostPerformance, type PostQuery } from '../api.js';
import { PostList } from './PostList.js';

export interface Drill {
  /** What the reader clicked, in words: "Posts of Tue 3 March", "Posts on Bluesky". */
  title: string;
  query: PostQuery;
}

/** The posts behind a figure of the dashboard, best first, a page at a time. */
export function DrillDown({
  workspaceId,
  drill,
  zone,
  onClose,
}: {
  workspaceId: string;
  drill: Drill;
  zone: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [posts, setPosts] = useState<PostPerformance[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = async (after: string | null) => {
    setBusy(true);
    try {
      const page = await analyticsApi.posts(workspaceId, {
        sort: 'engagement',
        order: 'desc',
        limit: 20,
        ...drill.query,
        cursor: after ?? undefined,
      });
      setPosts((before) => [...(after ? (before ?? []) : []), ...page.items]);
      setCursor(page.nextCursor);
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void load(null);
  }, [workspaceId, drill]);

  return (
    <Dialog title={drill.title} onClose={onClose} className="drill-dialog">
      {error ? <ErrorAlert>{errorMessage(t, error)}</ErrorAlert> : null}
      {posts === null && !error ? <Loading /> : null}
      {posts?.length === 0 ? <p className="muted">{t('analytics.drill.empty')}</p> : null}
      {posts && posts.length > 0 ? (
        <>
          <p className="muted" role="status">
            {t('analytics.drill.shown', { count: posts.length })}
          </p>
          <PostList workspaceId={workspaceId} posts={posts} zone={zone} />
        </>
      ) : null}
      <div className="dialog-actions">
        {cursor ? (
          <button type="button" className="button" disabled={busy} onClick={() => void load(cursor)}>
            {t('analytics.drill.more')}
          </button>
        ) : null}
        <button type="button" className="button button-primary" onClick={onClose} autoFocus>
          {t('analytics.drill.close')}
        </button>
      </div>
    </Dialog>
  );
}
