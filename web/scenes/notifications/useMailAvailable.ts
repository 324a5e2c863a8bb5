import { useEffect, useState } from 'react';
import { notificationsApi } from '../../api/notifications.js';

/**
 * Whether this server sends e-mail (SMTP_URL set), for the forms that offer to e-mail something: false only once
 * the server said so, so that nothing warns while it is being asked or when it cannot be reached.
 */
export function useMailAvailable(): boolean {
  const [available, setAvailable] = useState(true);
  useEffect(() => {
    let live = true;
    notificationsApi.preferences().then(
      (prefs) => live && setAvailable(prefs.emailAvailable),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return available;
}
