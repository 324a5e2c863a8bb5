import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client.js';
import { moderation, type ItemAuthor, type ModeratedItem } from '../../api/moderation.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad, type Loaded } from '../../app/useLoad.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { UserText } from '../../components/UserText.js';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import { networkName } from '../../lib/networks.js';
import { errorMessage } from '../../lib/errors.js';
import { weekDays } from '../../lib/format.js';
import { ModerationNav } from './ModerationNav.js';
import { ItemCard } from './ItemCard.js';
import { excerpt } from './text.js';
import './moderation.css';

const nameOf = (a: Pick<ItemAuthor, 'displayName' | 'handle'>) => excerpt(a.displayName || `@${a.handle}`, 80);

/** Repeat offenders (block from here), advocates (mark, unmark) and the week's most positive contributions. */
export function PeoplePage() {
  const { t, i18n } = useTranslation();
  const highlightsFirst = useLocation().pathname.endsWith('/moderation/highlights');
  // The weekly highlights notification links to …/moderation/highlights?week=2026-W49: that week's, shown first.
  const [searchParams] = useSearchParams();
  const asked = searchParams.get('week');
  const week = asked && /^\d{4}-W\d{2}$/.test(asked) ? asked : undefined;
  const highlightsHeading = useRef<HTMLHeadingElement>(null);
  const workspace = useWorkspace();
  const wid = workspace.workspaceId;
  const canAct = workspace.can('moderation.act');
  const canMark = canAct;
  const [offenders, reloadOffenders] = useLoad(() => moderation.offenders(wid), [wid]);
  const [advocates, reloadAdvocates] = useLoad(() => moderation.advocates(wid), [wid]);
  const [highlights, reloadHighlights] = useLoad(() => moderation.highlights(wid, week), [wid, week]);
  useEffect(() => {
    if (highlightsFirst) highlightsHeading.current?.scrollIntoView({ block: 'start' });
  }, [highlightsFirst, highlights.status]);
  // Suggestions: authors of the week's most positive items who are not advocates yet.
  const suggested: Loaded<ItemAuthor[]> =
    highlights.status === 'ready'
      ? {
          status: 'ready',
          data: [...new Map(highlights.data.everyone.filter((i) => !i.author.advocate).map((i) => [i.author.id, i.author])).values()].slice(0, 8),
        }
      : highlights;
  const advocateItems: Loaded<ModeratedItem[]> = highlights.status === 'ready' ? { status: 'ready', data: highlights.data.items } : highlights;
  const [blocking, setBlocking] = useState<ItemAuthor | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const block = async (author: ItemAuthor) => {
    setBlocking(null);
    setError(null);
    try {
      // Blocking goes through one of the author's items, which names the account and the network to act on.
      const card = await request<{ items: Array<{ id: string }> }>('GET', `/workspaces/${encodeURIComponent(wid)}/inbox/authors/${encodeURIComponent(author.id)}`);
      const item = card.items[0];
      if (!item) throw new Error('no item');
      await moderation.act(wid, item.id, 'block', t('moderation.people.blockReason', { count: author.removedCount }));
      await reloadOffenders();
      setStatus(t('moderation.people.blockedDone', { name: nameOf(author) }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  const mark = async (author: ItemAuthor, advocate: boolean) => {
    setError(null);
    try {
      await moderation.setAdvocate(wid, author.id, advocate);
      await Promise.all([reloadAdvocates(), reloadHighlights()]);
      setStatus(t(advocate ? 'moderation.people.marked' : 'moderation.people.unmarked', { name: nameOf(author) }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    }
  };

  return (
    <Page title={t('moderation.people.title')} lead={t('moderation.people.intro')}>
      <ModerationNav />
      <StatusMessage>{status}</StatusMessage>
      <ErrorAlert>{error}</ErrorAlert>
      <div className="mod-people">
        <section className="card" aria-labelledby="offenders">
          <h2 id="offenders">{t('moderation.people.offenders')}</h2>
          <p className="hint">{t('moderation.people.offendersHint')}</p>
          <Section state={offenders} retry={reloadOffenders} empty={t('moderation.people.offendersEmpty')}>
            {(list) => (
              <ol className="mod-authors">
                {list.map((a) => (
                  <li key={a.id} className="mod-author">
                    <AuthorName author={a} />
                    <span className="mod-count">{t('moderation.people.removed', { count: a.removedCount })}</span>
                    {a.blocked ? (
                      <span className="tag">{t('moderation.people.blocked')}</span>
                    ) : canAct ? (
                      <button type="button" className="button button-small" aria-label={t('moderation.people.blockFor', { name: nameOf(a) })} onClick={() => setBlocking(a)}>
                        {t('moderation.people.block')}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </Section>
        </section>
        <section className="card" aria-labelledby="advocates">
          <h2 id="advocates">{t('moderation.people.advocates')}</h2>
          <p className="hint">{t('moderation.people.advocatesHint')}</p>
          <Section state={advocates} retry={reloadAdvocates} empty={t('moderation.people.advocatesEmpty')}>
            {(list) => (
              <ul className="mod-authors">
                {list.map((a) => (
                  <li key={a.id} className="mod-author">
                    <AuthorName author={a} />
                    {canMark ? (
                      <button type="button" className="button button-small" aria-label={t('moderation.people.unmarkFor', { name: nameOf(a) })} onClick={() => void mark(a, false)}>
                        {t('moderation.people.unmark')}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          {canMark ? (
            <>
              <h3>{t('moderation.people.suggested')}</h3>
              <p className="hint">{t(week ? 'moderation.people.suggestedHintWeek' : 'moderation.people.suggestedHint')}</p>
              <Section state={suggested} retry={reloadHighlights} empty={t(week ? 'moderation.people.suggestedEmptyWeek' : 'moderation.people.suggestedEmpty')}>
                {(list) => (
                  <ul className="mod-authors">
                    {list.map((a) => (
                      <li key={a.id} className="mod-author">
                        <AuthorName author={a} />
                        <button type="button" className="button button-small" aria-label={t('moderation.people.markFor', { name: nameOf(a) })} onClick={() => void mark(a, true)}>
                          {t('moderation.people.mark')}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </Section>
            </>
          ) : null}
        </section>
      </div>
      <section className="card" aria-labelledby="highlights">
        <h2 id="highlights" ref={highlightsHeading} tabIndex={-1}>
          {/* A week asked by its link (a past one, from the weekly notification) is named by its days. */}
          {week && highlights.status === 'ready' ? t('moderation.people.highlightsOf', { days: weekDays(highlights.data.from, highlights.data.to, i18n.language) }) : t('moderation.people.highlights')}
        </h2>
        <p className="hint">
          {t(week ? 'moderation.people.highlightsWeek' : 'moderation.people.highlightsHint')}
        </p>
        <Section state={advocateItems} retry={reloadHighlights} empty={t(week ? 'moderation.people.highlightsEmptyWeek' : 'moderation.people.highlightsEmpty')}>
          {(list) => (
            <ol className="mod-highlights">
              {list.map((item) => (
                <li key={item.id}>
                  <ItemCard item={item} />
                </li>
              ))}
            </ol>
          )}
        </Section>
      </section>
      {blocking ? (
        <ConfirmDialog
          title={t('moderation.people.blockTitle', { name: nameOf(blocking) })}
          message={t('moderation.people.blockText', { network: t(`moderation.networks.${blocking.network}`, { defaultValue: blocking.network }) })}
          confirmLabel={t('moderation.people.block')}
          onConfirm={() => void block(blocking)}
          onCancel={() => setBlocking(null)}
        />
      ) : null}
    </Page>
  );
}

function AuthorName({ author }: { author: ItemAuthor }) {
  return (
    <span className="mod-author-name">
      <NetworkIcon network={author.network} label={networkName(author.network)} />
      <span>
        <UserText>{nameOf(author)}</UserText>
        {author.displayName ? (
          <span className="muted mod-handle">
            {' '}
            <UserText>{`@${excerpt(author.handle, 80)}`}</UserText>
          </span>
        ) : null}
      </span>
    </span>
  );
}

function Section<T>({ state, retry, empty, children }: { state: Loaded<T[]>; retry: () => Promise<void>; empty: string; children: (list: T[]) => ReactNode }) {
  const { t } = useTranslation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed')
    return (
      <ErrorAlert>
        {errorMessage(t, state.error)}{' '}
        <button type="button" className="button button-small" onClick={() => void retry()}>
          {t('common.retry')}
        </button>
      </ErrorAlert>
    );
  if (state.data.length === 0) return <p className="muted">{empty}</p>;
  return <>{children(state.data)}</>;
}
