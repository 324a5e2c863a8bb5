import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert.js';
import { ApiError } from '../../api/client.js';
import { useSignedIn } from '../../app/session.js';
import { LintedTextarea } from '../../components/charter/LintedTextarea.js';
import { CharterFindings } from '../../components/charter/CharterFindings.js';
import { refreshCharter } from '../../components/charter/charterSource.js';
import { useCharterCheck } from '../../components/charter/useCharterCheck.js';
import { stopsMessage, type ShownFinding } from '../../components/charter/wording.js';
import { countFor, networkName } from '../../lib/counters.js';
import { errorMessage } from '../../lib/errors.js';
import { showDirectionControls } from '../../lib/bidi.js';
import { inboxApi, type InboxItemView, type SavedReply } from './api.js';
import { inert } from './text.js';
import { engagementsOf } from './network-capabilities.js';

interface Props {
  wid: string;
  item: InboxItemView;
  savedReplies: SavedReply[];
  /** After a reply, like or repost was queued: the item's replies are read again. */
  onQueued: (what: string) => void;
}

/**
 * The answer to an item: the editor with the network's own counter, saved replies (those in the item's language
 * first, filled in by the server), and the quick gestures the network allows (like, repost or boost) and thank.
 */
export const ReplyBox = forwardRef<HTMLTextAreaElement, Props>(function ReplyBox({ wid, item, savedReplies, onQueued }, ref) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [body, setBody] = useState('');
  const [limits, setLimits] = useState<{ used: number; max: number } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [picked, setPicked] = useState('');
  const [refused, setRefused] = useState<ShownFinding[]>([]);
  const session = useSignedIn();
  const editor = useRef<HTMLTextAreaElement | null>(null);
  const check = useCharterCheck(wid, { text: body, kind: 'reply', network: item.network, writerFirstName: session.user.name.trim().split(/\s+/)[0] || null });
  const findings = check?.findings ?? [];
  const blocked = findings.some(stopsMessage);
  const setEditor = (el: HTMLTextAreaElement | null) => {
    editor.current = el;
    if (typeof ref === 'function') ref(el);
    else if (ref) ref.current = el;
  };

  useEffect(() => {
    setBody('');
    setLimits(null);
    setError(null);
    setRefused([]);
  }, [item.id]);

  // The network's counter: counted here at once, then as the server counts it (mentions it adds, links).
  useEffect(() => {
    if (!body) {
      setLimits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      inboxApi
        .replyLimits(wid, item.id, body)
        .then((answer) => live && setLimits(answer))
        .catch(() => undefined);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wid, item.id, body]);

  const local = countFor(item.network, body);
  const used = limits?.used ?? local.used;
  const max = limits?.max ?? local.max;
  const over = used > max;

  const act = async (kind: 'reply' | 'like' | 'repost' | 'thank', text?: string) => {
    setBusy(kind);
    setError(null);
    setRefused([]);
    try {
      await inboxApi.reply(wid, item.id, text?.trim() ? { kind, body: text } : { kind });
      if (text) setBody('');
      onQueued(kind);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'charter_blocked') {
        setRefused(Array.isArray(caught.fields.findings) ? (caught.fields.findings as ShownFinding[]) : []);
        void refreshCharter(wid);
      }
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const insertSaved = async (savedId: string) => {
    setPicked(savedId);
    if (!savedId) return;
    setError(null);
    try {
      const { body: rendered } = await inboxApi.renderSavedReply(wid, savedId, item.id);
      setBody((before) => (before.trim() ? `${before.trimEnd()} ${rendered}` : rendered));
    } catch (caught) {
      setError(caught);
    } finally {
      setPicked('');
    }
  };

  // Thanking likes the item and sends the words in the editor; an empty editor first gets a thank-you in the
  // item's language, to read over before sending.
  const thank = () => {
    if (body.trim()) {
      if (blocked) return;
      void act(engagements.includes('like') ? 'thank' : 'reply', body);
      return;
    }
    const fixed = i18n.getFixedT(item.language === 'fr' ? 'fr' : item.language === 'en' ? 'en' : i18n.language);
    const name = item.author.displayName?.split(/\s+/)[0] || item.author.handle;
    setBody(fixed('inbox.reply.thankText', { name: inert(name, 60) }));
    const editor = typeof ref === 'object' ? ref?.current : null;
    editor?.focus();
  };

  const matching = savedReplies.filter((s) => s.language === item.language);
  const others = savedReplies.filter((s) => s.language !== item.language);
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const isMastodon = item.network === 'mastodon';
  // Only what the network lets apps do: a message takes no like, and Facebook and Instagram give apps none at all.
  const engagements = item.kind === 'message' ? [] : engagementsOf(item.network);

  return (
    <section className="inbox-reply" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('inbox.reply.title')}</h3>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('inbox.reply.body', { network: networkName(item.network) })}</label>
        <LintedTextarea
          ref={setEditor}
          id={`${id}-body`}
          rows={4}
          value={body}
          findings={findings}
          onChange={(e) => setBody(e.target.value)}
          aria-describedby={check ? `${id}-count ${id}-lint` : `${id}-count`}
          maxLength={20_000}
        />
        <p id={`${id}-count`} className={`inbox-counter${over ? ' is-over' : ''}`} aria-live="polite">
          {t('inbox.reply.counter', { network: networkName(item.network), used, max })}
          {over ? ` ${t('inbox.reply.over', { count: used - max })}` : ''}
        </p>
        {check && body.trim() ? <CharterFindings id={`${id}-lint`} findings={findings} kind="reply" text={body} textarea={editor} onChange={setBody} /> : null}
      </div>
      <div className="inbox-reply-tools">
        {savedReplies.length > 0 ? (
          <div className="field inbox-saved">
            <label htmlFor={`${id}-saved`}>{t('inbox.reply.saved')}</label>
            <select id={`${id}-saved`} value={picked} onChange={(e) => void insertSaved(e.target.value)}>
              <option value="">{t('inbox.reply.savedPick')}</option>
              {matching.length > 0 ? (
                <optgroup label={t('inbox.reply.savedIn', { language: languageName(item.language) })}>
                  {matching.map((s) => (
                    <option key={s.id} value={s.id}>
                      {showDirectionControls(inert(s.title, 80))}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {others.length > 0 ? (
                <optgroup label={t('inbox.reply.savedOther')}>
                  {others.map((s) => (
                    <option key={s.id} value={s.id}>
                      {showDirectionControls(`${inert(s.title, 80)} (${languageName(s.language)})`)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </div>
        ) : null}
        <button type="button" className="button button-primary" disabled={!body.trim() || over || blocked || busy !== null} aria-describedby={blocked ? `${id}-blocked` : undefined} onClick={() => void act('reply', body)}>
          {busy === 'reply' ? t('inbox.reply.sending') : t('inbox.reply.send')}
        </button>
      </div>
      {blocked ? (
        <p id={`${id}-blocked`} className="lint-blocked">
          {t('charter.lint.blockedReply')}
        </p>
      ) : null}
      <div className="inbox-quick" role="group" aria-label={t('inbox.reply.quick')}>
        {engagements.includes('like') ? (
          <button type="button" className="button button-small" disabled={busy !== null} onClick={() => void act('like')}>
            {isMastodon ? t('inbox.reply.favourite') : t('inbox.reply.like')}
          </button>
        ) : null}
        {engagements.includes('repost') ? (
          <button type="button" className="button button-small" disabled={busy !== null} onClick={() => void act('repost')}>
            {isMastodon ? t('inbox.reply.boost') : t('inbox.reply.repost')}
          </button>
        ) : null}
        <button type="button" className="button button-small" disabled={busy !== null || over || blocked} onClick={thank} aria-describedby={`${id}-thank`}>
          {t('inbox.reply.thank')}
        </button>
        <span id={`${id}-thank`} className="muted inbox-quick-hint">
          {engagements.includes('like') ? t('inbox.reply.thankHint') : t('inbox.reply.thankHintMessage')}
          {item.kind !== 'message' && engagements.length === 0 ? ` ${t('inbox.reply.noEngagement', { network: networkName(item.network) })}` : ''}
        </span>
      </div>
      <ErrorAlert>{error ? (refused.length ? t('charter.lint.blockedReply') : errorMessage(t, error)) : null}</ErrorAlert>
      {error && refused.length ? <CharterFindings className="lint-server" findings={refused} kind="reply" label={t('charter.lint.serverFindings')} /> : null}
    </section>
  );
});
