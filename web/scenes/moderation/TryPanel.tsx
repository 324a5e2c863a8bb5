import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { moderation, type RuleAction, type RuleConditions, type TryResult } from '../../api/moderation.js';
import { ErrorAlert } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { MarkedText } from './ItemCard.js';
import { UserText } from '../../components/UserText.js';
import { excerpt } from './text.js';
import { actionPhrase, type SummaryNames } from './summary.js';

export const TRY_LIMIT = 500;
const SHOWN = 50;

/** The verb of the headline: the strongest action on the network, else a plain "matched". */
function headlineVerb(actions: RuleAction[]): string {
  for (const type of ['delete', 'hide', 'block', 'mute', 'report', 'review'] as const) if (actions.some((a) => a.type === type)) return type;
  return 'matched';
}

interface TryPanelProps {
  workspaceId: string;
  conditions: RuleConditions;
  actions: RuleAction[];
  names: SummaryNames;
  /** Runs at once (when opened before switching on); otherwise waits for its button. */
  auto?: boolean;
  /** Shown once the trial answered: e.g. the Switch on button. */
  after?: (result: TryResult) => ReactNode;
}

/** "Would have hidden 12 of the last 500", with the 12 and, per action, whether their network allows it. */
export function TryPanel({ workspaceId, conditions, actions, names, auto, after }: TryPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [result, setResult] = useState<TryResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** A rule that does nothing yet cannot be tried: said in words, with nothing to retry. */
  const [needsAction, setNeedsAction] = useState(false);

  const run = async () => {
    setNeedsAction(actions.length === 0);
    if (actions.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await moderation.rules.try(workspaceId, { conditions, actions, limit: TRY_LIMIT }));
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (auto) void run();
    // A trial runs once when asked for; later edits ask again through the button.
  }, []);

  const verb = headlineVerb(actions);
  return (
    <section className="mod-try" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <h3 id={`${id}-title`}>{t('moderation.try.title')}</h3>
      <div className="cell-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void run()}>
          {busy ? t('moderation.try.running') : result ? t('moderation.try.again', { count: TRY_LIMIT }) : t('moderation.try.button', { count: TRY_LIMIT })}
        </button>
      </div>
      {needsAction ? <ErrorAlert>{t('moderation.editor.problems.action')}</ErrorAlert> : null}
      {error && !needsAction ? (
        <ErrorAlert>
          {error}{' '}
          <button type="button" className="button button-small" onClick={() => void run()}>
            {t('common.retry')}
          </button>
        </ErrorAlert>
      ) : null}
      <div role="status" className="mod-try-result">
        {result ? (
          <strong>
            {result.matched === 0
              ? t('moderation.try.none', { tried: result.tried })
              : t(`moderation.try.result.${verb}`, { matched: result.matched, tried: result.tried })}
          </strong>
        ) : null}
      </div>
      {result && result.items.length > 0 ? (
        <>
          <ol className="mod-try-list" aria-label={t('moderation.try.listLabel')}>
            {result.items.slice(0, SHOWN).map((item) => (
              <li key={item.id} className="mod-try-item">
                <p className="mod-try-author">
                  <UserText>{`@${excerpt(item.author.handle, 60)}`}</UserText>{' '}
                  <span className="muted">· {t(`moderation.networks.${item.network}`, { defaultValue: item.network })}</span>
                </p>
                <p className="mod-try-text">
                  <MarkedText text={item.text} reasons={item.reasons} short />
                </p>
                <ul className="mod-allowed">
                  {(item.actions ?? []).map((a, i) => {
                    const action = actions.find((x) => x.type === a.type);
                    const phrase = action ? actionPhrase(t, action, names) : a.type;
                    const network = t(`moderation.networks.${item.network}`, { defaultValue: item.network });
                    return (
                      <li key={i} className={a.allowed ? 'mod-ok' : 'mod-not'}>
                        <span aria-hidden="true">{a.allowed ? '✓ ' : '→ '}</span>
                        {a.allowed ? t('moderation.try.allowed', { action: phrase, network }) : t('moderation.try.notAllowed', { action: phrase, network })}
                        {!a.allowed && a.why ? ` (${t(`moderation.try.why.${a.why}`, { defaultValue: a.why })})` : null}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ol>
          {result.items.length > SHOWN ? <p className="hint">{t('moderation.try.shown', { shown: SHOWN })}</p> : null}
        </>
      ) : null}
      {result && after ? after(result) : null}
    </section>
  );
}
