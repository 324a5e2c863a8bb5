import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../app/workspace.js';
import { Page } from '../../components/Page.js';
import { TicketDialog } from './TicketDialog.js';
import { HowToOpen } from './HowToOpen.js';
import './tickets.css';

/**
 * /tickets/new?item=<id>: the ticket dialog on its own page, so that any link (a notification, another page) can
 * send an item to a department; once sent, the ticket opens, and on cancel the browser goes back.
 */
export function NewTicketPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { workspaceId } = useWorkspace();
  const itemId = params.get('item') ?? '';
  const base = `/w/${encodeURIComponent(workspaceId)}/tickets`;
  return (
    <Page title={t('tickets.dialog.title')}>
      {itemId ? (
        <TicketDialog
          workspaceId={workspaceId}
          itemId={itemId}
          onOpened={(ticket) => navigate(`${base}/${encodeURIComponent(ticket.id)}`)}
          onClose={() => navigate(base)}
        />
      ) : (
        <section className="card tickets-area">
          <HowToOpen />
        </section>
      )}
    </Page>
  );
}
