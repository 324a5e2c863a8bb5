import { useTranslation } from 'react-i18next';
import type { Loaded } from '../app/useLoad.js';
import { errorMessage } from '../lib/errors.js';
import { ErrorAlert, Loading } from './Alert.js';

/** What a page says while its data loads, or why it could not, with a button to try again. Nothing once ready. */
export function LoadStatus({ loaded, reload }: { loaded: Loaded<unknown>; reload: () => Promise<void> }) {
  const { t } = useTranslation();
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status !== 'failed') return null;
  return (
    <ErrorAlert>
      {errorMessage(t, loaded.error)}{' '}
      <button type="button" className="button button-small" onClick={() => void reload()}>
        {t('common.retry')}
      </button>
    </ErrorAlert>
  );
}
