import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvitationView } from '../../../src/shared/api.js';
import { api } from '../../api/client.js';
import { useWorkspace } from '../../app/workspace.js';
import { useLoad } from '../../app/useLoad.js';
import { useSignedIn } from '../../app/session.js';
import { Page } from '../../components/Page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Alert.js';
import { errorMessage } from '../../lib/errors.js';
import { MemberRow } from './MemberRow.js';
import { InviteForm } from './InviteForm.js';
import { PendingInvitations } from './PendingInvitations.js';
import { RolesHelp } from './RolesHelp.js';
// The members' table turns into one block per person on a phone, as the audit log does.
import '../../styles/audit.css';

export function MembersPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const session = useSignedIn();
  const wid = workspace.workspaceId;
  const [members, reloadMembers] = useLoad(() => api.members.list(wid), [wid]);
  const canInvite = workspace.can('members.invite');
  const [invitations, reloadInvitations] = useLoad<{ items: InvitationView[] }>(
    () => (canInvite ? api.workspaceInvitations.list(wid) : Promise.resolve({ items: [] })),
    [wid, canInvite],
  );
  const [status, setStatus] = useState('');

  return (
    <Page title={t('members.title')} lead={t('areas.members.description')}>
      <StatusMessage>{status}</StatusMessage>
      {canInvite ? <InviteForm onInvited={() => void reloadInvitations()} /> : null}
      <section className="card" aria-labelledby="members-list">
        <h2 id="members-list">
          {members.status === 'ready' ? t('members.count', { count: members.data.items.length }) : t('members.title')}
        </h2>
        {members.status === 'loading' ? <Loading /> : null}
        {members.status === 'failed' ? <ErrorAlert>{errorMessage(t, members.error)}</ErrorAlert> : null}
        {members.status === 'ready' ? (
          <div className="table-wrap">
            <table className="log-table members-table">
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('common.email')}</th>
                  <th scope="col">{t('common.role')}</th>
                  <th scope="col">{t('members.joined')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.data.items.map((m) => (
                  <MemberRow
                    key={m.id}
                    member={m}
                    isMe={m.userId === session.user.id}
                    onChanged={(message) => void reloadMembers().then(() => setStatus(message))}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      {canInvite ? (
        <PendingInvitations
          state={invitations}
          onChanged={(message) => void reloadInvitations().then(() => setStatus(message))}
        />
      ) : null}
      <RolesHelp />
    </Page>
  );
}
