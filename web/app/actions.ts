import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { useSession } from './session.js';

export interface Action {
  id: string;
  label: string;
  run: () => void;
}

/**
 * The registry of app-wide actions. Menus (and later shortcuts or a command palette) read them from
 * here instead of each wiring its own handler.
 */
export function useActions(): Record<'account' | 'newWorkspace' | 'signOut', Action> {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { setSession } = useSession();

  return useMemo(
    () => ({
      account: { id: 'account', label: t('menu.profile'), run: () => navigate('/account') },
      newWorkspace: { id: 'newWorkspace', label: t('switcher.new'), run: () => navigate('/workspaces/new') },
      signOut: {
        id: 'signOut',
        label: t('menu.signOut'),
        run: () => {
          // Whatever the server says, the person asked to leave: forget the session here. The route
          // guards then show the sign-in page (or keep an invitation page, which works signed out).
          void api.session.signOut().catch(() => undefined).finally(() => setSession(null, 'signedOut'));
        },
      },
    }),
    [t, navigate, setSession],
  );
}
