/**
 * What a browser test stands on: a real Ruche serving the built web app in its own data folder, and
 * Debian's Chromium driven by playwright-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startRuche } from '../../src/app.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = '/usr/bin/chromium';

export interface Server {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) {
    throw new Error('dist/web/index.html is missing: run "npm run build:web" before the browser tests (npm test does it).');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruche-browser-'));
  const ruche = await startRuche({ env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' } });
  if (!ruche.url) throw new Error('Ruche started without its api role');
  return {
    url: ruche.url,
    async stop() {
      await ruche.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/** A fresh visitor: own cookies and storage, the languages their browser asks for and, when given, its time zone. */
export async function newVisitor(browser: Browser, server: Server, locale: string, timezoneId?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.url, locale, ...(timezoneId ? { timezoneId } : {}) });
  const page = await context.newPage();
  return { context, page };
}

/** A Ruche and a browser for one suite, started before its tests and stopped after; read them inside the tests. */
export function browserSuite<S extends Server>(start: () => Promise<S>, timeout = 120_000): { readonly server: S; readonly browser: Browser } {
  const suite = {} as { server: S; browser: Browser };
  beforeAll(async () => {
    suite.server = await start();
    suite.browser = await launchBrowser();
  }, timeout);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}
