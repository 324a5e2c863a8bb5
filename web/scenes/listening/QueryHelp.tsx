import { useTranslation } from 'react-i18next';

const EXAMPLES = ['words', 'phrase', 'and', 'or', 'not', 'parens', 'prefix', 'near', 'hashtag', 'handle', 'lang', 'author', 'site'] as const;

/** The query language in the reader's own words, each rule with an example. */
export function QueryHelp() {
  const { t } = useTranslation();
  return (
    <details className="query-help">
      <summary>{t('listening.query.help.title')}</summary>
      <p className="hint">{t('listening.query.help.folding')}</p>
      <dl className="query-help-list">
        {EXAMPLES.map((key) => (
          <div key={key} className="query-help-row">
            <dt>
              <code>{t(`listening.query.help.examples.${key}.query`)}</code>
            </dt>
            <dd>{t(`listening.query.help.examples.${key}.text`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
