import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { showDirectionControls } from '../../lib/bidi.js';
import { NETWORKS, SENTIMENTS, type MentionQuery, type Topic } from './api.js';

// Languages the analysis names most often; any other can be typed in the search of a future version.
const LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt', 'nl'];

interface MentionFiltersProps {
  topics: Topic[];
  filters: MentionQuery;
  onChange: (filters: MentionQuery) => void;
}

/** Which mentions the stream shows: a topic, a sentiment, a network, a language, words, and the order. */
export function MentionFilters({ topics, filters, onChange }: MentionFiltersProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const languageName = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const set = (key: keyof MentionQuery, value: string) => onChange({ ...filters, [key]: value || undefined });
  const search = (event: FormEvent) => {
    event.preventDefault();
    set('q', q.trim());
  };

  return (
    <form className="mention-filters" role="search" aria-label={t('listening.mentions.filters.label')} onSubmit={search}>
      <div className="field">
        <label htmlFor={`${id}-topic`}>{t('listening.mentions.filters.topic')}</label>
        <select id={`${id}-topic`} value={filters.topicId ?? ''} onChange={(e) => set('topicId', e.target.value)}>
          <option value="">{t('listening.mentions.filters.allTopics')}</option>
          {topics.map((x) => (
            <option key={x.id} value={x.id}>
              {showDirectionControls(x.name)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-sentiment`}>{t('listening.mentions.filters.sentiment')}</label>
        <select id={`${id}-sentiment`} value={filters.sentiment ?? ''} onChange={(e) => set('sentiment', e.target.value)}>
          <option value="">{t('listening.mentions.filters.anySentiment')}</option>
          {SENTIMENTS.map((s) => (
            <option key={s} value={s}>
              {t(`listening.sentiment.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-network`}>{t('listening.mentions.filters.network')}</label>
        <select id={`${id}-network`} value={filters.network ?? ''} onChange={(e) => set('network', e.target.value)}>
          <option value="">{t('listening.mentions.filters.anyNetwork')}</option>
          {NETWORKS.map((n) => (
            <option key={n} value={n}>
              {t(`listening.networks.${n}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('listening.mentions.filters.language')}</label>
        <select id={`${id}-language`} value={filters.language ?? ''} onChange={(e) => set('language', e.target.value)}>
          <option value="">{t('listening.mentions.filters.anyLanguage')}</option>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageName.of(l) ?? l}
            </option>
          ))}
        </select>
      </div>
      <div className="field mention-sort">
        <label htmlFor={`${id}-sort`}>{t('listening.mentions.filters.sort')}</label>
        <select id={`${id}-sort`} value={filters.sort ?? 'newest'} onChange={(e) => set('sort', e.target.value === 'newest' ? '' : e.target.value)}>
          <option value="newest">{t('listening.mentions.filters.newest')}</option>
          <option value="reach">{t('listening.mentions.filters.reach')}</option>
        </select>
      </div>
      <div className="field mention-search">
        <label htmlFor={`${id}-q`}>{t('listening.mentions.filters.search')}</label>
        <div className="mention-search-row">
          <input id={`${id}-q`} type="search" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
          <button type="submit" className="button">
            {t('listening.mentions.filters.apply')}
          </button>
        </div>
      </div>
    </form>
  );
}
