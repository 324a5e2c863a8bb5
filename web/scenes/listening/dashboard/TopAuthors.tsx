import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkIcon } from '../../../components/NetworkIcon.js';
import { networkName } from '../../../lib/networks.js';
import { UserText } from '../../../components/UserText.js';
import type { Stats } from '../api.js';
import { formatCompact, formatCount } from '../names.js';
import { AUTHOR_SORTS, sortAuthors, type AuthorSort } from '../stats-view.js';

const SHOWN = 10;

/** The influencers to know: who spoke most, reached most, or moved most, sortable by each. */
export function TopAuthors({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const locale = i18n.language;
  const [by, setBy] = useState<AuthorSort>('relevance');
  const authors = sortAuthors(stats.authors, by).slice(0, SHOWN);
  const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('listening.dashboard.authors.title')}</h2>
      {authors.length === 0 ? (
        <p className="muted">{t('listening.dashboard.nothing')}</p>
      ) : (
        <div className="table-wrap">
          <table className="authors-table">
            <caption className="visually-hidden">{t('listening.dashboard.authors.caption', { by: t(`listening.dashboard.authors.${by}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('listening.dashboard.authors.author')}</th>
                {AUTHOR_SORTS.map((s) => (
                  <th key={s} scope="col" aria-sort={by === s ? 'descending' : undefined} className="num">
                    <button type="button" className="sort-button" onClick={() => setBy(s)} aria-pressed={by === s}>
                      {t(`listening.dashboard.authors.${s}`)}
                      <span aria-hidden="true">{by === s ? ' ▾' : ''}</span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {authors.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="author-cell">
                    <NetworkIcon network={a.network} label={t(`listening.networks.${a.network}`, { defaultValue: networkName(a.network) })} />
                    <span>
                      {a.displayName ? <UserText className="author-name">{a.displayName.slice(0, 200)}</UserText> : null}
                      <UserText className="muted author-handle">{a.network === 'feed' ? a.handle.slice(0, 200) : `@${a.handle.slice(0, 200)}`}</UserText>
                    </span>
                  </th>
                  <td className="num">{score.format(Number.isFinite(a.relevance) ? a.relevance : 0)}</td>
                  <td className="num">{typeof a.followers === 'number' ? formatCompact(a.followers, locale) : '—'}</td>
                  <td className="num">{formatCompact(a.engagement, locale)}</td>
                  <td className="num">{formatCount(a.mentions, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
