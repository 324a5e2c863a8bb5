import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceView } from '../../../../src/shared/api.js';
import { api } from '../../../api/client.js';
import { ErrorAlert } from '../../../components/Alert.js';
import { errorMessage } from '../../../lib/errors.js';
import { shrinkImage } from '../../../lib/images.js';
import { WorkspaceMark } from '../../../components/WorkspaceMark.js';

// The server takes request bodies up to 1 MB; larger pictures are made smaller in the browser first.
const MAX_BYTES = 1024 * 1024 - 4096;

interface LogoFieldProps {
  workspace: WorkspaceView;
  canEdit: boolean;
  onSaved: (workspace: WorkspaceView, message: string) => void;
}

/** The workspace's logo: picked from the computer, saved at once, shown in the workspace menu. */
export function LogoField({ workspace, canEdit, onSaved }: LogoFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<WorkspaceView>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await action(), message);
    } catch (caught) {
      setError(errorMessage(t, caught));
    } finally {
      setBusy(false);
      if (file.current) file.current.value = '';
    }
  };

  const upload = (picked: File | undefined) => {
    if (!picked) return;
    void run(async () => api.workspaces.setLogo(workspace.id, await shrinkImage(picked, MAX_BYTES)), t('workspaceSettings.logoSaved'));
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('workspaceSettings.logo')}</h2>
      <div className="logo-field">
        <WorkspaceMark name={workspace.name} logoUrl={workspace.logoUrl} size="large" />
        <div className="logo-actions">
          <p className="hint" id={`${id}-hint`}>
            {t('workspaceSettings.logoHint')}
          </p>
          <ErrorAlert>{error}</ErrorAlert>
          {canEdit ? (
            <div className="cell-actions">
              <label className="button file-button">
                {workspace.logoUrl ? t('workspaceSettings.logoReplace') : t('workspaceSettings.logoChoose')}
                <input
                  ref={file}
                  type="file"
                  className="visually-hidden"
                  accept="image/png,image/jpeg,image/webp,image/gif"
                  aria-describedby={`${id}-hint`}
                  disabled={busy}
                  onChange={(e) => upload(e.target.files?.[0])}
                />
              </label>
              {workspace.logoUrl ? (
                <button type="button" className="button" disabled={busy} onClick={() => void run(() => api.workspaces.removeLogo(workspace.id), t('workspaceSettings.logoRemoved'))}>
                  {t('workspaceSettings.logoRemove')}
                </button>
              ) : null}
              {busy ? <span className="muted">{t('composer.uploading')}</span> : null}
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}
