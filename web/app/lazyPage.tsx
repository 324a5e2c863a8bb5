import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../components/Alert.js';
import { areaTexts } from '../i18n/index.js';

const RELOADED = 'ruche.reloadedFor';

/**
 * A page whose code is fetched the first time it is shown, with the texts of the areas (inbox, listening…) that the
 * public pages never need, and the usual loading sign meanwhile.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  const Page = lazy<ComponentType>(() =>
    Promise.all([load(), areaTexts()]).then(
      ([module]) => {
        session(() => sessionStorage.removeItem(RELOADED));
        return { default: module[name] };
      },
      (error: unknown) => {
        // After an upgrade, a tab opened before it asks for chunk names that no longer exist: loading the page
        // again fetches the new ones. Once per address, so that a server that is down does not loop.
        if (session(() => sessionStorage.getItem(RELOADED)) !== location.pathname) {
          session(() => sessionStorage.setItem(RELOADED, location.pathname));
          location.reload();
          return new Promise<never>(() => {});
        }
        throw new PageNotLoaded(error);
      },
    ),
  );
  return function LazyPage() {
    return (
      <NotLoaded>
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      </NotLoaded>
    );
  };
}

function session<T>(use: () => T): T | null {
  try {
    return use();
  } catch {
    return null; // storage refused (private mode): no reload memory, the error shows instead
  }
}

class PageNotLoaded extends Error {
  constructor(cause: unknown) {
    super('the page could not be loaded', { cause });
  }
}

/** What shows when a page's code cannot be fetched even after a reload; any other error goes on up. */
class NotLoaded extends Component<{ children: ReactNode }, { error: unknown }> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    if (this.state.error === null) return this.props.children;
    if (this.state.error instanceof PageNotLoaded) return <NetworkError />;
    throw this.state.error;
  }
}

function NetworkError() {
  const { t } = useTranslation();
  return <ErrorAlert>{t('errors.network')}</ErrorAlert>;
}
