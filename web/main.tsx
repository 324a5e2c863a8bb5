import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from './i18n/index.js';
import { SessionProvider } from './app/session.js';
import { App } from './app/App.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/content.css';
import './styles/menus.css';
import './styles/calendar.css';
import './styles/composer.css';
import './styles/workspace.css';
import './styles/approvals.css';
import './styles/settings.css';
import './styles/topbar.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The texts of the page's language come first (a chunk of their own), then the page. Not a top-level await: with
// one, the build moves all the code pages share with this entry into chunks of their own (twenty files to fetch for
// the first page instead of eight).
void initI18n().then((i18n) =>
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </I18nextProvider>
    </StrictMode>,
  ),
);
