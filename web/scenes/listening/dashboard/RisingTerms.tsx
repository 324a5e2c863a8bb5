import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/UserText.js';
import type { RisingTerm, Stats } from '../api.js';
import { safeLink } from '../highlight.js';
import { formatCount } from '../names.js';

const KINDS = ['hashtags', 'keywords', 'links'] as const;
const SHOWN = 8;

/** The hashtags, words and links said more than usual in the period, with how much more. */
export function RisingTerms({ stats }: { stats: Stats }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('listening.dashboard.rising.title')}</h2>
      <div className="rising-columns">
        {KINDS.map((kind) => (
          <div key={kind} className="rising-column">
            <h3 id={`${id}-${kind}`}>{t(`listening.dashboard.rising.${kind}`)}</h3>
            {stats.rising[kind].length === 0 ? (
              <p className="muted">{t('listening.dashboard.rising.none')}</p>
            ) : (
              <ol className="rising-list" aria-labelledby={`${id}-${kind}`}>
                {stats.rising[kind].slice(0, SHOWN).map((r) => (
                  <li key={r.term}>
                    <Term kind={kind} term={r} />
                  </li>
                ))}
              </ol>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function Term({ kind, term }: { kind: (typeof KINDS)[number]; term: RisingTerm }) {
  const { t, i18n } = useTranslation();
  const text = term.term.slice(0, 200);
  const link = kind === 'links' ? safeLink(term.term) : null;
  return (
    <>
      {link ? (
        <a href={link} target="_blank" rel="noopener noreferrer nofollow" className="rising-term">
          <UserText>{text}</UserText>
        </a>
      ) : (
        <UserText className="rising-term">{text}</UserText>
      )}{' '}
      <span className="muted rising-figures">
        {t('listening.dashboard.rising.figures', { count: term.recent, recent: formatCount(term.recent, i18n.language), baseline: formatCount(Math.round(term.baseline * 10) / 10, i18n.language) })}
      </span>
    </>
  );
}
