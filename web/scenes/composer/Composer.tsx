import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostView } from '../../../src/shared/api.js';
import { ApiError } from '../../api/client.js';
import { useWorkspace } from '../../app/workspace.js';
import { StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { countFor, networkName } from '../../lib/counters.js';
import type { PublishingBasics } from '../publishing/basics.js';
import { isEditable } from '../publishing/status.js';
import { tagLinks, utmTags } from '../../../src/shared/utm.js';
import { draftFromPost, emptyDraft, textFor, type Draft } from './draft.js';
import { outcome, send, type After } from './actions.js';
import { AccountPicker } from './AccountPicker.js';
import { Counters } from './Counters.js';
import { VariantTabs, type FitProblemView } from './VariantTabs.js';
import { ThreadEditor } from './ThreadEditor.js';
import { MediaPicker } from './MediaPicker.js';
import { NetworkPreview } from './NetworkPreview.js';
import { PlannedTime } from './PlannedTime.js';
import { PostDetails } from './PostDetails.js';
import { ComposerButtons } from './ComposerButtons.js';
import { EmojiButton } from './EmojiButton.js';
import { OutgoingLinks } from './OutgoingLinks.js';
import { useSignedIn } from '../../app/session.js';
import { LintedTextarea } from '../../components/charter/LintedTextarea.js';
import { CharterFindings } from '../../components/charter/CharterFindings.js';
import { refreshCharter } from '../../components/charter/charterSource.js';
import type { ShownFinding } from '../../components/charter/wording.js';
import { useComposerCharter } from './useComposerCharter.js';

interface ComposerProps {
  basics: PublishingBasics;
  post: PostView | null;
  onSaved: (post: PostView, message: string) => void;
  onReload?: () => void;
}

/** One message for several accounts, with per-account variants, a thread, images, previews and a planned time. */
export function Composer({ basics, post, onSaved, onReload }: ComposerProps) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const session = useSignedIn();
  const id = useId();
  const { zone, accounts } = basics;
  const initial = useMemo(() => (post ? draftFromPost(post, zone) : emptyDraft()), [post, zone]);
  const [draft, setDraft] = useState<Draft>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; conflict: boolean; at: number } | null>(null);
  const [status, setStatus] = useState('');
  // What the server's own check of the charter refused, when it knew a newer charter than this page.
  const [fit, setFit] = useState<FitProblemView[]>([]);
  const [refused, setRefused] = useState<ShownFinding[]>([]);
  const errorRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const readOnly = !workspace.can('posts.write') || (post !== null && !isEditable(post.status));
  const selected = accounts.filter((a) => draft.accountIds.includes(a.id));
  const networks = [...new Set(selected.map((a) => a.network))];
  const change = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const campaign = basics.campaigns.find((c) => c.id === draft.campaignId);
  const charter = useComposerCharter(workspace.workspaceId, draft, selected, session.user.name.split(/\s+/)[0] || null);
  // What each network will receive: links carry the campaign's UTM tags, which count against its limit.
  const outgoing = (network: string, text: string) => tagLinks(text, campaign ? utmTags(campaign.utm, campaign.name, network) : null);

  // The buttons are at the bottom of a long form: the error is brought into view and read out where it is.
  useEffect(() => {
    if (!error) return;
    errorRef.current?.scrollIntoView({ block: 'center' });
    errorRef.current?.focus({ preventScroll: true });
  }, [error]);

  useEffect(() => {
    if (caret.current === null || !bodyRef.current) return;
    bodyRef.current.focus();
    bodyRef.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [draft.body]);

  const insertEmoji = (emoji: string) => {
    const el = bodyRef.current;
    const start = el?.selectionStart ?? draft.body.length;
    const end = el?.selectionEnd ?? start;
    caret.current = start + emoji.length;
    change({ body: draft.body.slice(0, start) + emoji + draft.body.slice(end) });
  };
  const fail = (message: string, conflict = false) => setError({ message, conflict, at: Date.now() });

  const problems = (): string | null => {
    if (draft.accountIds.length === 0) return t('composer.pickAccount');
    for (const a of selected) {
      if (countFor(a.network, outgoing(a.network, textFor(draft, a.id))).over) return t('composer.tooLong', { handle: a.handle, network: networkName(a.network) });
    }
    if (!draft.body.trim() && draft.media.length === 0) return t('composer.empty');
    if (charter?.blocked) return t('charter.lint.blockedPost');
    return null;
  };

  const run = async (after: After) => {
    const problem = after === 'save' ? (draft.accountIds.length ? null : t('composer.pickAccount')) : problems();
    if (problem) return fail(problem);
    setBusy(true);
    setError(null);
    setRefused([]);
    setFit([]);
    try {
      const saved = await send(workspace.workspaceId, zone, post, initial, draft, after);
      onSaved(saved, outcome(t, saved, zone, i18n.language, after));
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'not_fit_for_network' && Array.isArray(caught.details)) {
        // Saved as it is; each network's tab says what it would refuse.
        setFit(caught.details as FitProblemView[]);
        return fail(t('composer.fit.refused'));
      }
      if (caught instanceof ApiError && caught.code === 'charter_blocked') {
        setRefused(Array.isArray(caught.fields.findings) ? (caught.fields.findings as ShownFinding[]) : []);
        void refreshCharter(workspace.workspaceId);
        return fail(t('charter.lint.blockedPost'));
      }
      fail(errorMessage(t, caught), caught instanceof ApiError && caught.code === 'version_conflict');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="composer" aria-labelledby={`${id}-title`} onSubmit={(e) => { e.preventDefault(); void run('save'); }}>
      <h2 id={`${id}-title`} className="visually-hidden">{t('composer.title')}</h2>
      <StatusMessage>{status}</StatusMessage>
      {error ? (
        <div key={error.at} ref={errorRef} tabIndex={-1} className="alert alert-error composer-error" role="alert">
          {error.message}{' '}
          {error.conflict && onReload ? (
            <button type="button" className="button button-small" onClick={onReload}>
              {t('composer.reload')}
            </button>
          ) : null}
        </div>
      ) : null}
      {error && refused.length ? <CharterFindings className="lint-server" findings={refused} kind="post" label={t('charter.lint.serverFindings')} /> : null}
      <div className="composer-columns">
        <div className="composer-main">
          <AccountPicker accounts={accounts} selected={draft.accountIds} onChange={(accountIds) => change({ accountIds })} disabled={readOnly} />
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('composer.body')}</label>
            <LintedTextarea
              ref={bodyRef}
              id={`${id}-body`}
              rows={6}
              value={draft.body}
              findings={charter?.body ?? []}
              disabled={readOnly}
              aria-describedby={charter ? `${id}-count ${id}-lint` : `${id}-count`}
              onChange={(e) => change({ body: e.target.value })}
            />
            <div className="body-tools">
              <Counters id={`${id}-count`} text={draft.body} networks={networks} prepare={outgoing} />
              {readOnly ? null : <EmojiButton onPick={insertEmoji} />}
            </div>
            {charter && !readOnly ? (
              <CharterFindings id={`${id}-lint`} findings={charter.body} kind="post" text={draft.body} textarea={bodyRef} onChange={(body) => change({ body })} />
            ) : null}
          </div>
          <VariantTabs accounts={selected} body={draft.body} variants={draft.variants} findings={readOnly ? undefined : charter?.variants} onChange={(variants) => change({ variants })} disabled={readOnly} prepare={outgoing} options={draft.options} onOptionsChange={(options) => change({ options })} fit={fit} />
          <ThreadEditor parts={draft.thread} networks={networks} findings={readOnly ? undefined : charter?.thread} onChange={(thread) => change({ thread })} disabled={readOnly} prepare={outgoing} />
          <MediaPicker media={draft.media} onChange={(media) => change({ media })} onAnnounce={setStatus} disabled={readOnly} />
          <PostDetails draft={draft} campaigns={basics.campaigns} onChange={change} disabled={readOnly} />
          <OutgoingLinks campaign={campaign} networks={networks} texts={[draft.body, ...selected.map((a) => textFor(draft, a.id)), ...draft.thread]} />
          <PlannedTime value={draft.plannedAt} zone={zone} accounts={selected} onChange={(plannedAt) => change({ plannedAt })} disabled={readOnly} />
          {readOnly ? null : (
            <ComposerButtons post={post} draft={draft} approvalRequired={basics.settings.approvalSteps.length > 0} charterBlocked={charter?.blocked ?? false} busy={busy} onRun={(after) => void run(after)} />
          )}
        </div>
        <div className="composer-previews" aria-label={t('composer.previews')} role="region">
          {selected.length === 0 ? <p className="muted">{t('composer.previewHint')}</p> : null}
          {selected.map((a) => (
            <NetworkPreview
              key={a.id}
              account={a}
              text={outgoing(a.network, textFor(draft, a.id))}
              thread={draft.thread.map((part) => outgoing(a.network, part))}
              media={draft.media}
            />
          ))}
        </div>
      </div>
    </form>
  );
}
