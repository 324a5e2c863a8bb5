import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SocialAccountView } from '../../../src/shared/api.js';
import { networkName } from '../../lib/counters.js';
import { NetworkIcon } from '../../components/NetworkIcon.js';
import { UserText } from '../../components/UserText.js';
import type { Finding } from '../../../src/shared/charter/findings.js';
import { LintedTextarea } from '../../components/charter/LintedTextarea.js';
import { CharterFindings } from '../../components/charter/CharterFindings.js';
import { stopsMessage } from '../../components/charter/wording.js';
import { Counters } from './Counters.js';
import { NetworkOptionsFields } from './NetworkOptionsFields.js';
import type { PostOptionsView } from '../../../src/shared/api.js';

interface VariantTabsProps {
  accounts: SocialAccountView[];
  body: string;
  variants: Record<string, string>;
  onChange: (variants: Record<string, string>) => void;
  disabled?: boolean;
  prepare?: (network: string, text: string) => string;
  /** The charter's findings on each account's own text; absent while the charter is read or the text is read only. */
  findings?: Record<string, Finding[]>;
  /** The network tabs' settings, by network (one set per network, shared by its accounts). */
  options?: Record<string, PostOptionsView>;
  onOptionsChange?: (options: Record<string, PostOptionsView>) => void;
  /** What each network would refuse, as the server said when asked to send the post. */
  fit?: FitProblemView[];
}

/** One reason a network would refuse the post (src/modules/publishing/network-fit.ts FitProblem). */
export interface FitProblemView {
  network: string;
  code: string;
  message: string;
  params: Record<string, string | number>;
}

/** One tab per selected account: it uses the main text unless given its own (tabs follow the WAI-ARIA pattern). */
export function VariantTabs({ accounts, body, variants, onChange, disabled, prepare, findings, options, onOptionsChange, fit }: VariantTabsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState(0);
  const editor = useRef<HTMLTextAreaElement>(null);
  if (accounts.length === 0) return null;
  const index = Math.min(current, accounts.length - 1);
  const account = accounts[index];
  const own = account.id in variants;
  const refusals = (fit ?? []).filter((p) => p.network === account.network);

  const onKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + accounts.length) % accounts.length;
    setCurrent(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  };

  const setOwn = (on: boolean) => {
    const next = { ...variants };
    if (on) next[account.id] = body;
    else delete next[account.id];
    onChange(next);
  };

  return (
    <section className="variants" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('composer.variants')}</h3>
      <div role="tablist" aria-labelledby={`${id}-title`} className="tabs" onKeyDown={onKey}>
        {accounts.map((a, i) => (
          <button
            key={a.id}
            id={`${id}-tab-${i}`}
            type="button"
            role="tab"
            aria-selected={i === index}
            aria-controls={`${id}-panel`}
            tabIndex={i === index ? 0 : -1}
            className="tab"
            onClick={() => setCurrent(i)}
          >
            <NetworkIcon network={a.network} /> <UserText>{`@${a.handle}`}</UserText> <span className="muted">({networkName(a.network)})</span>
            {a.id in variants ? (
              <>
                <span aria-hidden="true"> ✎</span>
                <span className="visually-hidden"> ({t('composer.variantOwn')})</span>
              </>
            ) : null}
            {findings?.[a.id]?.some(stopsMessage) ? <span className="lint-tab-flag"> {t('charter.lint.tabBlocked')}</span> : null}
            {fit?.some((p) => p.network === a.network) ? <span className="lint-tab-flag"> {t('composer.fit.tabFlag')}</span> : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${index}`} className="tab-panel">
        {refusals.length > 0 ? (
          <div className="notice error" role="alert">
            <p>{t('composer.fit.title', { network: networkName(account.network) })}</p>
            <ul>
              {refusals.map((p, i) => (
                <li key={i}>{t(`composer.fit.${p.code}`, { ...p.params, defaultValue: p.message })}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <label className="check">
          <input type="checkbox" checked={!own} disabled={disabled} onChange={(e) => setOwn(!e.target.checked)} />
          {t('composer.useMainText')}
        </label>
        {own ? (
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('composer.variantFor', { handle: account.handle })}</label>
            <LintedTextarea
              ref={editor}
              id={`${id}-text`}
              rows={4}
              value={variants[account.id]}
              findings={findings?.[account.id] ?? []}
              disabled={disabled}
              aria-describedby={findings ? `${id}-count ${id}-lint` : `${id}-count`}
              onChange={(e) => onChange({ ...variants, [account.id]: e.target.value })}
            />
            <Counters id={`${id}-count`} text={variants[account.id]} networks={[account.network]} prepare={prepare} />
            {findings ? (
              <CharterFindings
                id={`${id}-lint`}
                findings={findings[account.id] ?? []}
                kind="post"
                text={variants[account.id]}
                textarea={editor}
                onChange={(text) => onChange({ ...variants, [account.id]: text })}
              />
            ) : null}
          </div>
        ) : (
          <p className="muted">{t('composer.usesMainText')}</p>
        )}
        {onOptionsChange ? (
          <NetworkOptionsFields
            network={account.network}
            value={options?.[account.network] ?? {}}
            disabled={disabled}
            onChange={(value) => onOptionsChange({ ...options, [account.network]: value })}
          />
        ) : null}
      </div>
    </section>
  );
}
