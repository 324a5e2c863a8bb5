import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { publishing } from '../../api/publishing.js';
import { useLoad } from '../../app/useLoad.js';
import { useWorkspace } from '../../app/workspace.js';
import { useSignedIn } from '../../app/session.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { workspacePath } from '../../lib/areas.js';
import { useMediaQuery } from '../../lib/useMediaQuery.js';
import { inboxApi, type InboxItemView, type ItemStatus, type SourceView } from './api.js';
import { activeFilters, CLEARED, NO_FILTERS, toQuery, type InboxFilters, type Sort } from './filters.js';
import { useInboxList } from './useInboxList.js';
import { useInboxStream } from './useInboxStream.js';
import { ItemList, optionId } from './ItemList.js';
import { ItemDetail } from './ItemDetail.js';
import { FilterPanel } from './FilterPanel.js';
import { StatusTabs } from './StatusTabs.js';
import { SourcesStrip } from './SourcesStrip.js';
import { AssignDialog } from './AssignDialog.js';
import { LabelDialog } from './LabelDialog.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';
import { BulkBar } from './BulkBar.js';
import { useShortcuts } from './useShortcuts.js';
import './inbox.css';

type Open = null | { kind: 'assign' | 'label'; ids: string[] } | { kind: 'help' };

export function InboxPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const session = useSignedIn();
  const wid = workspace.workspaceId;
  const meId = session.user.id;
  const navigate = useNavigate();
  const params = useParams();
  const [searchParams] = useSearchParams();
  const currentId = params['*'] ? decodeURIComponent(params['*'].split('/')[0]) : null;
  const phone = useMediaQuery('(max-width: 48rem)');
  const base = `${workspacePath(wid, 'inbox')}`;
  const filtersId = useId();

  const [filters, setFilters] = useState<InboxFilters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>('newest');
  const [search, setSearch] = useState('');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [detailVersion, setDetailVersion] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // Other pages link to an item as ?item=<id>.
  const linked = searchParams.get('item');
  useEffect(() => {
    if (linked && !currentId) navigate(`${base}/${encodeURIComponent(linked)}`, { replace: true });
  }, [linked, currentId, navigate, base]);

  // A confirmation is read once, then makes room.
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 6000);
    return () => clearTimeout(timer);
  }, [status]);

  // The search waits for a pause in typing before it asks.
  useEffect(() => {
    const timer = setTimeout(() => setFilters((f) => (f.q === search ? f : { ...f, q: search })), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const query = useMemo(() => toQuery(filters, sort), [filters, sort]);
  const list = useInboxList(wid, query);
  const [accounts] = useLoad(() => publishing.accounts.list(wid), [wid]);
  const [members] = useLoad(() => (workspace.can('members.read') ? api.members.list(wid) : Promise.resolve({ items: [] })), [wid]);
  // The collection's progress is the team's (a client reading the inbox is not asked to wait on it).
  const [sources, reloadSources] = useLoad(
    async (): Promise<SourceView[]> => (workspace.can('inbox.read') ? (await inboxApi.sources(wid)).items : []),
    [wid],
  );
  const [saved] = useLoad(() => (workspace.can('inbox.reply') ? inboxApi.savedReplies(wid) : Promise.resolve({ items: [] })), [wid]);

  const memberList = useMemo(
    () => (members.status === 'ready' ? members.data.items.map((m) => ({ userId: m.userId, name: m.name })) : [{ userId: meId, name: session.user.name }]),
    [members, meId, session.user.name],
  );
  const memberName = useCallback((userId: string | null) => (userId ? memberList.find((m) => m.userId === userId)?.name ?? null : null), [memberList]);
  const accountList = accounts.status === 'ready' ? accounts.data.items : [];
  const ownHandle = useCallback((accountId: string | null) => accountList.find((a) => a.id === accountId)?.handle ?? null, [accountList]);

  const items = list.items ?? [];
  const itemsRef = useRef(items);
  itemsRef.current = items;

  // Live: rows refresh, new items wait behind an announcement, the open item reloads.
  const sourcesTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useInboxStream(wid, (ids) => {
    void list.refreshIds(ids);
    if (currentId && (ids.length === 0 || ids.includes(currentId))) setDetailVersion((v) => v + 1);
    if (!sourcesTimer.current) {
      sourcesTimer.current = setTimeout(() => {
        sourcesTimer.current = null;
        void reloadSources();
      }, 2000);
    }
  });
  useEffect(() => () => clearTimeout(sourcesTimer.current ?? undefined), []);

  // Backfill in progress: its bar moves even when no item arrives.
  const collecting = sources.status === 'ready' && sources.data.some((s) => !s.backfillDone);
  useEffect(() => {
    if (!collecting) return;
    const timer = setInterval(() => void reloadSources(), 3000);
    return () => clearInterval(timer);
  }, [collecting, reloadSources]);

  const openItem = useCallback(
    (id: string, how: { focusList?: boolean } = {}) => {
      navigate(`${base}/${encodeURIComponent(id)}`, { replace: !phone || currentId !== null });
      if (how.focusList && !phone) listRef.current?.focus();
      requestAnimationFrame(() => document.getElementById(optionId(id))?.scrollIntoView({ block: 'nearest' }));
    },
    [navigate, base, phone, currentId],
  );
  const closeItem = useCallback(() => {
    navigate(base);
    requestAnimationFrame(() => listRef.current?.focus());
  }, [navigate, base]);

  const move = useCallback(
    (step: 1 | -1) => {
      const all = itemsRef.current;
      if (all.length === 0) return;
      const index = all.findIndex((i) => i.id === currentId);
      const next = index < 0 ? 0 : Math.min(all.length - 1, Math.max(0, index + step));
      openItem(all[next].id);
    },
    [currentId, openItem],
  );

  // Checking gathers items for a bulk action: nothing to gather for a member who only reads.
  const mayCheck = workspace.can('inbox.reply');
  const toggleCheck = useCallback((id: string) => {
    if (!mayCheck) return;
    setChecked((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, [mayCheck]);

  const afterChange = (message: string) => {
    setStatus(message);
    setDetailVersion((v) => v + 1);
    void list.refreshCounts();
  };

  const run = async (ids: string[], change: (item: InboxItemView) => InboxItemView, call: () => Promise<unknown>, message: string) => {
    setActionError(null);
    list.patch(ids, change);
    try {
      await call();
      list.settle(ids);
      afterChange(message);
    } catch (caught) {
      list.settle(ids);
      setActionError(caught);
      void list.reload();
    }
  };

  const setItemsStatus = (ids: string[], next: ItemStatus) =>
    run(
      ids,
      (i) => ({ ...i, status: next }),
      () => (ids.length === 1 ? inboxApi.update(wid, ids[0], { status: next }) : inboxApi.bulk(wid, { itemIds: ids, status: next })),
      t('inbox.done.status', { count: ids.length, status: t(`inbox.status.${next}`) }),
    );

  const assign = (ids: string[], userId: string | null) => {
    setOpen(null);
    const name = memberName(userId);
    return run(
      ids,
      (i) => ({ ...i, assigneeId: userId }),
      () => (ids.length === 1 ? inboxApi.update(wid, ids[0], { assigneeId: userId }) : inboxApi.bulk(wid, { itemIds: ids, assigneeId: userId })),
      name ? t('inbox.done.assigned', { count: ids.length, name }) : t('inbox.done.unassigned', { count: ids.length }),
    );
  };

  const relabel = (ids: string[], change: { add: string[]; remove: string[] }) => {
    setOpen(null);
    if (change.add.length === 0 && change.remove.length === 0) return;
    const apply = (labels: string[]) => [...labels.filter((l) => !change.remove.includes(l)), ...change.add.filter((l) => !labels.includes(l))];
    const one = ids.length === 1 ? itemsRef.current.find((i) => i.id === ids[0]) ?? null : null;
    return run(
      ids,
      (i) => ({ ...i, labels: apply(i.labels) }),
      () =>
        one
          ? inboxApi.update(wid, one.id, { labels: apply(one.labels) })
          : inboxApi.bulk(wid, { itemIds: ids, addLabels: change.add, removeLabels: change.remove }),
      t('inbox.done.labelled', { count: ids.length }),
    );
  };

  const targets = (): string[] => (checked.size > 0 ? [...checked] : currentId ? [currentId] : []);
  const canAct = workspace.can('inbox.reply');

  useShortcuts({
    enabled: open === null,
    next: () => move(1),
    previous: () => move(-1),
    check: () => currentId && toggleCheck(currentId),
    reply: () => {
      if (!canAct || !currentId) return;
      const focus = (tries: number) => (replyRef.current ? replyRef.current.focus() : tries > 0 && setTimeout(() => focus(tries - 1), 100));
      focus(20);
    },
    done: () => {
      if (!canAct || !currentId) return;
      void setItemsStatus([currentId], 'done');
      if (filters.status && filters.status !== 'done') move(1);
    },
    assign: () => canAct && targets().length > 0 && setOpen({ kind: 'assign', ids: targets() }),
    label: () => canAct && targets().length > 0 && setOpen({ kind: 'label', ids: targets() }),
    search: () => searchRef.current?.focus(),
    help: () => setOpen({ kind: 'help' }),
  });

  // The announcement for screen readers, said once per change in the number waiting.
  const freshCount = list.fresh.length;
  const noAccount = accounts.status === 'ready' && accountList.length === 0;
  const filtered = activeFilters(filters) > 0 || filters.q !== '';
  const caughtUp = Object.values(list.counts?.byStatus ?? {}).some((n) => (n ?? 0) > 0) || (list.counts?.removed ?? 0) > 0;
  const showList = !phone || currentId === null;
  const known = Object.keys(list.counts?.byLabel ?? {});
  const openTargets = open && open.kind !== 'help' ? open.ids : [];
  const oneTarget = openTargets.length === 1 ? items.find((i) => i.id === openTargets[0]) ?? null : null;

  return (
    <div className="inbox-area">
      <Page title={t('areas.inbox.title')}>
        {/* The collection's progress is the team's: a client would only read "starts shortly" for ever. */}
        {workspace.can('inbox.read') && sources.status === 'ready' && accountList.length > 0 && (!phone || !currentId) ? (
          <SourcesStrip accounts={accountList} sources={sources.data} />
        ) : null}
        {noAccount ? (
          <div className="inbox-empty card">
            <h2>{t('inbox.empty.noAccountTitle')}</h2>
            <p>{t('inbox.empty.noAccount')}</p>
            {workspace.can('connections.manage') ? (
              <Link className="button button-primary" to={`${workspacePath(wid, 'settings')}/accounts`}>
                {t('inbox.empty.connect')}
              </Link>
            ) : (
              <p className="muted">{t('inbox.empty.askAdmin')}</p>
            )}
          </div>
        ) : (
          <>
            {showList ? (
              <div className="inbox-toolbar">
                <div className="inbox-search">
                  <label htmlFor="inbox-search" className="visually-hidden">
                    {t('inbox.search')}
                  </label>
                  <input
                    ref={searchRef}
                    id="inbox-search"
                    type="search"
                    placeholder={t('inbox.searchPlaceholder')}
                    value={search}
                    maxLength={200}
                    onChange={(e) => setSearch(e.target.value)}
                  />
                </div>
                <div className="inbox-sort">
                  <label htmlFor="inbox-sort">{t('inbox.sort.label')}</label>
                  <select id="inbox-sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
                    <option value="newest">{t('inbox.sort.newest')}</option>
                    <option value="risk">{t('inbox.sort.risk')}</option>
                  </select>
                </div>
                <button type="button" className="button button-small" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen(!filtersOpen)}>
                  <span aria-hidden="true">{filtersOpen ? '▾' : '▸'}</span> {t('inbox.filters.title')}
                  {activeFilters(filters) > 0 ? <span className="inbox-filter-count">{activeFilters(filters)}</span> : null}
                </button>
                {filtered ? (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => {
                      setFilters(CLEARED);
                      setSearch('');
                    }}
                  >
                    {t('inbox.filters.clear')}
                  </button>
                ) : null}
                <button type="button" className="button button-small inbox-help-button" onClick={() => setOpen({ kind: 'help' })} aria-keyshortcuts="?">
                  {t('inbox.shortcuts.button')}
                </button>
              </div>
            ) : null}
            {showList ? (
              <>
                <FilterPanel
                  id={filtersId}
                  hidden={!filtersOpen}
                  value={filters}
                  onChange={setFilters}
                  counts={list.counts}
                  accounts={accountList}
                  members={memberList}
                  meId={meId}
                />
                <StatusTabs value={filters.status} counts={list.counts} onChange={(s) => setFilters({ ...filters, status: s })} />
              </>
            ) : null}
            <ErrorAlert>{actionError ? errorMessage(t, actionError) : null}</ErrorAlert>
            <StatusMessage>{status}</StatusMessage>
            <div className="visually-hidden" role="status" aria-live="polite">
              {freshCount > 0 ? t('inbox.live.announce', { count: freshCount }) : ''}
            </div>
            <div className={`inbox-layout${currentId ? ' has-current' : ''}`}>
              {showList ? (
                <div className="inbox-list-pane">
                  {checked.size > 0 && canAct ? (
                    <BulkBar
                      count={checked.size}
                      onStatus={(s) => void setItemsStatus([...checked], s)}
                      onAssign={() => setOpen({ kind: 'assign', ids: [...checked] })}
                      onLabel={() => setOpen({ kind: 'label', ids: [...checked] })}
                      onAll={() => setChecked(new Set(items.map((i) => i.id)))}
                      onClear={() => setChecked(new Set())}
                    />
                  ) : null}
                  {freshCount > 0 ? (
                    <button type="button" className="inbox-fresh" onClick={list.showFresh}>
                      {t('inbox.live.show', { count: freshCount })}
                    </button>
                  ) : null}
                  {list.error && list.items === null ? (
                    <div>
                      <ErrorAlert>{errorMessage(t, list.error)}</ErrorAlert>
                      <button type="button" className="button" onClick={() => void list.reload()}>
                        {t('inbox.retry')}
                      </button>
                    </div>
                  ) : list.items === null ? (
                    <Loading />
                  ) : items.length === 0 ? (
                    <EmptyList filtered={filtered} collecting={collecting} caughtUp={caughtUp} onClear={() => { setFilters(CLEARED); setSearch(''); }} />
                  ) : (
                    <>
                      <p id="inbox-list-hint" className="visually-hidden">
                        {t('inbox.listHint')}
                      </p>
                      <ItemList
                        ref={listRef}
                        items={items}
                        currentId={currentId}
                        checked={checked}
                        memberName={memberName}
                        onOpen={(id) => openItem(id, { focusList: true })}
                        onCheck={toggleCheck}
                        checkable={mayCheck}
                        onMove={move}
                        onEnter={() => currentId && phone && openItem(currentId)}
                      />
                      {list.hasMore ? (
                        <button type="button" className="button inbox-load-more" disabled={list.loadingMore} onClick={() => void list.loadMore()}>
                          {t('inbox.more')}
                        </button>
                      ) : null}
                      {list.error ? <ErrorAlert>{errorMessage(t, list.error)}</ErrorAlert> : null}
                    </>
                  )}
                </div>
              ) : null}
              {currentId ? (
                <ItemDetail
                  key={currentId}
                  ref={replyRef}
                  wid={wid}
                  itemId={currentId}
                  version={detailVersion}
                  ownHandle={ownHandle}
                  savedReplies={saved.status === 'ready' ? saved.data.items : []}
                  memberName={memberName}
                  onBack={phone ? closeItem : null}
                  onOpen={(id) => openItem(id)}
                  onStatus={(s) => void setItemsStatus([currentId], s)}
                  onAssign={() => setOpen({ kind: 'assign', ids: [currentId] })}
                  onLabel={() => setOpen({ kind: 'label', ids: [currentId] })}
                  onLoaded={(loaded) => list.offer(loaded)}
                />
              ) : !phone && items.length > 0 ? (
                <div className="inbox-detail inbox-detail-none">
                  <p className="muted">{t(workspace.can('inbox.reply') ? 'inbox.pick' : 'inbox.pickToRead')}</p>
                </div>
              ) : null}
            </div>
          </>
        )}
      </Page>
      {open?.kind === 'help' ? <ShortcutsHelp onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'assign' ? (
        <AssignDialog
          count={open.ids.length}
          current={oneTarget?.assigneeId ?? null}
          members={memberList}
          meId={meId}
          onAssign={(userId) => void assign(open.ids, userId)}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open?.kind === 'label' ? (
        <LabelDialog
          count={open.ids.length}
          current={oneTarget?.labels ?? []}
          known={known}
          onSave={(change) => void relabel(open.ids, change)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}

function EmptyList({ filtered, collecting, caughtUp, onClear }: { filtered: boolean; collecting: boolean; caughtUp: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  if (filtered) {
    return (
      <div className="inbox-empty">
        <p>{t('inbox.empty.filtered')}</p>
        <button type="button" className="button button-small" onClick={onClear}>
          {t('inbox.filters.clear')}
        </button>
      </div>
    );
  }
  return (
    <div className="inbox-empty">
      <p>{collecting ? t('inbox.empty.collecting') : caughtUp ? t('inbox.empty.caughtUp') : t('inbox.empty.none')}</p>
    </div>
  );
}
